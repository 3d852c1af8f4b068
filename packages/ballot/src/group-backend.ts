// The ristretto255 (RFC 9496) operations on the hot paths — ciphertext proof checks and decryption — behind one
// interface with two back-ends: `pureGroup` (@noble/curves, BigInt; browsers) and `loadNodeGroup()` from
// '@openslate/ballot/node' (libsodium's WebAssembly, ~4–7× faster). Both speak 32-byte encodings (RFC 9496
// §4.3) and bigint scalars, and must give the same answer on every input (test/group-backends.test.ts).
import { BallotError } from './errors.js';
import { decodeBytes, G, IDENTITY, mod } from './group.js';
import type { GroupElement } from './group.js';

export interface GroupBackend {
  readonly name: string;
  /** RFC 9496 §4.3.1 Decode succeeds: a canonical encoding (the identity, 32 zero bytes, included). */
  isCanonical(encoding: Uint8Array): boolean;
  /** x·G (G the RFC 9496 §4.4 generator), x reduced mod ℓ; constant time (x may be secret). */
  baseMultiply(x: bigint): Uint8Array;
  /** x·P, x reduced mod ℓ; constant time (x may be secret). MALFORMED_INPUT if P is not canonical. */
  multiply(point: Uint8Array, x: bigint): Uint8Array;
  /** P + Q. MALFORMED_INPUT if either is not canonical. */
  add(p: Uint8Array, q: Uint8Array): Uint8Array;
  /** P − Q. MALFORMED_INPUT if either is not canonical. */
  subtract(p: Uint8Array, q: Uint8Array): Uint8Array;
  /** z·G − c·X for public z, c, X (a Schnorr commitment); may be variable time. MALFORMED_INPUT as above. */
  baseMultiplySubtract(z: bigint, c: bigint, x: Uint8Array): Uint8Array;
}

export const notCanonical = (): BallotError =>
  new BallotError('MALFORMED_INPUT', 'not a canonical ristretto255 encoding');

function element(bytes: Uint8Array): GroupElement {
  const p = decodeBytes(bytes);
  if (p === undefined) throw notCanonical();
  return p;
}

/** @noble/curves' constant-time ladder refuses the scalar 0, whose product is the identity anyway. */
const ladder = (p: GroupElement, x: bigint): GroupElement => {
  const s = mod(x);
  return s === 0n ? IDENTITY : p.multiply(s);
};

export const pureGroup: GroupBackend = {
  name: 'pure',
  isCanonical: (encoding) => decodeBytes(encoding) !== undefined,
  baseMultiply: (x) => ladder(G, x).toBytes(),
  multiply: (point, x) => ladder(element(point), x).toBytes(),
  add: (p, q) => element(p).add(element(q)).toBytes(),
  subtract: (p, q) => element(p).subtract(element(q)).toBytes(),
  baseMultiplySubtract: (z, c, x) =>
    G.multiplyUnsafe(mod(z))
      .subtract(element(x).multiplyUnsafe(mod(c)))
      .toBytes(),
};
