// Credentials, signed ballots and every named failure, on both back-ends where it matters.
import { canonicalBytes, canonicalize } from '@openslate/canonical-json';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import {
  ballotHash,
  createBallot,
  createIssuerKeyring,
  issuerKeySet,
  pureBackend,
  verifyBallot,
  verifyCredential,
  toBase64url,
} from '../src/index.js';
import type { BallotVerificationContext, SignedBallot } from '../src/index.js';
import { generateIssuerKey } from '../src/node.js';
import { toHex } from '../src/encoding.js';
import { credentialFor, makeElection, node, value } from './fixtures.js';

const e = makeElection('e1');
const [member, delegate] = [e.issuers[0]!, e.issuers[1]!];
const electionPublicKey = e.ceremony.key.record.publicKey;
const context = (overrides: Partial<BallotVerificationContext> = {}): BallotVerificationContext => ({
  backend: node,
  electionId: e.electionId,
  issuerKeys: e.keyring,
  electionPublicKey,
  ...overrides,
});

function cast(
  issuer = member,
  choices: Record<string, unknown> = { board: { ranking: ['c1', 'c2'] } },
  counter = 0,
) {
  const { keyPair, credential } = credentialFor(issuer);
  const ballot = value(
    createBallot({
      electionId: e.electionId,
      electionPublicKey,
      keyPair,
      credential,
      counter,
      choices: choices as never,
    }),
  );
  return { keyPair, credential, ballot };
}

const codeOf = (ballot: unknown, ctx = context()) => {
  const r = verifyBallot(ballot, ctx);
  return r.ok ? 'ok' : r.error.code;
};

describe('credentials', () => {
  test('a finished credential verifies on both back-ends and carries its class', () => {
    const { keyPair, credential } = credentialFor(delegate);
    for (const backend of [pureBackend, node]) {
      const r = verifyCredential(backend, e.keyring, toBase64url(keyPair.publicKey), credential);
      expect(r.ok && r.value.weight).toBe(3);
    }
  });

  test('a credential is bound to its ballot key and election', () => {
    const a = credentialFor(member);
    const b = credentialFor(member);
    const other = value(
      createIssuerKeyring(issuerKeySet('e2', [value(generateIssuerKey('e2', 1, ['board'])).record])),
    );
    const check = (keyring = e.keyring, key = a.keyPair.publicKey, cred: unknown = a.credential) => {
      const r = verifyCredential(node, keyring, toBase64url(key), cred);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(check()).toBe('ok');
    expect(check(e.keyring, b.keyPair.publicKey)).toBe('BAD_ISSUER_SIGNATURE');
    expect(check(other)).toBe('UNKNOWN_ISSUER_KEY');
    expect(
      check(e.keyring, a.keyPair.publicKey, { ...a.credential, issuerKeyId: delegate.record.keyId }),
    ).toBe('BAD_ISSUER_SIGNATURE');
    expect(check(e.keyring, a.keyPair.publicKey, 'nonsense')).toBe('MALFORMED_INPUT');
  });

  test('issuer keys below 2048 bits are refused, generated or published', () => {
    const small = generateIssuerKey('e1', 1, ['board'], 1024);
    expect(small.ok ? 'ok' : small.error.code).toBe('MALFORMED_KEY');
    const n1024 = toBase64url(new Uint8Array(128).fill(0xc3));
    const forged = { ...member.record, n: n1024 };
    const set = createIssuerKeyring(issuerKeySet(e.electionId, [forged]));
    expect(set.ok ? 'ok' : set.error.code).toBe('MALFORMED_KEY');
    expect(set.ok ? '' : set.error.message).toMatch(/2048/);
  });

  test('an issuer key set with a forged keyId is refused', () => {
    const forged = { ...member.record, weight: 5 };
    expect(createIssuerKeyring(issuerKeySet(e.electionId, [forged])).ok).toBe(false);
  });
});

describe('signed ballots', () => {
  test('a valid ballot verifies on both back-ends, with its weight and receipt hash', () => {
    const { ballot } = cast(delegate);
    for (const backend of [pureBackend, node]) {
      const r = verifyBallot(ballot, context({ backend }));
      if (!r.ok) throw r.error;
      expect(r.value.weight).toBe(3);
      // The receipt hash is SHA-256 of the RFC 8785 bytes of the whole signed ballot.
      expect(toHex(r.value.hash)).toBe(toHex(sha256(canonicalBytes(ballot))));
      expect(toHex(r.value.hash)).toBe(toHex(ballotHash(ballot)));
    }
  });

  test('key order of the transmitted JSON does not matter (RFC 8785 canonical form is what is signed)', () => {
    const { ballot } = cast();
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(ballot).reverse())),
    ) as unknown;
    expect(canonicalize(reordered)).toBe(canonicalize(ballot));
    expect(codeOf(reordered)).toBe('ok');
  });

  test('named failures', () => {
    const { ballot, keyPair, credential } = cast();
    const resign = (body: Omit<SignedBallot, 'signature'>) => ({
      ...body,
      signature: toBase64url(node.ed25519Sign(keyPair.seed, canonicalBytes(body))),
    });
    const { signature: _s, ...body } = ballot;
    expect(codeOf(ballot, context({ electionId: 'e2' }))).toBe('WRONG_ELECTION');
    expect(codeOf({ ...ballot, counter: 1 })).toBe('BAD_BALLOT_SIGNATURE');
    expect(codeOf({ ...ballot, signature: cast().ballot.signature })).toBe('BAD_BALLOT_SIGNATURE');
    expect(
      codeOf(resign({ ...body, credential: { ...credential, signature: cast().credential.signature } })),
    ).toBe('BAD_ISSUER_SIGNATURE');
    expect(codeOf(resign({ ...body, credential: { ...credential, issuerKeyId: 'x' } }))).toBe(
      'UNKNOWN_ISSUER_KEY',
    );
    const motion = cast(member, { motion: { choices: ['yes'] } }).ballot.contests;
    expect(codeOf(resign({ ...body, contests: { ...body.contests, extra: motion.motion! } }))).toBe(
      'CONTEST_NOT_ALLOWED',
    );
    const broken = { ...body.contests.board!, ephemeral: 'AAAA' };
    expect(codeOf(resign({ ...body, contests: { board: broken } }))).toBe('MALFORMED_CIPHERTEXT');
    expect(codeOf({ ...ballot, extra: 1 })).toBe('MALFORMED_INPUT');
    // No room for covert data in nested objects either (signed by the voter, so only the voter could add it).
    expect(codeOf(resign({ ...body, credential: { ...credential, note: 'x' } as never }))).toBe(
      'MALFORMED_INPUT',
    );
    const board = body.contests.board!;
    expect(codeOf(resign({ ...body, contests: { board: { ...board, memo: 'x' } as never } }))).toBe(
      'MALFORMED_CIPHERTEXT',
    );
    expect(
      codeOf(
        resign({ ...body, contests: { board: { ...board, proof: { ...board.proof, x: 1 } } as never } }),
      ),
    ).toBe('MALFORMED_CIPHERTEXT');
    expect(codeOf(null)).toBe('MALFORMED_INPUT');
    expect(codeOf('{"type":"openslate/ballot/v1"}')).toBe('MALFORMED_INPUT');
  });

  test('a delegate-only class cannot vote in a contest outside its key', () => {
    const { ballot } = cast(delegate, { motion: { choices: ['no'] } });
    expect(codeOf(ballot)).toBe('CONTEST_NOT_ALLOWED');
  });

  test('Helios replay: a ciphertext copied under another credential is REPLAYED_CIPHERTEXT', () => {
    const victim = cast(member, { board: { ranking: ['c9'] } }).ballot;
    const attacker = cast();
    const { signature: _s, ...body } = attacker.ballot;
    const copied = { ...body, contests: victim.contests };
    const replay = {
      ...copied,
      signature: toBase64url(node.ed25519Sign(attacker.keyPair.seed, canonicalBytes(copied))),
    };
    expect(codeOf(replay)).toBe('REPLAYED_CIPHERTEXT');
    // Without the proof check the copy would pass every signature check: the proof is what stops it.
    expect(codeOf(replay, context({ checkProofs: false }))).toBe('ok');
  });

  test('property: changing any byte of a signed ballot is detected', () => {
    const { ballot } = cast();
    const bytes = canonicalBytes(ballot);
    const alphabet = new TextEncoder().encode(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    );
    expect(codeOf(ballot)).toBe('ok');
    let stillJson = 0;
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.nat(255), fc.boolean(), (at, pick, fromAlphabet) => {
        const tampered = bytes.slice();
        const replacement = fromAlphabet ? (alphabet[pick % alphabet.length] ?? 0) : pick;
        fc.pre(replacement !== tampered[at]);
        tampered[at] = replacement;
        let parsed: unknown;
        try {
          parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(tampered));
        } catch {
          return; // no longer JSON: refused before verification
        }
        stillJson++;
        expect(codeOf(parsed)).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
    expect(stillJson).toBeGreaterThan(100); // most changes stay valid JSON and reach the signature checks
  });
});
