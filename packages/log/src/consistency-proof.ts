// RFC 9162 §2.1.4: Merkle consistency proofs between two tree sizes, generated from a hash source and verified.
import { check, LogError } from './errors.js';
import { equalBytes, isCount } from './bytes.js';
import { isPowerOfTwo, nodeHash, splitPoint, toHash, type Hash } from './hash.js';
import { rangeHash, withReader, type HashLookup, type HashReader } from './hash-source.js';

/** RFC 9162 §2.1.4.1: PROOF(m, D[0:n]); empty when m is 0 or m equals n. */
export function consistencyProof(get: HashLookup, m: number, n: number): Hash[] {
  check(isCount(m) && isCount(n), 'LOG_BAD_ARGUMENT', 'tree sizes must be non-negative integers');
  check(m <= n, 'LOG_PROOF_WRONG_SIZE', `cannot prove consistency from size ${m} to the smaller size ${n}`);
  if (m === 0 || m === n) return [];
  // SUBPROOF(m, D[lo:hi], b), unrolled: each step appends one hash, so collect top first and reverse.
  const top: Hash[] = [];
  let lo = 0;
  let hi = n;
  let complete = true;
  for (;;) {
    if (m === hi - lo) {
      if (!complete) top.push(rangeHash(get, lo, hi));
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      top.push(rangeHash(get, lo + k, hi));
      hi = lo + k;
    } else {
      top.push(rangeHash(get, lo, lo + k));
      m -= k;
      lo += k;
      complete = false;
    }
  }
  return top.reverse();
}

/** consistencyProof over a batched (e.g. database or tile) reader. */
export function proveConsistency(reader: HashReader, m: number, n: number): Promise<Hash[]> {
  return withReader(reader, (get) => consistencyProof(get, m, n));
}

/**
 * RFC 9162 §2.1.4.2: throws LogError unless `proof` shows the tree of size `m` with root `oldRoot` is a prefix
 * of the tree of size `n` with root `newRoot`.
 */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): void {
  check(isCount(m) && isCount(n), 'LOG_BAD_ARGUMENT', 'tree sizes must be non-negative integers');
  check(m <= n, 'LOG_PROOF_WRONG_SIZE', `size ${n} is smaller than the earlier size ${m}: the log went back`);
  const first = toHash(oldRoot, 'old root');
  const second = toHash(newRoot, 'new root');
  const hashes = proof.map((p) => toHash(p, 'proof hash'));
  if (m === 0 || m === n) {
    check(hashes.length === 0, 'LOG_PROOF_WRONG_SIZE', `consistency proof from ${m} to ${n} must be empty`);
    if (m === n && !equalBytes(first, second)) {
      throw new LogError('LOG_INCONSISTENT', `two different roots for the same size ${n}`);
    }
    return;
  }
  check(hashes.length > 0, 'LOG_PROOF_WRONG_SIZE', `consistency proof from ${m} to ${n} is empty`);
  // Step 2: if m is an exact power of 2, prepend first_hash.
  const path = isPowerOfTwo(m) ? [first, ...hashes] : hashes;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Hash;
  let sr = fr;
  for (const c of path.slice(1)) {
    check(sn !== 0, 'LOG_PROOF_WRONG_SIZE', `consistency proof from ${m} to ${n} is too long`);
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  check(sn === 0, 'LOG_PROOF_WRONG_SIZE', `consistency proof from ${m} to ${n} is too short`);
  if (!equalBytes(fr, first) || !equalBytes(sr, second)) {
    throw new LogError('LOG_INCONSISTENT', `the tree of size ${n} does not extend the tree of size ${m}`);
  }
}
