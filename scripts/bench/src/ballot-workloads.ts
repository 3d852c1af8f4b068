// The ballot benchmark's workloads, by name; each runs for a fixed time and returns its operation count.
import { decryptBallot, pureBackend, verifyBallot } from '@openslate/ballot';
import type { CryptoBackend } from '@openslate/ballot';
import { createNodeBackend, importIssuerSecretKey, issueBlindSignature } from '@openslate/ballot/node';
import { CONTESTS, ELECTION_ID, run, value, verifierFor } from './ballot-fixture.js';
import type { BenchData } from './ballot-fixture.js';

export const WORKLOADS = ['issue', 'verifySignatures', 'verifyFull', 'verifyFullPure', 'decrypt'] as const;
export type Workload = (typeof WORKLOADS)[number];

export function runWorkload(data: BenchData, workload: Workload, seconds: number): number {
  return workloads(data)[workload](seconds);
}

function workloads(d: BenchData): Record<Workload, (s: number) => number> {
  const node = createNodeBackend();
  const v = verifierFor(d);
  const issuer = value(importIssuerSecretKey(ELECTION_ID, 1, CONTESTS, d.issuerPem));
  const secret = { secret: BigInt(d.electionSecret), trustees: [], rejected: [] };
  const verify =
    (checkProofs: boolean, backend: CryptoBackend = node) =>
    (s: number) =>
      run(s, (i) => {
        const r = verifyBallot(d.ballots[i % d.ballots.length], {
          backend,
          electionId: ELECTION_ID,
          issuerKeys: v.keyring,
          electionPublicKey: d.electionKey.publicKey,
          checkProofs,
        });
        if (!r.ok) throw r.error;
      });
  return {
    issue: (s) =>
      run(s, (i) =>
        value(issueBlindSignature(issuer, d.blindedMessages[i % d.blindedMessages.length] ?? '')),
      ),
    verifySignatures: verify(false),
    verifyFull: verify(true),
    verifyFullPure: verify(true, pureBackend),
    decrypt: (s) =>
      run(s, (i) => value(decryptBallot(v.electionKey, secret, d.ballots[i % d.ballots.length]!))),
  };
}
