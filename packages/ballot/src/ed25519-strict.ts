// The one Ed25519 verification rule of Openslate: RFC 8032 §5.1.7 read strictly (not ZIP-215).
// Before any back-end runs the group equation we reject, by encoding alone:
//   - S ≥ L (RFC 8032 §5.1.7 step 1: "If any of the decodings fail (including S being out of range)"),
//   - non-canonical R or A: y ≥ p, or x = 0 with the sign bit set (RFC 8032 §5.1.3 decoding steps 1 and 4),
//   - R or A in the small-order torsion subgroup (8 points; beyond RFC 8032, as libsodium does).
// Both back-ends (node:crypto, @noble/curves with zip215: false) are then asked only about well-formed inputs,
// so they cannot disagree on edge cases (test/ed25519-strict.test.ts checks that they agree).
import { ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519.js';
import { fromHex } from './encoding.js';

// Little-endian encodings of p = 2^255 − 19 and L = 2^252 + 27742317777372353535851937790883648493.
const P_BYTES = fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
const L_BYTES = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');

/** a < b for 32-byte little-endian integers (`signMask` 0x7f ignores the top bit of a). */
function lessThan(a: Uint8Array, b: Uint8Array, signMask = 0xff): boolean {
  for (let i = 31; i >= 0; i--) {
    const x = i === 31 ? (a[i] ?? 0) & signMask : (a[i] ?? 0);
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

// Small-order points, compared without their sign bit so that the "x = 0, sign 1" encodings match too.
const SMALL_ORDER = ED25519_TORSION_SUBGROUP.map((h) => {
  const b = fromHex(h);
  b[31] = (b[31] ?? 0) & 0x7f;
  return b;
});

function isSmallOrder(point: Uint8Array): boolean {
  return SMALL_ORDER.some((t) => {
    for (let i = 0; i < 32; i++) if ((i === 31 ? (point[i] ?? 0) & 0x7f : point[i]) !== t[i]) return false;
    return true;
  });
}

export type PointVerdict = 'ok' | 'non-canonical' | 'small-order';

/** Classifies a 32-byte Ed25519 point encoding (R or A) without decompressing it. */
export function classifyPointEncoding(point: Uint8Array): PointVerdict {
  if (point.length !== 32 || !lessThan(point, P_BYTES, 0x7f)) return 'non-canonical';
  return isSmallOrder(point) ? 'small-order' : 'ok';
}

/** RFC 8032 §5.1.7 step 1: S must be below the group order L. */
export function isCanonicalScalar(s: Uint8Array): boolean {
  return s.length === 32 && lessThan(s, L_BYTES);
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
