import {
  createBallot,
  verifyBallot,
  reconstructElectionSecret,
  revealShare,
  decryptBallot,
} from '../src/index.js';
import { credentialFor, makeElection, node, value } from './fixtures.js';

test('smoke', () => {
  const e = makeElection();
  const issuer = e.issuers[0]!;
  const { keyPair, credential } = credentialFor(issuer);
  const ballot = value(
    createBallot({
      electionId: e.electionId,
      electionPublicKey: e.ceremony.key.record.publicKey,
      keyPair,
      credential,
      counter: 0,
      choices: { board: { ranking: ['a', 'b'] } },
    }),
  );
  const v = verifyBallot(ballot, {
    backend: node,
    electionId: e.electionId,
    issuerKeys: e.keyring,
    electionPublicKey: e.ceremony.key.record.publicKey,
  });
  if (!v.ok) throw v.error;
  const secret = value(reconstructElectionSecret(e.ceremony.key, e.ceremony.shares.map(revealShare)));
  expect(value(decryptBallot(e.ceremony.key, secret, ballot))).toEqual({
    contests: { board: { ranking: ['a', 'b'] } },
  });
});
