// RFC 8032 §7.1 vectors and hand-made edge cases for the strict rule: both back-ends give the same verdict.
// Three implementations meet here: @noble/curves (pure back-end), libsodium (the node back-end's verification,
// through sodium-native) and OpenSSL (node:crypto, which the node back-end signs with and once verified with).
import { verify } from 'node:crypto';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { checkEd25519Encoding, pureBackend, toBase64url, verifyEd25519 } from '../src/index.js';
import { concatBytes, fromHex, toHex } from '../src/encoding.js';
import { node } from './fixtures.js';

const backends = [pureBackend, node];

/** OpenSSL's raw RFC 8032 verification (node:crypto), as a third opinion. */
function opensslVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey) };
  return verify(null, message, { key, format: 'jwk' }, signature);
}

// RFC 8032 §7.1 TEST 1, TEST 2, TEST 3.
const RFC8032 = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const P = 2n ** 255n - 19n;
const le32 = (x: bigint) => fromHex(x.toString(16).padStart(64, '0')).reverse();
const leInt = (b: Uint8Array) => BigInt('0x' + toHex(b.slice().reverse()));

test.each(RFC8032)('RFC 8032 §7.1 vector %#: key, signature and verification on both back-ends', (v) => {
  for (const b of backends) {
    expect(toHex(b.ed25519PublicKey(fromHex(v.secret)))).toBe(v.publicKey);
    expect(toHex(b.ed25519Sign(fromHex(v.secret), fromHex(v.message)))).toBe(v.signature);
    expect(verifyEd25519(b, fromHex(v.publicKey), fromHex(v.message), fromHex(v.signature))).toBe('ok');
    expect(verifyEd25519(b, fromHex(v.publicKey), fromHex(v.message + '00'), fromHex(v.signature))).toBe(
      'invalid',
    );
  }
});

describe('edge cases (hand-made)', () => {
  const v = RFC8032[1]!;
  const pk = fromHex(v.publicKey);
  const msg = fromHex(v.message);
  const sig = fromHex(v.signature);
  const r = sig.subarray(0, 32);
  const s = sig.subarray(32);

  const cases: [string, Uint8Array, Uint8Array, string][] = [
    [
      'S + L (non-canonical S ≥ L, same group value)',
      pk,
      concatBytes(r, le32(leInt(s) + L)),
      'non-canonical',
    ],
    ['S = L', pk, concatBytes(r, le32(L)), 'non-canonical'],
    ['S = 2^256 − 1', pk, concatBytes(r, new Uint8Array(32).fill(0xff)), 'non-canonical'],
    ['A with y = p (non-canonical encoding of y = 0)', le32(P), sig, 'non-canonical'],
    ['A with y = p + 1 (non-canonical encoding of y = 1)', le32(P + 1n), sig, 'non-canonical'],
    ['R with y = p + 2 (non-canonical)', pk, concatBytes(le32(P + 2n), s), 'non-canonical'],
    ['A = identity with the sign bit set ("−0")', fromHex('01' + '00'.repeat(30) + '80'), sig, 'small-order'],
  ];
  for (const t of ED25519_TORSION_SUBGROUP) {
    cases.push([`A = small-order point ${t.slice(0, 8)}…`, fromHex(t), sig, 'small-order']);
    cases.push([`R = small-order point ${t.slice(0, 8)}…`, pk, concatBytes(fromHex(t), s), 'small-order']);
  }

  test.each(cases)(
    '%s is refused, identically on both back-ends',
    (_name, publicKey, signature, expected) => {
      expect(checkEd25519Encoding(publicKey, signature)).toBe(expected);
      const verdicts = backends.map((b) => verifyEd25519(b, publicKey, msg, signature));
      expect(verdicts).toEqual([expected, expected]);
    },
  );

  test('the small-order forgery (A = R = identity, S = 0): raw implementations disagree, the strict rule refuses on both', () => {
    const identity = fromHex('01' + '00'.repeat(31));
    const forged = concatBytes(identity, new Uint8Array(32));
    // Measured: OpenSSL (node:crypto) accepts this "signature" for any message; libsodium and @noble/curves refuse
    // it. This disagreement is why the encoding rule runs before any back-end.
    expect(opensslVerify(identity, msg, forged)).toBe(true);
    expect(node.ed25519VerifyRaw(identity, msg, forged)).toBe(false);
    expect(pureBackend.ed25519VerifyRaw(identity, msg, forged)).toBe(false);
    for (const b of backends) expect(verifyEd25519(b, identity, msg, forged)).toBe('small-order');
  });

  test('non-canonical S is also refused by the raw back-ends (they agree)', () => {
    const bad = concatBytes(r, le32(leInt(s) + L));
    expect(backends.map((b) => b.ed25519VerifyRaw(pk, msg, bad))).toEqual([false, false]);
    expect(opensslVerify(pk, msg, bad)).toBe(false);
  });
});

test('property: on encodings the strict rule lets through, libsodium, OpenSSL and @noble agree (raw equation)', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.nat(96 * 8 - 1),
      (seed, message, bit) => {
        const publicKey = ed25519.getPublicKey(seed);
        const signature = ed25519.sign(message, seed);
        // The genuine pair, then the same pair with one bit flipped anywhere in the key or the signature.
        const both = concatBytes(publicKey, signature);
        both[bit >> 3] = (both[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        for (const [pk, sig] of [
          [publicKey, signature],
          [both.subarray(0, 32), both.subarray(32)],
        ] as const) {
          if (checkEd25519Encoding(pk, sig) !== 'ok') continue;
          const libsodium = node.ed25519VerifyRaw(pk, message, sig);
          expect(opensslVerify(pk, message, sig)).toBe(libsodium);
          expect(pureBackend.ed25519VerifyRaw(pk, message, sig)).toBe(libsodium);
        }
        expect(node.ed25519VerifyRaw(publicKey, message, signature)).toBe(true);
      },
    ),
    { numRuns: 200 },
  );
});

test('property: back-ends agree on random keys, messages and single-bit flips', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.uint8Array({ maxLength: 64 }),
      fc.nat(64 * 8 - 1),
      (seed, message, bit) => {
        const publicKey = ed25519.getPublicKey(seed);
        const signature = node.ed25519Sign(seed, message);
        expect(toHex(signature)).toBe(toHex(pureBackend.ed25519Sign(seed, message)));
        const flipped = signature.slice();
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        for (const sigma of [signature, flipped]) {
          const verdicts = backends.map((b) => verifyEd25519(b, publicKey, message, sigma));
          expect(verdicts[0]).toBe(verdicts[1]);
        }
        expect(verifyEd25519(node, publicKey, message, signature)).toBe('ok');
        expect(verifyEd25519(node, publicKey, message, flipped)).not.toBe('ok');
      },
    ),
    { numRuns: 60 },
  );
});
