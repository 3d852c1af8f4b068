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

test('RFC 8785 §3.2.2 example: the receipt hashes exactly the canonical bytes', () => {
  const input = JSON.parse(
    '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
  ) as unknown;
  const expected =
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
    '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
  expect(toHex(ballotHash(input))).toBe(toHex(sha256(bytes(expected))));
});
