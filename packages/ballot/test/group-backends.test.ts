// The two ristretto255 group back-ends (pureGroup: @noble/curves; loadNodeGroup: libsodium) against each other and
// against RFC 9496's vectors, then ciphertexts and whole ballots through each of them.
import { canonicalBytes } from '@openslate/canonical-json';
import fc from 'fast-check';
import {
  createBallot,
  decryptCountedBallots,
  pureGroup,
  reconstructElectionSecret,
  revealShare,
  verifyCastBallots,
} from '../src/index.js';
import type { GroupBackend } from '../src/index.js';
import { fromHex, toBase64url, toHex } from '../src/encoding.js';
import { baseMul, ORDER, randomScalar } from '../src/group.js';
import { decrypt, encrypt, verifyCiphertext } from '../src/hybrid-encryption.js';
import type { Ciphertext } from '../src/hybrid-encryption.js';
import { loadNodeGroup } from '../src/node.js';
import { credentialFor, makeElection, node, value } from './fixtures.js';

// RFC 9496 §A.1: encodings of 0·B … 5·B.
const MULTIPLES = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76',
  '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919',
  '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259',
  'da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57',
  'e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e',
];

// RFC 9496 §A.2, in its order: every encoding Decode must refuse.
const INVALID = [
  // non-canonical field encodings
  '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  // negative field elements
  '0100000000000000000000000000000000000000000000000000000000000000',
  '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20',
  'c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562',
  'c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78',
  '47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24',
  'f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72',
  '87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309',
  // non-square x²
  '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
  '4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f',
  'de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b',
  'bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042',
  '2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08',
  'f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22',
  '8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731',
  '2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b',
  // negative xy
  '3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e',
  'a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220',
  'd483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e',
  '8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32',
  '32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b',
  '227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165',
  '5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e',
  '445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b',
  // s = −1, which gives y = 0
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

let sodium: GroupBackend;
beforeAll(async () => {
  sodium = await loadNodeGroup();
});
const both = (): [string, GroupBackend][] => [
  ['pure', pureGroup],
  ['libsodium', sodium],
];

/** What an operation gives: its output in hex, or the code of the error it throws. */
function outcome(op: () => Uint8Array): string {
  try {
    return toHex(op());
  } catch (e) {
    return `error ${(e as { code?: string }).code ?? String(e)}`;
  }
}

/** Both back-ends give the same outcome; returns it. */
function agree(op: (g: GroupBackend) => Uint8Array): string {
  const expected = outcome(() => op(pureGroup));
  expect(outcome(() => op(sodium))).toBe(expected);
  return expected;
}

test('RFC 9496 §A.1: k·B for k = 0…5 through both back-ends, and each encoding is canonical', () => {
  MULTIPLES.forEach((hex, k) => {
    expect(agree((g) => g.baseMultiply(BigInt(k)))).toBe(hex);
    expect(agree((g) => g.multiply(fromHex(MULTIPLES[1]!), BigInt(k)))).toBe(hex);
    for (const [, g] of both()) expect(g.isCanonical(fromHex(hex))).toBe(true);
  });
  expect(agree((g) => g.add(fromHex(MULTIPLES[2]!), fromHex(MULTIPLES[3]!)))).toBe(MULTIPLES[5]);
  expect(agree((g) => g.subtract(fromHex(MULTIPLES[2]!), fromHex(MULTIPLES[2]!)))).toBe(MULTIPLES[0]);
  expect(agree((g) => g.baseMultiplySubtract(5n, 2n, fromHex(MULTIPLES[1]!)))).toBe(MULTIPLES[3]);
});

test.each(INVALID)('RFC 9496 §A.2 %s: refused by both back-ends in every operation', (hex) => {
  const bad = fromHex(hex);
  const good = fromHex(MULTIPLES[4]!);
  for (const [, g] of both()) expect(g.isCanonical(bad)).toBe(false);
  expect(agree((g) => g.multiply(bad, 7n))).toBe('error MALFORMED_INPUT');
  expect(agree((g) => g.multiply(bad, 0n))).toBe('error MALFORMED_INPUT');
  expect(agree((g) => g.add(good, bad))).toBe('error MALFORMED_INPUT');
  expect(agree((g) => g.subtract(bad, good))).toBe('error MALFORMED_INPUT');
  expect(agree((g) => g.baseMultiplySubtract(3n, 0n, bad))).toBe('error MALFORMED_INPUT');
});

test('wrong lengths are not canonical on either back-end', () => {
  for (const [, g] of both()) {
    expect(g.isCanonical(new Uint8Array(31))).toBe(false);
    expect(g.isCanonical(new Uint8Array(33))).toBe(false);
  }
});

// Scalars anywhere in [0, ℓ + 2], with the edges (0, 1, ℓ − 1, ℓ, ℓ + 1) drawn often.
const scalar = fc.oneof(
  fc.bigInt({ min: 0n, max: ORDER + 2n }),
  fc.constantFrom(0n, 1n, ORDER - 1n, ORDER, ORDER + 1n),
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
);
const element = fc.oneof(
  scalar.map((k) => pureGroup.baseMultiply(k)),
  fc.constant(fromHex(MULTIPLES[0]!)),
);

test('property: every operation agrees on valid elements and scalars (identity included)', () => {
  fc.assert(
    fc.property(scalar, scalar, element, element, (x, y, p, q) => {
      agree((g) => g.baseMultiply(x));
      agree((g) => g.multiply(p, x));
      agree((g) => g.add(p, q));
      agree((g) => g.subtract(p, q));
      agree((g) => g.baseMultiplySubtract(x, y, p));
    }),
    { numRuns: 150 },
  );
});

test('property: z·G − c·X is what it says, on both back-ends', () => {
  fc.assert(
    fc.property(scalar, scalar, scalar, (z, c, k) => {
      const x = pureGroup.baseMultiply(k);
      const expected = toHex(pureGroup.subtract(pureGroup.baseMultiply(z), pureGroup.multiply(x, c)));
      for (const [, g] of both()) expect(toHex(g.baseMultiplySubtract(z, c, x))).toBe(expected);
    }),
    { numRuns: 50 },
  );
});

test('property: arbitrary bytes, and valid encodings with one bit flipped, are judged alike', () => {
  const candidate = fc.oneof(
    fc.uint8Array({ minLength: 32, maxLength: 32 }),
    fc
      .tuple(element, fc.nat({ max: 255 }))
      .map(([p, bit]) => p.map((b, i) => (i === bit >> 3 ? b ^ (1 << (bit & 7)) : b))),
  );
  let valid = 0;
  fc.assert(
    fc.property(candidate, scalar, (bytes, x) => {
      const verdict = pureGroup.isCanonical(bytes);
      if (verdict) valid++;
      expect(sodium.isCanonical(bytes)).toBe(verdict);
      agree((g) => g.multiply(bytes, x));
      agree((g) => g.baseMultiplySubtract(x, 3n, bytes));
    }),
    { numRuns: 400 },
  );
  expect(valid).toBeGreaterThan(0);
});

describe.each(['pure', 'libsodium'])('ciphertexts through the %s back-end', (name) => {
  const group = () => (name === 'pure' ? pureGroup : sodium);
  const secret = randomScalar();
  const publicKey = baseMul(secret);
  const context = new TextEncoder().encode('context A');

  test('property: encrypt → verify → decrypt; wrong context and wrong key fail with the same codes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (plaintext) => {
        const c = encrypt(publicKey, plaintext, context);
        expect(() => verifyCiphertext(publicKey, c, context, group())).not.toThrow();
        expect(toHex(decrypt(secret, publicKey, c, context, group()))).toBe(toHex(plaintext));
        const other = new TextEncoder().encode('context B');
        expect(() => verifyCiphertext(publicKey, c, other, group())).toThrow('REPLAYED_CIPHERTEXT');
        expect(() => decrypt(secret, publicKey, c, other, group())).toThrow('DECRYPTION_FAILED');
        expect(() => decrypt(randomScalar(), publicKey, c, context, group())).toThrow('DECRYPTION_FAILED');
      }),
      { numRuns: 15 },
    );
  });

  test.each([MULTIPLES[0]!, ...INVALID])('ephemeral key %s is MALFORMED_CIPHERTEXT', (hex) => {
    const c: Ciphertext = {
      ...encrypt(publicKey, new Uint8Array([1]), context),
      ephemeral: toBase64url(fromHex(hex)),
    };
    expect(() => verifyCiphertext(publicKey, c, context, group())).toThrow('MALFORMED_CIPHERTEXT');
    expect(() => decrypt(secret, publicKey, c, context, group())).toThrow('MALFORMED_CIPHERTEXT');
  });

  test('a full election: ballots verified (with proofs) and decrypted, a copied ciphertext rejected', () => {
    const e = makeElection('e1');
    const electionPublicKey = e.ceremony.key.record.publicKey;
    const ballotOf = (voter: ReturnType<typeof credentialFor>, ranking: string[]) =>
      value(
        createBallot({
          electionId: 'e1',
          electionPublicKey,
          keyPair: voter.keyPair,
          credential: voter.credential,
          counter: 0,
          choices: { board: { ranking } },
        }),
      );
    const a = ballotOf(credentialFor(e.issuers[0]!), ['x', 'y']);
    const b = ballotOf(credentialFor(e.issuers[1]!), ['y']);
    // Another voter signs a ballot carrying a's ciphertext (the Helios replay): its proof is bound to a's key.
    const mallory = credentialFor(e.issuers[0]!);
    const { signature: _omit, ...body } = { ...ballotOf(mallory, ['z']), contests: a.contests };
    const replay = {
      ...body,
      signature: toBase64url(node.ed25519Sign(mallory.keyPair.seed, canonicalBytes(body))),
    };
    const outcome = verifyCastBallots(
      [a, b, replay].map((ballot, logIndex) => ({ logIndex, ballot })),
      { backend: node, electionId: 'e1', issuerKeys: e.keyring, electionPublicKey, group: group() },
    );
    expect(outcome.rejected.map((r) => [r.logIndex, r.error.code])).toEqual([[2, 'REPLAYED_CIPHERTEXT']]);
    const secretKey = value(reconstructElectionSecret(e.ceremony.key, e.ceremony.shares.map(revealShare)));
    const { decrypted, failed } = decryptCountedBallots(e.ceremony.key, secretKey, outcome.counted, group());
    expect(failed).toEqual([]);
    expect(decrypted.map((d) => [d.weight, d.contests])).toEqual([
      [1, { board: { ranking: ['x', 'y'] } }],
      [3, { board: { ranking: ['y'] } }],
    ]);
  });
});
