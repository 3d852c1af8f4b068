// Data shared by the ballot benchmark's main thread and its workers (plain JSON, so it crosses worker_threads).
import { randomBytes } from '@noble/hashes/utils.js';
import {
  checkElectionKey,
  createBallot,
  createIssuerKeyring,
  createTrustee,
  dealShares,
  electionKeyRecord,
  finalizeCredential,
  generateBallotKeyPair,
  issuerKeySet,
  reconstructElectionSecret,
  receiveShares,
  requestCredential,
  revealShare,
} from '@openslate/ballot';
import type {
  CeremonyParameters,
  CheckedElectionKey,
  ElectionKeyRecord,
  IssuerKeyRecord,
  IssuerKeyring,
  Result,
  SignedBallot,
} from '@openslate/ballot';
import {
  createNodeBackend,
  exportIssuerSecretKey,
  generateIssuerKey,
  issueBlindSignature,
} from '@openslate/ballot/node';

export const ELECTION_ID = 'bench-2026';
export const CONTESTS = ['board'];

export interface BenchData {
  readonly issuerRecord: IssuerKeyRecord;
  readonly issuerPem: string;
  readonly electionKey: ElectionKeyRecord;
  readonly electionSecret: string;
  readonly ballots: SignedBallot[];
  readonly blindedMessages: string[];
}

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

/** A 3-trustee, threshold-2 ceremony, an issuer key and `count` cast ballots ranking 10 candidates. */
export function buildBenchData(count: number): BenchData {
  const node = createNodeBackend();
  const issuer = value(generateIssuerKey(ELECTION_ID, 1, CONTESTS));
  const trustees = [1, 2, 3].map((i) => createTrustee(ELECTION_ID, i, `trustee ${i}`));
  const params: CeremonyParameters = {
    type: 'openslate/ceremony/v1',
    electionId: ELECTION_ID,
    threshold: 2,
    trustees: trustees.map((t) => t.announcement),
  };
  const dealt = trustees.map((t) => value(dealShares(params, t.secret)));
  const dealings = dealt.map((d) => d.dealing);
  const hashes = dealt.map((d) => d.hash);
  const shares = trustees.map((t) => value(receiveShares(params, t.secret, dealings, hashes)));
  const electionKey = value(electionKeyRecord(params, dealings, hashes));
  const checked = value(checkElectionKey(electionKey));
  const secret = value(reconstructElectionSecret(checked, shares.map(revealShare)));
  const ballots: SignedBallot[] = [];
  const blindedMessages: string[] = [];
  const candidates = Array.from({ length: 10 }, (_, i) => `candidate-${i + 1}`);
  for (let i = 0; i < count; i++) {
    const keyPair = value(generateBallotKeyPair(randomBytes(32), node));
    const { request, state } = value(requestCredential(issuer.record, keyPair.publicKey));
    blindedMessages.push(request.blindedMessage);
    const credential = value(
      finalizeCredential(state, value(issueBlindSignature(issuer, request.blindedMessage)), node),
    );
    const ranking = [...candidates].sort(() => Math.random() - 0.5).slice(0, 1 + (i % 10));
    const ballot = createBallot(
      {
        electionId: ELECTION_ID,
        electionPublicKey: electionKey.publicKey,
        keyPair,
        credential,
        counter: 0,
        choices: { board: { ranking } },
      },
      node,
    );
    ballots.push(value(ballot));
  }
  return {
    issuerRecord: issuer.record,
    issuerPem: exportIssuerSecretKey(issuer),
    electionKey,
    electionSecret: secret.secret.toString(),
    ballots,
    blindedMessages,
  };
}

export interface Verifier {
  readonly keyring: IssuerKeyring;
  readonly electionKey: CheckedElectionKey;
}

export function verifierFor(data: BenchData): Verifier {
  return {
    keyring: value(createIssuerKeyring(issuerKeySet(ELECTION_ID, [data.issuerRecord]))),
    electionKey: value(checkElectionKey(data.electionKey)),
  };
}

/** Runs `op(i)` in a loop for `seconds`; returns how many operations ran. */
export function run(seconds: number, op: (i: number) => void): number {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    for (let k = 0; k < 10; k++) op(n++);
  }
  return n;
}
