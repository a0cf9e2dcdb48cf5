import { randomInt } from 'node:crypto';
import type { ApplicationType } from '@permis/ants-api';

/**
 * The application number, in the agency's long form (seed 000: 92120170901163417755443): a
 * three-digit prefix (901 for a Cerfa 02, 921 for a Cerfa 06), the creation time in Paris
 * (yyyyMMddHHmmss) and six random digits — 23 digits.
 */
export function applicationNumber(type: ApplicationType, now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const stamp = `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}`;
  return `${type === '02' ? '901' : '921'}${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
