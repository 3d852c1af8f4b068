// The per-ballot work of checks 3 and 4 — every signature and ciphertext proof of a logged ballot and, for a
// ballot that will count, its decryption — as a pure function over a serialisable job, so the same code runs in
// this thread or in worker threads ('@openslate/verify/node'). Verdicts carry only what the aggregation needs.
import {
  attempt,
  checkElectionKey,
  checkEncryptedChoices,
  createIssuerKeyring,
  decryptBallot,
  pureGroup,
  verifyBallot,
  type BallotVerificationContext,
  type CheckedElectionKey,
  type CryptoBackend,
  type ElectionKeyRecord,
  type ElectionSecret,
  type GroupBackend,
  type IssuerKeySet,
  type SignedBallot,
} from '@openslate/ballot';
import type { JsonValue } from '@openslate/canonical-json';
import { parseEntry } from '@openslate/log';

/** What every ballot is checked against (structured-cloneable). */
export interface BallotWorkSetup {
  readonly electionId: string;
  readonly issuerKeys: IssuerKeySet;
  readonly electionKey: ElectionKeyRecord;
  /** The reconstructed election secret, when the key shares hold (decryption is skipped otherwise). */
  readonly secret?: ElectionSecret;
}

export interface BallotJob {
  readonly logIndex: number;
  /** The ballot (in this thread) or its whole log entry's bytes (for a worker, which parses them). */
  readonly ballot?: unknown;
  readonly entry?: Uint8Array;
  /** Decrypt it too: it is the ballot the revote rule will count for its key. */
  readonly decrypt: boolean;
}

export type Decryption =
  | { readonly ok: true; readonly contests: Record<string, JsonValue> }
  | { readonly ok: false; readonly error: string };

export type BallotVerdict =
  | { readonly logIndex: number; readonly ok: false; readonly error: string }
  | {
      readonly logIndex: number;
      readonly ok: true;
      /** SHA-256 of the canonical signed ballot (the receipt). */
      readonly hash: Uint8Array;
      readonly issuerKeyId: string;
      readonly decryption?: Decryption;
    };

/** Thread time spent per kind of work, in milliseconds. */
export interface BallotWorkTimes {
  signatures: number;
  proofs: number;
  decryption: number;
}

export const noTimes = (): BallotWorkTimes => ({ signatures: 0, proofs: 0, decryption: 0 });

export interface BallotWorker {
  run(jobs: readonly BallotJob[], times: BallotWorkTimes): BallotVerdict[];
}

/** A checker of ballot jobs for one election, with the given signature and group back-ends. */
export function ballotWorker(
  setup: BallotWorkSetup,
  backend: CryptoBackend,
  group: GroupBackend = pureGroup,
): BallotWorker {
  const keyring = createIssuerKeyring(setup.issuerKeys);
  if (!keyring.ok) throw new Error(`issuer keys: ${keyring.error.message}`);
  const context: BallotVerificationContext = {
    backend,
    electionId: setup.electionId,
    issuerKeys: keyring.value,
    electionPublicKey: setup.electionKey.publicKey,
    checkProofs: false,
  };
  const checked = checkElectionKey(setup.electionKey);
  const key: CheckedElectionKey | undefined = checked.ok ? checked.value : undefined;
  const secret = setup.secret;
  const timed = <T>(times: BallotWorkTimes, kind: keyof BallotWorkTimes, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      times[kind] += performance.now() - start;
    }
  };
  const one = (job: BallotJob, times: BallotWorkTimes): BallotVerdict => {
    const ballot =
      job.entry === undefined || job.ballot !== undefined ? job.ballot : parseEntry(job.entry).body['ballot'];
    const r = timed(times, 'signatures', () => verifyBallot(ballot, context));
    if (!r.ok) return { logIndex: job.logIndex, ok: false, error: `${r.error.code}: ${r.error.message}` };
    const signed: SignedBallot = r.value.ballot;
    // The proofs apart from the signatures (verifyBallot's own order: signatures, then proofs) to time each.
    const proof = timed(times, 'proofs', () =>
      attempt('MALFORMED_INPUT', () =>
        checkEncryptedChoices(
          context.electionId,
          context.electionPublicKey,
          signed.ballotKey,
          signed.contests,
          group,
        ),
      ),
    );
    if (!proof.ok)
      return { logIndex: job.logIndex, ok: false, error: `${proof.error.code}: ${proof.error.message}` };
    let decryption: Decryption | undefined;
    if (job.decrypt && key !== undefined && secret !== undefined) {
      const d = timed(times, 'decryption', () => decryptBallot(key, secret, signed, group));
      decryption = d.ok
        ? { ok: true, contests: d.value.contests }
        : { ok: false, error: `${d.error.code}: ${d.error.message}` };
    }
    return {
      logIndex: job.logIndex,
      ok: true,
      hash: r.value.hash,
      issuerKeyId: r.value.issuerKey.keyId,
      ...(decryption === undefined ? {} : { decryption }),
    };
  };
  return { run: (jobs, times) => jobs.map((job) => one(job, times)) };
}

/** Runs ballot jobs (in this thread or in workers) and reports progress; resolves to one verdict per job, in order. */
export type BallotRunner = (
  setup: BallotWorkSetup,
  jobs: readonly BallotJob[],
  progress: (done: number, total: number) => void,
  /** Aborted when the verdicts are no longer wanted (an earlier check failed): stop working. */
  signal?: AbortSignal,
) => Promise<{ verdicts: BallotVerdict[]; times: BallotWorkTimes }>;

export const CHUNK = 500;

/** The runner in this thread, chunk by chunk (progress between chunks). */
export function inThreadRunner(backend: CryptoBackend, group: GroupBackend = pureGroup): BallotRunner {
  return async (setup, jobs, progress) => {
    await Promise.resolve();
    const worker = ballotWorker(setup, backend, group);
    const times = noTimes();
    const verdicts: BallotVerdict[] = [];
    for (let start = 0; start < jobs.length; start += CHUNK) {
      verdicts.push(...worker.run(jobs.slice(start, start + CHUNK), times));
      progress(verdicts.length, jobs.length);
    }
    return { verdicts, times };
  };
}
