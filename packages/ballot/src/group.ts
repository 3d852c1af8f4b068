// The prime-order group ristretto255 (RFC 9496) and its scalars mod ℓ, with strict decoding (§4.3.1 Decode
// rejects every non-canonical encoding) and one domain-separated hash to scalars for every Fiat–Shamir challenge.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { concatBytes, fixedBytes, toBase64url, utf8 } from './encoding.js';
import { BallotError } from './errors.js';
import type { BallotErrorCode } from './errors.js';

export const GROUP_NAME = 'ristretto255';
/** The operations of @noble/curves' RistrettoPoint this package uses (its class type is not exported). */
export interface GroupElement {
  add(other: GroupElement): GroupElement;
  subtract(other: GroupElement): GroupElement;
  /** Constant-time ladder; scalar must be in [1, ℓ). */
  multiply(scalar: bigint): GroupElement;
  /** Variable time; for public scalars only. */
  multiplyUnsafe(scalar: bigint): GroupElement;
  equals(other: GroupElement): boolean;
  is0(): boolean;
  toBytes(): Uint8Array;
}

const Point = ristretto255.Point as unknown as {
  readonly BASE: GroupElement;
  readonly ZERO: GroupElement;
  readonly Fn: { readonly ORDER: bigint };
  fromBytes(bytes: Uint8Array): GroupElement;
};
/** ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4). */
export const ORDER = Point.Fn.ORDER;
export const G: GroupElement = Point.BASE;
export const IDENTITY: GroupElement = Point.ZERO;

export const mod = (x: bigint): bigint => ((x % ORDER) + ORDER) % ORDER;

export function littleEndian(bytes: Uint8Array): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i] ?? 0);
  return x;
}

/** A scalar in [0, 2^256) as 32 little-endian bytes (RFC 9496 §4 scalar encoding). */
export function scalarBytes(x: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = x;
  for (let i = 0; i < 32; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** x·G for a secret scalar (constant-time ladder of @noble/curves). */
export const baseMul = (x: bigint): GroupElement => G.multiply(x);
/** x·P for public data only (variable time; also accepts 0). */
export const publicMul = (p: GroupElement, x: bigint): GroupElement => p.multiplyUnsafe(x);

// Encoding a point costs a field inversion and square root; a point decoded from bytes, or encoded once, keeps
// its bytes here so the hot path (ballot proof checks) does not re-encode keys and ephemeral values.
const knownBytes = new WeakMap<GroupElement, Uint8Array>();
// The reverse: the point behind a given byte array object, so a back-end asked about the same bytes twice (is it
// canonical? then multiply it) decodes them once.
const decodedFrom = new WeakMap<Uint8Array, GroupElement>();

/** RFC 9496 §4.3.2 Encode, remembered per point object. */
export function pointBytes(p: GroupElement): Uint8Array {
  let bytes = knownBytes.get(p);
  if (bytes === undefined) {
    bytes = p.toBytes();
    knownBytes.set(p, bytes);
    decodedFrom.set(bytes, p);
  }
  return bytes;
}

export const encodePoint = (p: GroupElement): string => toBase64url(pointBytes(p));
export const encodeScalar = (x: bigint): string => toBase64url(scalarBytes(x));

/** RFC 9496 §4.3.1 Decode of 32 bytes, remembered per byte array; undefined when not a canonical encoding. */
export function decodeBytes(bytes: Uint8Array): GroupElement | undefined {
  let p = decodedFrom.get(bytes);
  if (p === undefined) {
    try {
      p = Point.fromBytes(bytes);
    } catch {
      return undefined;
    }
    decodedFrom.set(bytes, p);
    knownBytes.set(p, bytes);
  }
  return p;
}

/** The identity encodes as 32 zero bytes (RFC 9496 §4.3.2), and no other encoding decodes to it. */
export const isIdentityEncoding = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

/** Refuses a 32-byte encoding that is not canonical (RFC 9496 §4.3.1) or is the identity. */
export function checkElementBytes(
  bytes: Uint8Array,
  isCanonical: (bytes: Uint8Array) => boolean,
  what: string,
  code: BallotErrorCode,
): void {
  if (!isCanonical(bytes)) throw new BallotError(code, `${what} is not a canonical ristretto255 encoding`);
  if (isIdentityEncoding(bytes)) throw new BallotError(code, `${what} is the identity element`);
}

/** RFC 9496 §4.3.1 Decode, refusing the identity (never a valid key, commitment or ephemeral value). */
export function decodePoint(text: unknown, what: string, code: BallotErrorCode): GroupElement {
  const bytes = fixedBytes(text, 32, what, code);
  checkElementBytes(bytes, (b) => decodeBytes(b) !== undefined, what, code);
  return decodeBytes(bytes) as GroupElement;
}

/** A 32-byte little-endian scalar, canonical (< ℓ). */
export function decodeScalar(text: unknown, what: string, code: BallotErrorCode): bigint {
  const x = littleEndian(fixedBytes(text, 32, what, code));
  if (x >= ORDER) throw new BallotError(code, `${what} is not a canonical scalar`);
  return x;
}

/** Uniform non-zero scalar: 64 random bytes reduced mod ℓ (bias < 2^-250). */
export function randomScalar(): bigint {
  for (;;) {
    const x = mod(littleEndian(randomBytes(64)));
    if (x !== 0n) return x;
  }
}

/** SHA-512 over the label and length-prefixed fields (4-byte big-endian lengths): no two field sequences collide. */
function framedHash(label: string, parts: Uint8Array[]): Uint8Array {
  const fields = [utf8(label), ...parts].flatMap((p) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, p.length);
    return [len, p];
  });
  return sha512(concatBytes(...fields));
}

/**
 * A 128-bit Fiat–Shamir challenge: H(label, parts…) truncated to 16 bytes. Knowledge error 2^-128 matches the
 * ~2^126 security of ristretto255, and the verifier's variable-base multiplication by the challenge takes half
 * the time of a full-size one (short-challenge Schnorr proofs, as in Schnorr 1991).
 */
export const hashToChallenge = (label: string, ...parts: Uint8Array[]): bigint =>
  littleEndian(framedHash(label, parts).subarray(0, 16));
