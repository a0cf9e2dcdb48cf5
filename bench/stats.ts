/** Timing helpers shared by the scenarios: run n times, report percentiles in milliseconds. */
export async function measure(
  n: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; p99: number; mean: number }> {
  for (let i = 0; i < Math.min(10, n); i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

/**
 * One line of the bench's table: a figure with its target and whether it met it, or a detail line
 * (the figures a measured line sums up, e.g. each size of a growth), which carries no target.
 */
export type Row =
  | { scenario: string; figure: string; target: string; met: boolean }
  | { scenario: string; figure: string; detail: true };

export function printTable(rows: Row[]) {
  const cells = (row: Row) => [
    row.scenario,
    row.figure,
    'detail' in row ? '' : row.target,
    'detail' in row ? '' : row.met ? 'tenue' : 'MANQUÉE',
  ];
  const table = [['scénario', 'mesure', 'cible', 'verdict'], ...rows.map(cells)];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((line) => line[i]!.length), 7));
  const line = (values: string[]) => values.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(line(table[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const values of table.slice(1)) console.log(line(values));
}

/** The lines whose target was missed. */
export function misses(rows: Row[]): Row[] {
  return rows.filter((row) => !('detail' in row) && !row.met);
}

/** The median of some runs' figures, with their spread: "12.3 ms (10.1–14.8, 5 runs)". */
export function medianOf(values: number[], unit = 'ms', digits = 1): { median: number; text: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const f = (n: number) => n.toFixed(digits);
  return {
    median,
    text: `${f(median)} ${unit} (${f(sorted[0]!)}–${f(sorted.at(-1)!)}, ${sorted.length} runs)`,
  };
}

/** The p99 of a list of timings. */
export function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
}
