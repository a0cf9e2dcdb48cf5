import type { Jobs } from '@permis/platform';
import type { AntsDb } from '../db/index.ts';
import { smsOutbox } from '../db/schema.ts';

export type Sms = { to: string; text: string };

/** Where SMS go: an HTTP gateway in production, the development outbox otherwise (the one test double at the edge). */
export type SmsProvider = { send(sms: Sms): Promise<void> };

export function httpSmsProvider(url: string, token: string | undefined): SmsProvider {
  return {
    async send(sms) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(sms),
        signal: AbortSignal.timeout(10000),
      });
      if (!response.ok) throw new Error(`Passerelle SMS : HTTP ${response.status}`);
    },
  };
}

export function outboxSmsProvider(db: AntsDb): SmsProvider {
  return {
    async send(sms) {
      await db.insert(smsOutbox).values(sms);
    },
  };
}

export const SMS_QUEUE = 'sms-send';

export type SmsQueue = { enqueue(sms: Sms): Promise<void> };

/** SMS, like mail, leave through the job queue: retried, and visible as failed when they keep failing. */
export async function startSmsQueue(jobs: Jobs, provider: SmsProvider): Promise<SmsQueue> {
  await jobs.work<Sms>(SMS_QUEUE, (sms) => provider.send(sms));
  return {
    async enqueue(sms) {
      await jobs.send(SMS_QUEUE, sms);
    },
  };
}

/** "06 12 34 56 78" or "+33612345678" → "+33612345678"; empty when there is no mobile. */
export function internationalMobile(mobile: string): string {
  const digits = mobile.replace(/[^\d+]/g, '');
  if (/^0[67]\d{8}$/.test(digits)) return `+33${digits.slice(1)}`;
  return /^\+33[67]\d{8}$/.test(digits) ? digits : '';
}
