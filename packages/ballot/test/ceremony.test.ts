// Trustee key ceremony, share checks naming the bad trustee, t-of-n reconstruction, and ballot decryption.
import { canonicalBytes } from '@openslate/canonical-json';
import fc from 'fast-check';
import {
  checkCeremonyParameters,
  checkShareReveal,
  complainAboutShare,
  judgeComplaint,
  createBallot,
  createTrustee,
  dealShares,
  decryptBallot,
  electionKeyRecord,
  hashDealing,
  reconstructElectionSecret,
  receiveShares,
  revealShare,
} from '../src/index.js';
import type { CeremonyParameters, Dealing, ShareComplaint } from '../src/index.js';
import { baseMul, decodePoint, encodeScalar } from '../src/group.js';
import { encrypt } from '../src/hybrid-encryption.js';
import { interpolateAtZero } from '../src/polynomial.js';
import { credentialFor, makeElection, runCeremony, value } from './fixtures.js';

function setup(n: number, t: number) {
  const trustees = Array.from({ length: n }, (_, i) => createTrustee('e1', i + 1, `T${i + 1}`));
  const params: CeremonyParameters = {
    type: 'openslate/ceremony/v1',
    electionId: 'e1',
    threshold: t,
    trustees: trustees.map((x) => x.announcement),
  };
  const dealt = trustees.map((x) => value(dealShares(params, x.secret)));
  return { trustees, params, dealings: dealt.map((d) => d.dealing), hashes: dealt.map((d) => d.hash) };
}

test('parameters: 3–7 trustees, 2 ≤ t ≤ n, valid key proofs (a bad one names its trustee)', () => {
  const { params } = setup(3, 2);
  expect(checkCeremonyParameters(params).ok).toBe(true);
  expect(checkCeremonyParameters({ ...params, threshold: 1 }).ok).toBe(false);
  expect(checkCeremonyParameters({ ...params, threshold: 4 }).ok).toBe(false);
  expect(checkCeremonyParameters({ ...params, trustees: params.trustees.slice(0, 2) }).ok).toBe(false);
  const swapped = [
    params.trustees[0]!,
    { ...params.trustees[1]!, proof: params.trustees[2]!.proof },
    params.trustees[2]!,
  ];
  const r = checkCeremonyParameters({ ...params, trustees: swapped });
  expect(r.ok ? undefined : [r.error.code, r.error.trustee]).toEqual(['BAD_TRUSTEE_PROOF', 2]);
});

test('a dealer who sends a share inconsistent with its commitments is named (BAD_TRUSTEE_SHARE)', () => {
  const { trustees, params, dealings, hashes } = setup(4, 3);
  // Trustee 2 deals trustee 3 a wrong value, properly encrypted, and commits to the altered dealing.
  const recipient = trustees[2]!.announcement;
  const wrong = encrypt(
    decodePoint(recipient.publicKey, 'k', 'MALFORMED_KEY'),
    new TextEncoder().encode(encodeScalar(12345n)),
    canonicalBytes({ type: 'openslate/trustee-share/v1', electionId: 'e1', dealer: 2, recipient: 3 }),
  );
  const bad: Dealing = { ...dealings[1]!, shares: { ...dealings[1]!.shares, '3': wrong } };
  const newDealings = dealings.map((d) => (d.dealer === 2 ? bad : d));
  const newHashes = hashes.map((h) => (h.dealer === 2 ? hashDealing(bad) : h));
  const r = receiveShares(params, trustees[2]!.secret, newDealings, newHashes);
  expect(r.ok ? undefined : [r.error.code, r.error.trustee]).toEqual(['BAD_TRUSTEE_SHARE', 2]);
  // Other recipients are unaffected.
  expect(receiveShares(params, trustees[0]!.secret, newDealings, newHashes).ok).toBe(true);
  // A dealing changed after its hash was published is refused for everyone, naming the dealer.
  const late = receiveShares(params, trustees[0]!.secret, newDealings, hashes);
  expect(late.ok ? undefined : [late.error.code, late.error.trustee]).toEqual(['BAD_TRUSTEE_COMMITMENT', 2]);
  expect(electionKeyRecord(params, newDealings, hashes).ok).toBe(false);

  // Publicly verifiable complaints: anyone can tell who lies.
  const judge = (c: ShareComplaint) => value(judgeComplaint(params, newDealings, newHashes, c)).guilty;
  const complaint = value(complainAboutShare(trustees[2]!.secret, bad));
  expect(judge(complaint)).toBe(2); // the dealer's share fails its commitments
  const falseAccusation = value(complainAboutShare(trustees[0]!.secret, newDealings[2]!));
  expect(judge(falseAccusation)).toBe(1); // trustee 3's share to trustee 1 is fine: the accuser is at fault
  const forged = { ...complaint, sharedPoint: falseAccusation.sharedPoint };
  expect(judge(forged)).toBe(3); // a shared point without a valid proof condemns the accuser
});

describe('reveal and reconstruction (n = 5, t = 3)', () => {
  const c = runCeremony('e1', 5, 3);
  const reveals = c.shares.map(revealShare);

  test('property: any t of n shares reconstruct the election secret; any t − 1 do not', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 3, maxLength: 3 }), (subset) => {
        const chosen = subset.map((i) => reveals[i]!);
        const s = value(reconstructElectionSecret(c.key, chosen));
        expect(baseMul(s.secret).equals(c.key.publicKey)).toBe(true);
        const fewer = reconstructElectionSecret(c.key, chosen.slice(1));
        expect(fewer.ok ? undefined : fewer.error.code).toBe('NOT_ENOUGH_SHARES');
        // The t − 1 shares interpolate to a different value: they do not determine the secret.
        const partial = interpolateAtZero(
          subset.slice(1).map((i) => [BigInt(i + 1), c.shares[i]!.share] as const),
        );
        expect(partial).not.toBe(s.secret);
      }),
      { numRuns: 20 },
    );
  });

  test('a bad reveal is named and skipped; reconstruction still works with t good ones', () => {
    const bad = { ...reveals[1]!, share: encodeScalar(42n) };
    const checked = checkShareReveal(c.key, bad);
    expect(checked.ok ? undefined : [checked.error.code, checked.error.trustee]).toEqual([
      'BAD_TRUSTEE_SHARE',
      2,
    ]);
    const s = value(reconstructElectionSecret(c.key, [reveals[0]!, bad, reveals[2]!, reveals[4]!]));
    expect(s.trustees).toEqual([1, 3, 5]);
    expect(s.rejected.map((e) => e.trustee)).toEqual([2]);
    const short = reconstructElectionSecret(c.key, [reveals[0]!, bad, reveals[2]!]);
    expect(short.ok ? undefined : short.error.message).toMatch(/trustee 2/);
  });
});

test('property: encrypt → decrypt round trip of any JSON choices through a full election', () => {
  const e = makeElection('e1');
  const secret = value(reconstructElectionSecret(e.ceremony.key, e.ceremony.shares.map(revealShare)));
  const { keyPair, credential } = credentialFor(e.issuers[0]!);
  fc.assert(
    fc.property(
      fc.record({ board: fc.jsonValue({ maxDepth: 3 }), motion: fc.jsonValue({ maxDepth: 2 }) }),
      (raw) => {
        const choices = JSON.parse(JSON.stringify(raw)) as Record<string, never>;
        const ballot = value(
          createBallot({
            electionId: e.electionId,
            electionPublicKey: e.ceremony.key.record.publicKey,
            keyPair,
            credential,
            counter: 0,
            choices,
          }),
        );
        expect(value(decryptBallot(e.ceremony.key, secret, ballot))).toEqual({ contests: choices });
      },
    ),
    { numRuns: 25 },
  );
});
