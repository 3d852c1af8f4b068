// EMSA-PSS with SHA-384 and MGF1-SHA-384 (RFC 8017 §9.1, MGF1 §B.2.1), the encoding RFC 9474 blind-signs.
import { sha384 } from '@noble/hashes/sha2.js';
import { concatBytes, equalBytes } from './encoding.js';
import { BallotError } from './errors.js';

export const HASH_LENGTH = 48;
/** RFC 9474 §5: RSABSSA-SHA384-PSS-* uses a salt as long as the hash. */
export const SALT_LENGTH = 48;

/** RFC 8017 §B.2.1 MGF1 with SHA-384. */
function mgf1(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let i = 0, at = 0; at < length; i++, at += HASH_LENGTH) {
    new DataView(counter.buffer).setUint32(0, i);
    out.set(sha384(concatBytes(seed, counter)).subarray(0, Math.min(HASH_LENGTH, length - at)), at);
  }
  return out;
}

const mPrime = (message: Uint8Array, salt: Uint8Array): Uint8Array =>
  sha384(concatBytes(new Uint8Array(8), sha384(message), salt));

/** RFC 8017 §9.1.1 EMSA-PSS-ENCODE. */
export function emsaPssEncode(message: Uint8Array, emBits: number, salt: Uint8Array): Uint8Array {
  const emLen = Math.ceil(emBits / 8);
  if (emLen < HASH_LENGTH + salt.length + 2)
    throw new BallotError('MALFORMED_KEY', 'modulus too small for PSS');
  const h = mPrime(message, salt);
  const db = new Uint8Array(emLen - HASH_LENGTH - 1);
  db[emLen - salt.length - HASH_LENGTH - 2] = 0x01;
  db.set(salt, db.length - salt.length);
  const mask = mgf1(h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = (db[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & (0xff >>> (8 * emLen - emBits));
  return concatBytes(db, h, Uint8Array.of(0xbc));
}

/** RFC 8017 §9.1.2 EMSA-PSS-VERIFY with a fixed salt length; true when `em` encodes `message`. */
export function emsaPssVerify(message: Uint8Array, em: Uint8Array, emBits: number): boolean {
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || emLen < HASH_LENGTH + SALT_LENGTH + 2 || em[emLen - 1] !== 0xbc) return false;
  const zeroBits = 8 * emLen - emBits;
  const db = em.slice(0, emLen - HASH_LENGTH - 1);
  const h = em.subarray(emLen - HASH_LENGTH - 1, emLen - 1);
  if (((db[0] ?? 0) & ~(0xff >>> zeroBits) & 0xff) !== 0) return false;
  const mask = mgf1(h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = (db[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & (0xff >>> zeroBits);
  const psLen = emLen - HASH_LENGTH - SALT_LENGTH - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 0x01) return false;
  return equalBytes(mPrime(message, db.subarray(db.length - SALT_LENGTH)), h);
}
