// RSA public keys as published (RFC 7518 §6.3.1 JWK member names `n`, `e`, base64url big-endian) and the plain
// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) that a finalized RFC 9474 signature satisfies.
import { emsaPssVerify } from './emsa-pss.js';
import { fromBase64url, toBase64url } from './encoding.js';
import { BallotError } from './errors.js';
import { bitLength, i2osp, modPow, os2ip } from './rsa-math.js';

/** RFC 9474 §7.1 / project rule: issuer moduli are at least 2048 bits. */
export const MIN_MODULUS_BITS = 2048;

export interface RsaPublicKey {
  readonly n: bigint;
  readonly e: bigint;
  /** k in RFC 8017: the modulus length in bytes. */
  readonly modulusBytes: number;
  readonly modulusBits: number;
}

export function rsaPublicKey(n: bigint, e: bigint): RsaPublicKey {
  const modulusBits = bitLength(n);
  if (modulusBits < MIN_MODULUS_BITS) {
    throw new BallotError(
      'MALFORMED_KEY',
      `RSA modulus has ${modulusBits} bits; at least ${MIN_MODULUS_BITS} required`,
    );
  }
  if (n % 2n === 0n || e < 3n || e % 2n === 0n || e >= n)
    throw new BallotError('MALFORMED_KEY', 'bad RSA key');
  return { n, e, modulusBytes: Math.ceil(modulusBits / 8), modulusBits };
}

/** Parses the base64url `n` and `e` of a published key. */
export function parseRsaPublicKey(n: unknown, e: unknown): RsaPublicKey {
  const nBytes = fromBase64url(n, 'RSA modulus', 'MALFORMED_KEY');
  const eBytes = fromBase64url(e, 'RSA exponent', 'MALFORMED_KEY');
  if (nBytes[0] === 0 || eBytes[0] === 0)
    throw new BallotError('MALFORMED_KEY', 'RSA integers must be minimal');
  return rsaPublicKey(os2ip(nBytes), os2ip(eBytes));
}

export function encodeRsaInteger(x: bigint): string {
  return toBase64url(i2osp(x, Math.ceil(bitLength(x) / 8)));
}

/** RFC 8017 §5.2.2 RSAVP1: s^e mod n, refusing s ≥ n. */
export function rsavp1(key: RsaPublicKey, s: bigint): bigint {
  if (s >= key.n) throw new BallotError('MALFORMED_INPUT', 'signature representative out of range');
  return modPow(s, key.e, key.n);
}

/** RFC 8017 §8.1.2 RSASSA-PSS-VERIFY with SHA-384, MGF1-SHA-384, salt 48 (pure BigInt). */
export function rsaPssVerifyPure(key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== key.modulusBytes) return false;
  const s = os2ip(signature);
  if (s >= key.n) return false;
  const emBits = key.modulusBits - 1;
  const m = modPow(s, key.e, key.n);
  const emLen = Math.ceil(emBits / 8);
  if (m >= 1n << BigInt(8 * emLen)) return false;
  return emsaPssVerify(message, i2osp(m, emLen), emBits);
}
