import { MAIL_QUEUE } from '@permis/platform';
import { startSmtpSink, testClient, until } from '@permis/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAntsHttp } from './api.ts';
import { AGENT } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let extraSink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
beforeEach(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterEach(async () => {
  await extraSink?.close();
  await ants.close();
});

describe('undelivered mail and SMS', () => {
  it('are listed for agents with the last error, and sent again once the mail server is back', async () => {
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    expect((await testClient(ants.app).get('/api/agent/deliveries')).statusCode).toBe(401);
    expect((await agent.get('/api/agent/deliveries')).json()).toEqual({ deliveries: [] });

    // The mail server goes away; a mail exhausts its (single) attempt.
    const port = Number(new URL(ants.sink!.url).port);
    await ants.sink!.close();
    await ants.jobs!.send(
      MAIL_QUEUE,
      { to: 'eleve@example.fr', subject: 'Votre identifiant de connexion ANTS', text: 'Bonjour' },
      { retryLimit: 0 },
    );
    const deliveries = await until(async () => {
      const listed: { id: string; channel: string; to: string; summary: string; error: string }[] = (
        await agent.get('/api/agent/deliveries')
      ).json().deliveries;
      return listed.length > 0 ? listed : undefined;
    }, 'the undelivered mail listed');
    expect(deliveries).toEqual([
      expect.objectContaining({
        channel: 'mail',
        to: 'eleve@example.fr',
        summary: 'Votre identifiant de connexion ANTS',
        error: expect.stringContaining('ECONNREFUSED'),
      }),
    ]);

    extraSink = await startSmtpSink(port);
    const id = deliveries[0]!.id;
    expect((await agent.post(`/api/agent/deliveries/mail/${id}/retry`)).json()).toEqual({ retried: true });
    const mail = await extraSink.waitFor((m) => m.subject === 'Votre identifiant de connexion ANTS');
    expect(mail.text?.trim()).toBe('Bonjour');
    expect((await agent.get('/api/agent/deliveries')).json().deliveries).toEqual([]);

    const again = await agent.post(`/api/agent/deliveries/mail/${id}/retry`);
    expect(again.statusCode).toBe(404);
    expect((await agent.post('/api/agent/deliveries/fax/x/retry')).statusCode).toBe(400);
  });
});
