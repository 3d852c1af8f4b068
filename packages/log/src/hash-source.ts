// Where proofs and tiles get their hashes: a "hash source" returns the hash of a complete subtree
// (2^level leaves starting at leaf index * 2^level), from memory, tiles or a database, so nothing
// has to load every leaf. Ranges in the RFC 9162 §2.1.1 recursion are rebuilt from such subtrees.
import { check, LogError } from './errors.js';
import { EMPTY_ROOT, isPowerOfTwo, nodeHash, splitPoint, toHash, type Hash } from './hash.js';

/** A complete subtree: the 2^level leaves from index * 2^level. */
export interface SubtreeId {
  readonly level: number;
  readonly index: number;
}

/** Synchronous source: the hash of one complete subtree; throws LOG_MISSING_HASH when it does not have it. */
export type HashLookup = (level: number, index: number) => Hash;

/** Batched, possibly asynchronous source (one database query, parallel tile fetches): hashes in the order asked. */
export type HashReader = (
  ids: readonly SubtreeId[],
) => readonly Uint8Array[] | Promise<readonly Uint8Array[]>;

const key = (level: number, index: number): string => `${level}/${index}`;

/** MTH(D[lo:hi]) for a range of the RFC 9162 §2.1.1 recursion (lo a multiple of the next power of two above hi-lo). */
export function rangeHash(get: HashLookup, lo: number, hi: number): Hash {
  const n = hi - lo;
  check(n > 0, 'LOG_BAD_ARGUMENT', `empty range ${lo}..${hi}`);
  if (isPowerOfTwo(n)) return get(levelOf(n), lo / n);
  const k = splitPoint(n);
  return nodeHash(rangeHash(get, lo, lo + k), rangeHash(get, lo + k, hi));
}

/** RFC 9162 §2.1.1: the tree head (root) of the first `size` leaves, from a hash source. */
export function treeRoot(get: HashLookup, size: number): Hash {
  check(
    Number.isSafeInteger(size) && size >= 0,
    'LOG_BAD_ARGUMENT',
    `tree size ${size} is not a non-negative integer`,
  );
  return size === 0 ? EMPTY_ROOT : rangeHash(get, 0, size);
}

/** treeRoot over a batched, possibly asynchronous reader. */
export function readTreeRoot(reader: HashReader, size: number): Promise<Hash> {
  return withReader(reader, (get) => treeRoot(get, size));
}

/** log2 of a power of two, exactly (floating-point log2 rounds near large powers). */
export function levelOf(powerOfTwo: number): number {
  let level = 0;
  for (let p = powerOfTwo; p > 1; p /= 2) level++;
  return level;
}

/** A lookup over hashes fetched for `ids` (same order); asking for anything else is LOG_MISSING_HASH. */
export function lookupFrom(ids: readonly SubtreeId[], hashes: readonly Uint8Array[]): HashLookup {
  check(
    hashes.length === ids.length,
    'LOG_MISSING_HASH',
    `hash source returned ${hashes.length} hashes for ${ids.length} subtrees`,
  );
  const map = new Map<string, Hash>();
  ids.forEach((id, i) =>
    map.set(key(id.level, id.index), toHash(hashes[i] as Uint8Array, `hash ${key(id.level, id.index)}`)),
  );
  return (level, index) => {
    const h = map.get(key(level, index));
    if (h === undefined) throw new LogError('LOG_MISSING_HASH', `no hash for subtree ${key(level, index)}`);
    return h;
  };
}

const PLACEHOLDER = new Uint8Array(32) as Hash;

/**
 * Runs `compute` against a batched reader: a first dry run records which subtrees it reads (which never
 * depends on hash values), one batch fetches them, and a second run computes the answer.
 */
export async function withReader<T>(reader: HashReader, compute: (get: HashLookup) => T): Promise<T> {
  const ids: SubtreeId[] = [];
  const seen = new Set<string>();
  compute((level, index) => {
    const k = key(level, index);
    if (!seen.has(k)) {
      seen.add(k);
      ids.push({ level, index });
    }
    return PLACEHOLDER;
  });
  const hashes = ids.length === 0 ? [] : await reader(ids);
  return compute(lookupFrom(ids, hashes));
}
