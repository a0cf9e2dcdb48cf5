import type { Jobs, SecretBox } from '@permis/platform';
import { desc } from 'drizzle-orm';
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

/** The development outbox: each SMS kept sealed (it may carry an activation link). */
export function outboxSmsProvider(db: AntsDb, box: SecretBox): SmsProvider {
  return {
    async send(sms) {
      await db.insert(smsOutbox).values({ to: sms.to, text: box.seal(sms.text) });
    },
  };
}

/** The outbox's SMS, newest first, readable. */
export async function readSmsOutbox(db: AntsDb, box: SecretBox, limit = 200) {
  const rows = await db.select().from(smsOutbox).orderBy(desc(smsOutbox.sentAt)).limit(limit);
  return rows.map((row) => ({ ...row, text: box.open(row.text) }));
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
