// Byte encodings used in every published object: base64url without padding (RFC 4648 §5) and lowercase hex.
import { BallotError } from './errors.js';
import type { BallotErrorCode } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >>> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * Strict RFC 4648 §5 decoding: only the URL-safe alphabet, no padding, and (§3.5) the unused bits of the last
 * character must be zero, so every byte string has exactly one accepted encoding.
 */
export function fromBase64url(
  text: unknown,
  what: string,
  code: BallotErrorCode = 'MALFORMED_INPUT',
): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 === 1)
    throw new BallotError(code, `${what} is not base64url`);
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] ?? -1) : -1;
    if (v < 0) throw new BallotError(code, `${what} is not base64url`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >>> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new BallotError(code, `${what} is not canonical base64url`);
  return out;
}

/** Decodes base64url and requires an exact length. */
export function fixedBytes(text: unknown, length: number, what: string, code: BallotErrorCode): Uint8Array {
  const bytes = fromBase64url(text, what, code);
  if (bytes.length !== length)
    throw new BallotError(code, `${what} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new BallotError('MALFORMED_INPUT', 'not hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A non-null plain object, for shape checks on parsed JSON. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An object with exactly these members: extra members in signed objects would be room for covert data
 * (e.g. a voter proving how they voted), so they are refused rather than ignored.
 */
export function requireExactMembers(
  v: unknown,
  members: readonly string[],
  what: string,
  code: BallotErrorCode,
): Record<string, unknown> {
  if (!isRecord(v)) throw new BallotError(code, `${what} must be an object`);
  const keys = Object.keys(v);
  if (keys.length !== members.length || !keys.every((k) => members.includes(k))) {
    throw new BallotError(code, `${what} must have exactly the members ${members.join(', ')}`);
  }
  return v;
}

export function requireString(v: unknown, what: string, code: BallotErrorCode = 'MALFORMED_INPUT'): string {
  if (typeof v !== 'string' || v.length === 0)
    throw new BallotError(code, `${what} must be a non-empty string`);
  return v;
}

export function requireSafeInteger(v: unknown, what: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new BallotError('MALFORMED_INPUT', `${what} must be an integer ≥ ${min}`);
  }
  return v;
}
