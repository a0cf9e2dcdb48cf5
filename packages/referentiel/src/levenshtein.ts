// Two rows reused by every call: the close-spelling search runs this over hundreds of names per
// record, and allocating rows each time cost more than the comparisons.
let previous = new Int32Array(64);
let current = new Int32Array(64);

/** Edit distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > previous.length) {
    previous = new Int32Array(2 * (b.length + 1));
    current = new Int32Array(2 * (b.length + 1));
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The edit distance from `key` to any name, bounded as `boundedLevenshtein` is, made for comparing
 * one key with hundreds of names. A key of up to 32 ASCII letters is held as bit masks (Myers'
 * bit-parallel algorithm, in Hyyrö's form for the distance between two whole strings): each letter
 * of a name costs a few word operations instead of a row of the table.
 */
export function distanceFrom(key: string): (name: string, max: number) => number {
  const n = key.length;
  if (n === 0 || n > 32 || /[^\0-\x7f]/.test(key)) return (name, max) => boundedLevenshtein(key, name, max);
  // positions[c]: the bits of the key's positions that hold letter c.
  const positions = new Int32Array(128);
  for (let i = 0; i < n; i++) positions[key.charCodeAt(i)]! |= 1 << i;
  const last = 1 << (n - 1);
  return (name, max) => {
    const m = name.length;
    if (Math.abs(n - m) > max) return max + 1;
    let pv = -1;
    let mv = 0;
    let score = n;
    for (let i = 0; i < m; i++) {
      const code = name.charCodeAt(i);
      let eq = code < 128 ? positions[code]! : 0;
      const xv = eq | mv;
      eq |= ((eq & pv) + pv) ^ pv;
      mv |= ~(eq | pv);
      pv &= eq;
      if (mv & last) score++;
      if (pv & last) score--;
      // The score moves by one a letter at most: past reach, whatever the rest of the name.
      if (score - (m - 1 - i) > max) return max + 1;
      mv = (mv << 1) | 1;
      pv = (pv << 1) | ~(xv | mv);
      mv &= xv;
    }
    return score <= max ? score : max + 1;
  };
}
