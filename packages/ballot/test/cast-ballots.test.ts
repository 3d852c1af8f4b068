// From a log of cast ballots to weighted plaintexts: verification, revotes, rejection reasons, decryption.
import { canonicalBytes } from '@openslate/canonical-json';
import {
  checkRevoteCounter,
  createBallot,
  decryptCountedBallots,
  reconstructElectionSecret,
  revealShare,
  toBase64url,
  verifyCastBallots,
} from '../src/index.js';
import type { BallotKeyPair, Credential } from '../src/index.js';
import { credentialFor, makeElection, node, value } from './fixtures.js';

const e = makeElection('e1');
const electionPublicKey = e.ceremony.key.record.publicKey;
const context = { backend: node, electionId: e.electionId, issuerKeys: e.keyring, electionPublicKey };

const vote = (keyPair: BallotKeyPair, credential: Credential, counter: number, ranking: string[]) =>
  value(
    createBallot({
      electionId: e.electionId,
      electionPublicKey,
      keyPair,
      credential,
      counter,
      choices: { board: { ranking } },
    }),
  );

test('revotes, a delegate weight, a tampered ballot and a stale counter, end to end', () => {
  const alice = credentialFor(e.issuers[0]!);
  const delegate = credentialFor(e.issuers[1]!);
  const a0 = vote(alice.keyPair, alice.credential, 0, ['x']);
  const d0 = vote(delegate.keyPair, delegate.credential, 0, ['y', 'x']);
  const a1 = vote(alice.keyPair, alice.credential, 1, ['z']);
  const a1again = vote(alice.keyPair, alice.credential, 1, ['x', 'z']);
  const { signature: _s, ...body } = d0;
  const tampered = {
    ...body,
    counter: 5,
    signature: toBase64url(node.ed25519Sign(alice.keyPair.seed, canonicalBytes({ ...body, counter: 5 }))),
  };
  const outcome = verifyCastBallots(
    [a0, d0, a1, tampered, a1again].map((ballot, logIndex) => ({ logIndex, ballot })),
    context,
  );
  expect(outcome.counted.map((c) => c.logIndex)).toEqual([1, 2]);
  expect(outcome.superseded.map((c) => c.logIndex)).toEqual([0, 4]);
  expect(outcome.rejected.map((r) => [r.logIndex, r.error.code])).toEqual([[3, 'BAD_BALLOT_SIGNATURE']]);

  const secret = value(reconstructElectionSecret(e.ceremony.key, e.ceremony.shares.map(revealShare)));
  const { decrypted, failed } = decryptCountedBallots(e.ceremony.key, secret, outcome.counted);
  expect(failed).toEqual([]);
  expect(decrypted).toEqual([
    { logIndex: 1, weight: 3, contests: { board: { ranking: ['y', 'x'] } } },
    { logIndex: 2, weight: 1, contests: { board: { ranking: ['z'] } } },
  ]);

  expect(checkRevoteCounter(undefined, 0).ok).toBe(true);
  expect(checkRevoteCounter(1, 2).ok).toBe(true);
  const stale = checkRevoteCounter(1, 1);
  expect(stale.ok ? 'ok' : stale.error.code).toBe('STALE_COUNTER');
});
