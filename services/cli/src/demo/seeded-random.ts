import { createHash } from 'node:crypto';

/** A reproducible stream of numbers in [0, 1) from a seed: SHA-256 in counter mode (not for secrets). */
export function seededRandom(seed: string): () => number {
  let counter = 0;
  let pool: Buffer = Buffer.alloc(0);
  return () => {
    if (pool.length < 6) {
      pool = createHash('sha256').update(`${seed}\n${counter++}`).digest();
    }
    const value = pool.readUIntBE(0, 6) / 2 ** 48;
    pool = pool.subarray(6);
    return value;
  };
}

/** Draws `count` distinct items, each with probability proportional to its weight among those left. */
export function weightedOrder<T>(
  items: readonly T[],
  weights: readonly number[],
  count: number,
  random: () => number,
): T[] {
  const left = items.map((item, i) => ({ item, weight: weights[i] ?? 1 }));
  const out: T[] = [];
  while (out.length < count && left.length > 0) {
    const total = left.reduce((s, x) => s + x.weight, 0);
    let r = random() * total;
    let i = 0;
    while (i < left.length - 1 && r >= left[i]!.weight) r -= left[i++]!.weight;
    out.push(left.splice(i, 1)[0]!.item);
  }
  return out;
}
