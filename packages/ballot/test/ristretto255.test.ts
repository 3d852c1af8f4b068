// RFC 9496 Appendix A.1 (multiples of the generator) and A.2 (invalid encodings), through this package's
// strict decoder. The hybrid encryption round trips, on both group back-ends: group-backends.test.ts.
import { BallotError } from '../src/index.js';
import { fromHex, toBase64url, toHex } from '../src/encoding.js';
import { baseMul, decodePoint } from '../src/group.js';
import { INVALID, MULTIPLES } from './ristretto255-vectors.js';

test('RFC 9496 §A.1: k·B for k = 1…5 encodes as published and decodes back', () => {
  MULTIPLES.slice(1).forEach((hex, i) => {
    const p = baseMul(BigInt(i + 1));
    expect(toHex(p.toBytes())).toBe(hex);
    expect(decodePoint(toBase64url(fromHex(hex)), 'p', 'MALFORMED_KEY').equals(p)).toBe(true);
  });
});

test('the identity (0·B) is refused as a key or ciphertext component', () => {
  expect(() => decodePoint(toBase64url(fromHex(MULTIPLES[0]!)), 'p', 'MALFORMED_KEY')).toThrow('identity');
});

test.each(INVALID)('RFC 9496 §A.2 invalid encoding %s is refused', (hex) => {
  expect(() => decodePoint(toBase64url(fromHex(hex)), 'p', 'MALFORMED_CIPHERTEXT')).toThrow(BallotError);
});
