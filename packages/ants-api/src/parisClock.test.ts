import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parisClock, parisDate, parisStamp } from './parisClock.ts';

const INTL_STAMP = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function intlStamp(at: Date): string {
  const p = Object.fromEntries(INTL_STAMP.formatToParts(at).map((part) => [part.type, part.value]));
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

describe('the Paris wall clock', () => {
  it('reads as Intl does around both changes of time (29 March and 25 October 2026)', () => {
    for (const around of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      const change = Date.parse(around);
      // Second by second across the change, in order and backwards (the cache follows the hour).
      for (const step of [1, -1]) {
        for (let s = -7200; s <= 7200; s += 1) {
          const at = new Date(change + step * s * 1000);
          expect(parisStamp(parisClock(at))).toBe(intlStamp(at));
        }
      }
    }
    expect(parisStamp(parisClock(new Date('2026-03-29T00:59:59Z')))).toBe('20260329015959');
    expect(parisStamp(parisClock(new Date('2026-03-29T01:00:00Z')))).toBe('20260329030000');
    expect(parisStamp(parisClock(new Date('2026-10-25T00:59:59Z')))).toBe('20261025025959');
    expect(parisStamp(parisClock(new Date('2026-10-25T01:00:00Z')))).toBe('20261025020000');
  });

  it('reads as Intl does at any instant from 1970 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        const at = new Date(ms);
        expect(parisStamp(parisClock(at))).toBe(intlStamp(at));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the day in Paris: 23:30 UTC on 31 December is already 1 January', () => {
    expect(parisDate(parisClock(new Date('2026-12-31T23:30:00Z')))).toBe('2027-01-01');
    expect(parisDate(parisClock(new Date('2026-07-14T21:59:59Z')))).toBe('2026-07-14');
    expect(parisDate(parisClock(new Date('2026-07-14T22:00:00Z')))).toBe('2026-07-15');
  });
});
