// Check 3: every logged ballot carries a valid credential (RFC 9474 RSA-PSS by a published issuer key) and a
// valid ballot signature (Ed25519) and ciphertext proofs — verifyBallot of packages/ballot, the API's own check,
// run per ballot by a BallotRunner (this thread or worker threads, ballot-work.ts); the revote rule picks the
// counted ones (resolveRevotes); no credential counts twice; per issuer key, counted ≤ issued.
import {
  createIssuerKeyring,
  resolveRevotes,
  toBase64url,
  trackerCode,
  type CountedBallot,
  type SignedBallot,
} from '@openslate/ballot';
import type {
  BallotJob,
  BallotRunner,
  BallotWorkSetup,
  BallotWorkTimes,
  Decryption,
} from '../ballot-work.js';
import { check, VerifyError } from '../errors.js';
import type { ParsedEntry } from '../log-entries.js';
import type { ElectionSequence } from './sequence.js';

export interface CheckedBallots {
  readonly counted: CountedBallot[];
  readonly superseded: CountedBallot[];
  /** Receipt (base64url SHA-256 of the canonical ballot, or its tracker code) → log index, for every logged ballot. */
  readonly receipts: ReadonlyMap<string, number>;
  /** Decryptions made alongside (check 4 reads them), by log index. */
  readonly decryptions: ReadonlyMap<number, Decryption>;
  readonly times: BallotWorkTimes;
}

const field = (ballot: unknown, name: string): unknown => (ballot as Record<string, unknown> | null)?.[name];

/**
 * One job per ballot inside the sealed log; `decrypt` marks the ballot the revote rule will count for its key
 * (predicted from the unverified fields: exact whenever every ballot verifies, and check 3 fails otherwise).
 */
export function ballotJobs(sequence: ElectionSequence, entries: readonly ParsedEntry[]): BallotJob[] {
  const ballots = sequence.ballots.filter((b) => b.logIndex < sequence.sealedSize);
  const { counted } = resolveRevotes(
    ballots.map((b) => ({
      logIndex: b.logIndex,
      ballotKey: String(field(b.ballot, 'ballotKey')),
      counter: Number(field(b.ballot, 'counter')),
    })),
  );
  const decrypt = new Set(counted.map((c) => c.logIndex));
  return ballots.map((b) => ({
    logIndex: b.logIndex,
    ballot: b.ballot,
    entry: entries[b.logIndex]?.bytes,
    decrypt: decrypt.has(b.logIndex),
  }));
}

export async function checkBallots(
  sequence: ElectionSequence,
  jobs: readonly BallotJob[],
  setup: BallotWorkSetup,
  runner: BallotRunner,
  progress: (done: number, total: number) => void,
): Promise<CheckedBallots> {
  const keyring = createIssuerKeyring(sequence.manifest.issuerKeys);
  if (!keyring.ok) throw new VerifyError('BALLOT_INVALID', `issuer keys: ${keyring.error.message}`);
  const { verdicts, times } = await runner(setup, jobs, progress);
  const valid: CountedBallot[] = [];
  const receipts = new Map<string, number>();
  const decryptions = new Map<number, Decryption>();
  const credentials = new Map<string, { ballotKey: string; logIndex: number }>();
  for (const [i, verdict] of verdicts.entries()) {
    const { logIndex } = verdict;
    if (!verdict.ok)
      throw new VerifyError('BALLOT_INVALID', `ballot at log index ${logIndex}: ${verdict.error}`);
    const ballot = jobs[i]!.ballot as SignedBallot;
    const { ballotKey, counter, credential } = ballot;
    const prior = credentials.get(credential.signature);
    check(prior === undefined || prior.ballotKey === ballotKey, 'CREDENTIAL_REUSED', () => {
      return `ballot at log index ${logIndex} reuses the credential of log index ${prior?.logIndex} under another ballot key`;
    });
    credentials.set(credential.signature, { ballotKey, logIndex });
    receipts.set(toBase64url(verdict.hash), logIndex);
    receipts.set(trackerCode(verdict.hash), logIndex);
    if (verdict.decryption) decryptions.set(logIndex, verdict.decryption);
    const issuerKey = keyring.value.keys.get(verdict.issuerKeyId)!.record;
    valid.push({
      ballot,
      hash: verdict.hash,
      issuerKey,
      weight: issuerKey.weight,
      logIndex,
      ballotKey,
      counter,
    });
  }
  const { counted, superseded } = resolveRevotes(valid);
  const perKey = new Map<string, number>();
  for (const c of counted) perKey.set(c.issuerKey.keyId, (perKey.get(c.issuerKey.keyId) ?? 0) + 1);
  for (const [keyId, n] of perKey) {
    const issued = sequence.issued.get(keyId) ?? 0;
    check(
      n <= issued,
      'OVER_ISSUED',
      () => `${n} ballots counted under issuer key ${keyId}, but only ${issued} credentials issued`,
    );
  }
  return { counted, superseded, receipts, decryptions, times };
}
