// RFC 9496 Appendix A.1 (multiples of the generator) and A.2 (invalid encodings), through this package's
// strict decoder, plus the hybrid encryption round trip as a property.
import fc from 'fast-check';
import { BallotError } from '../src/index.js';
import { fromHex, toBase64url, toHex } from '../src/encoding.js';
import { baseMul, decodePoint } from '../src/group.js';
import { decrypt, encrypt, verifyCiphertext } from '../src/hybrid-encryption.js';
import { randomScalar } from '../src/group.js';

// RFC 9496 §A.1: encodings of 0·B … 5·B (0·B is the identity, which decodePoint refuses by design).
const MULTIPLES = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919',
  '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259',
  'da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57',
  'e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e',
];

// RFC 9496 §A.2: non-canonical field encodings and negative field elements.
const INVALID = [
  '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

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

describe('hybrid encryption', () => {
  const secret = randomScalar();
  const publicKey = baseMul(secret);
  const context = new TextEncoder().encode('context A');

  test('property: encrypt → decrypt round trip for any plaintext; the proof holds only in its context', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (plaintext) => {
        const c = encrypt(publicKey, plaintext, context);
        expect(() => verifyCiphertext(publicKey, c, context)).not.toThrow();
        expect(toHex(decrypt(secret, publicKey, c, context))).toBe(toHex(plaintext));
        expect(() => verifyCiphertext(publicKey, c, new TextEncoder().encode('context B'))).toThrow(
          'REPLAYED_CIPHERTEXT',
        );
        expect(() => decrypt(secret, publicKey, c, new TextEncoder().encode('context B'))).toThrow(
          'DECRYPTION_FAILED',
        );
      }),
      { numRuns: 25 },
    );
  });

  test('a wrong secret key cannot decrypt', () => {
    const c = encrypt(publicKey, new Uint8Array([1, 2, 3]), context);
    expect(() => decrypt(randomScalar(), publicKey, c, context)).toThrow('DECRYPTION_FAILED');
  });
});
