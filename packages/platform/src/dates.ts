/** Midnight in Paris of an ISO date (plus `days`), as an instant. */
export function parisDayStart(date: string, days = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + days);
  const offset = parisOffsetMinutes(new Date(utcMidnight));
  return new Date(utcMidnight - offset * 60000);
}

const PARIS_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

function parisOffsetMinutes(at: Date): number {
  const name = PARIS_OFFSET.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
