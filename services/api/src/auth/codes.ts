import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './totp.js';

/** A one-time sign-in code: 16 base32 characters (80 bits), shown in groups of four. */
export function newCode(): string {
  return base32Encode(randomBytes(10)).slice(0, 16);
}

/** Codes are stored only as SHA-256 hashes; normalise what a person types (case, spaces, dashes). */
export function codeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normal).digest('hex');
}

export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** Constant-time equality of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
