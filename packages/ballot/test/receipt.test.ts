// Tracker codes use RFC 4648 §6 base32; the receipt hash is SHA-256 of the canonical ballot.
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalBytes } from '@openslate/canonical-json';
import { ballotHash, trackerCode } from '../src/index.js';
import { toHex } from '../src/encoding.js';

const bytes = (s: string) => new TextEncoder().encode(s);

test('RFC 4648 §10 base32 vectors (15-byte prefix, grouped by four)', () => {
  // BASE32("fooba") = "MZXW6YTB"; fifteen bytes "foobafoobafooba" are three such blocks.
  expect(trackerCode(bytes('foobafoobafooba'))).toBe('MZXW-6YTB-MZXW-6YTB-MZXW-6YTB');
  // Only the first 15 bytes (120 bits) are shown.
  expect(trackerCode(bytes('foobafoobafoobaXYZ'))).toBe(trackerCode(bytes('foobafoobafooba')));
});

test('ballotHash is SHA-256 of the RFC 8785 bytes, whatever the key order', () => {
  const a = { b: 1, a: [true, 'x'] };
  const b = { a: [true, 'x'], b: 1 };
  expect(toHex(ballotHash(a))).toBe(toHex(sha256(canonicalBytes(a))));
  expect(toHex(ballotHash(a))).toBe(toHex(ballotHash(b)));
  expect(trackerCode(ballotHash(a))).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
});
