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
import { INVALID, MULTIPLES } from './ristretto255-vectors.js';

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
  // The pure case passes no group at all: existing callers get pureGroup by default.
  const group = () => (name === 'pure' ? undefined : sodium);
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
