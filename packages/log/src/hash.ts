// RFC 9162 §2.1.1: the Merkle Tree Hash with SHA-256, leaf prefix 0x00 and interior-node prefix 0x01.
import { sha256 } from '@noble/hashes/sha2.js';
import { check } from './errors.js';

/** A 32-byte SHA-256 Merkle tree hash. */
export type Hash = Uint8Array & { readonly __brand: 'MerkleHash' };

export const HASH_SIZE = 32;

/** Checks that `bytes` is 32 bytes long and brands it as a Hash. */
export function toHash(bytes: Uint8Array, what = 'hash'): Hash {
  check(
    bytes.length === HASH_SIZE,
    'LOG_BAD_HASH',
    `${what} must be ${HASH_SIZE} bytes, not ${bytes.length}`,
  );
  return bytes as Hash;
}

/** RFC 9162 §2.1.1: MTH({}) = SHA-256(). */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0)) as Hash;

/** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(entry: Uint8Array): Hash {
  const h = sha256.create();
  h.update(LEAF_PREFIX);
  h.update(entry);
  return h.digest() as Hash;
}

const LEAF_PREFIX = Uint8Array.of(0);
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = 1;

/** RFC 9162 §2.1.1: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput) as Hash;
}

/** RFC 9162 §2.1.1: k, the largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

/** MTH of a list of leaf hashes (or of any equal-height subtree hashes), by the RFC 9162 §2.1.1 recursion. */
export function rootOf(hashes: readonly Hash[]): Hash {
  return rootOfRange(hashes, 0, hashes.length);
}

function rootOfRange(hashes: readonly Hash[], lo: number, hi: number): Hash {
  if (hi === lo) return EMPTY_ROOT;
  if (hi - lo === 1) return hashes[lo] as Hash;
  const k = splitPoint(hi - lo);
  return nodeHash(rootOfRange(hashes, lo, lo + k), rootOfRange(hashes, lo + k, hi));
}
