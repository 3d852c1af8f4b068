// The ballot benchmark's workloads, by name; each runs for a fixed time and returns its operation count.
import {
  checkEncryptedChoices,
  decryptBallot,
  pureBackend,
  pureGroup,
  verifyBallot,
} from '@openslate/ballot';
import type { CryptoBackend, GroupBackend } from '@openslate/ballot';
import {
  createNodeBackend,
  importIssuerSecretKey,
  issueBlindSignature,
  loadNodeGroup,
} from '@openslate/ballot/node';
import { CONTESTS, ELECTION_ID, run, value, verifierFor } from './ballot-fixture.js';
import type { BenchData } from './ballot-fixture.js';

export const WORKLOADS = [
  'issue',
  'verifySignatures',
  'verifyFull',
  'verifyFullPure',
  'proofs',
  'proofsPure',
  'decrypt',
  'decryptPure',
] as const;
export type Workload = (typeof WORKLOADS)[number];

/** Each workload: run for `seconds`, return how many operations ran. */
export type Workloads = Record<Workload, (seconds: number) => number>;

/** Everything a workload needs, built before timing starts (keys imported, libsodium compiled). */
export async function prepareWorkloads(d: BenchData): Promise<Workloads> {
  const node = createNodeBackend();
  const nodeGroup = await loadNodeGroup();
  const v = verifierFor(d);
  const issuer = value(importIssuerSecretKey(ELECTION_ID, 1, CONTESTS, d.issuerPem));
  const secret = { secret: BigInt(d.electionSecret), trustees: [], rejected: [] };
  const ballot = (i: number) => d.ballots[i % d.ballots.length]!;
  const verify = (checkProofs: boolean, backend: CryptoBackend, group: GroupBackend) => (s: number) =>
    run(s, (i) => {
      const r = verifyBallot(ballot(i), {
        backend,
        group,
        electionId: ELECTION_ID,
        issuerKeys: v.keyring,
        electionPublicKey: d.electionKey.publicKey,
        checkProofs,
      });
      if (!r.ok) throw r.error;
    });
  const proofs = (group: GroupBackend) => (s: number) =>
    run(s, (i) => {
      const b = ballot(i);
      checkEncryptedChoices(ELECTION_ID, d.electionKey.publicKey, b.ballotKey, b.contests, group);
    });
  const decrypt = (group: GroupBackend) => (s: number) =>
    run(s, (i) => value(decryptBallot(v.electionKey, secret, ballot(i), group)));
  return {
    issue: (s) =>
      run(s, (i) =>
        value(issueBlindSignature(issuer, d.blindedMessages[i % d.blindedMessages.length] ?? '')),
      ),
    verifySignatures: verify(false, node, nodeGroup),
    verifyFull: verify(true, node, nodeGroup),
    verifyFullPure: verify(true, pureBackend, pureGroup),
    proofs: proofs(nodeGroup),
    proofsPure: proofs(pureGroup),
    decrypt: decrypt(nodeGroup),
    decryptPure: decrypt(pureGroup),
  };
}
