// The one Ed25519 verification rule of Openslate: RFC 8032 §5.1.7 read strictly (not ZIP-215).
// Before any back-end runs the group equation we reject, by encoding alone:
//   - S ≥ L (RFC 8032 §5.1.7 step 1: "If any of the decodings fail (including S being out of range)"),
//   - non-canonical R or A: y ≥ p, or x = 0 with the sign bit set (RFC 8032 §5.1.3 decoding steps 1 and 4),
//   - R or A in the small-order torsion subgroup (8 points; beyond RFC 8032, as libsodium does).
// Both back-ends (node:crypto, @noble/curves with zip215: false) are then asked only about well-formed inputs,
// so they cannot disagree on edge cases (test/ed25519-strict.test.ts checks that they agree).
import { ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519.js';
import { fromHex } from './encoding.js';

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function littleEndian(bytes: Uint8Array): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i] ?? 0);
  return x;
}

/** y coordinate with the sign bit cleared. */
const yOf = (point: Uint8Array): bigint => littleEndian(point) & ((1n << 255n) - 1n);

// Small-order points, compared without their sign bit so that the "x = 0, sign 1" encodings match too.
const SMALL_ORDER_Y = new Set(ED25519_TORSION_SUBGROUP.map((h) => yOf(fromHex(h))));

export type PointVerdict = 'ok' | 'non-canonical' | 'small-order';

/** Classifies a 32-byte Ed25519 point encoding (R or A) without decompressing it. */
export function classifyPointEncoding(point: Uint8Array): PointVerdict {
  if (point.length !== 32) return 'non-canonical';
  const y = yOf(point);
  if (y >= P) return 'non-canonical';
  if (SMALL_ORDER_Y.has(y)) return 'small-order';
  return 'ok';
}

/** RFC 8032 §5.1.7 step 1: S must be below the group order L. */
export function isCanonicalScalar(s: Uint8Array): boolean {
  return s.length === 32 && littleEndian(s) < L;
}

export type Ed25519Encoding = 'ok' | 'non-canonical' | 'small-order';

/** Encoding checks on a public key and a signature, before any curve arithmetic. */
export function checkEd25519Encoding(publicKey: Uint8Array, signature: Uint8Array): Ed25519Encoding {
  if (publicKey.length !== 32 || signature.length !== 64) return 'non-canonical';
  const a = classifyPointEncoding(publicKey);
  const r = classifyPointEncoding(signature.subarray(0, 32));
  if (a === 'non-canonical' || r === 'non-canonical' || !isCanonicalScalar(signature.subarray(32))) {
    return 'non-canonical';
  }
  if (a === 'small-order' || r === 'small-order') return 'small-order';
  return 'ok';
}
