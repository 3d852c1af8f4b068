// RFC 9162 §2.1.3: Merkle inclusion proofs (audit paths), generated from a hash source and verified.
import { check, LogError } from './errors.js';
import { equalBytes, isCount } from './bytes.js';
import { nodeHash, splitPoint, toHash, type Hash } from './hash.js';
import { rangeHash, withReader, type HashLookup, type HashReader } from './hash-source.js';

/** RFC 9162 §2.1.3.1: PATH(m, D[0:n]), the audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(get: HashLookup, index: number, size: number): Hash[] {
  check(isCount(index) && isCount(size), 'LOG_BAD_ARGUMENT', 'index and size must be non-negative integers');
  check(index < size, 'LOG_PROOF_WRONG_SIZE', `leaf ${index} is not in a tree of size ${size}`);
  let lo = 0;
  let hi = size;
  const siblings: Hash[] = [];
  // Walk down from the root; siblings come out top first, and PATH lists them bottom first.
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push(rangeHash(get, lo + k, hi));
      hi = lo + k;
    } else {
      siblings.push(rangeHash(get, lo, lo + k));
      lo += k;
    }
  }
  return siblings.reverse();
}

/** inclusionProof over a batched (e.g. database or tile) reader. */
export function proveInclusion(reader: HashReader, index: number, size: number): Promise<Hash[]> {
  return withReader(reader, (get) => inclusionProof(get, index, size));
}

/** RFC 9162 §2.1.3.2: the root a proof leads to from `leaf`; LOG_PROOF_WRONG_SIZE if its length does not fit. */
export function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Hash {
  check(isCount(index) && isCount(size), 'LOG_BAD_ARGUMENT', 'index and size must be non-negative integers');
  check(index < size, 'LOG_PROOF_WRONG_SIZE', `leaf ${index} is not in a tree of size ${size}`);
  let fn = index;
  let sn = size - 1;
  let r = toHash(leaf, 'leaf hash');
  for (const p of proof) {
    const sibling = toHash(p, 'proof hash');
    check(sn !== 0, 'LOG_PROOF_WRONG_SIZE', `inclusion proof is too long for leaf ${index} of ${size}`);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  check(sn === 0, 'LOG_PROOF_WRONG_SIZE', `inclusion proof is too short for leaf ${index} of ${size}`);
  return r;
}

/** RFC 9162 §2.1.3.2: throws LogError unless `proof` shows `leaf` (a leaf hash) at `index` in the tree with `root`. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  const computed = rootFromInclusionProof(leaf, index, size, proof);
  if (!equalBytes(computed, toHash(root, 'root'))) {
    throw new LogError(
      'LOG_PROOF_MISMATCH',
      `inclusion proof for leaf ${index} of ${size} does not lead to the root`,
    );
  }
}
