// The independent verifier: runs the checks of docs/bundle-format.md in order over a bundle read through a
// callback, stops at the first failing check and reports every check as a line.
import { pureBackend, pureGroup, type CryptoBackend, type GroupBackend } from '@openslate/ballot';
import { inThreadRunner, type BallotRunner, type BallotWorkTimes } from './ballot-work.js';
import { BUNDLE_FORMAT, paths, type BundleManifest } from './bundle-format.js';
import { check, VerifyError, type VerifyErrorCode } from './errors.js';
import { readJson, readOnce, type ReadFile } from './files.js';
import type { CheckedBallots } from './checks/ballots.js';
import { checkKeys } from './checks/keys.js';
import { startBallotWork, startEarly } from './early-start.js';
import { checkLog, type CheckedLog } from './checks/log.js';
import { checkReceipt } from './checks/receipt.js';
import { checkDerivedRoll, sourceEntries, type VerifiedSource } from './checks/derived-roll.js';
import { checkRoll } from './checks/roll.js';
import { checkRecount, outcomeWords, type ContestOutcome } from './checks/recount.js';
import { checkSequence, type ElectionSequence } from './checks/sequence.js';
import { checkProposals, proposalsWords, type ProposalOutcome } from './checks/proposals.js';

export type CheckId =
  | 'manifest'
  | 'log'
  | 'sequence'
  | 'roll'
  | 'ballots'
  | 'keys'
  | 'recount'
  | 'proposals'
  | 'derived'
  | 'receipt';

export interface CheckLine {
  readonly check: CheckId;
  readonly ok: boolean;
  readonly message: string;
  /** The check could not be made (e.g. a derived roll without its source bundle): not a pass. */
  readonly notChecked?: boolean;
}

export interface VerifyOptions {
  readonly read: ReadFile;
  /** Signature back-end (default: pure JavaScript; Node callers pass `createNodeBackend()`, faster). */
  readonly backend?: CryptoBackend;
  /** ristretto255 back-end for proofs and decryption in this thread (default `pureGroup`; Node: `loadNodeGroup()`). */
  readonly group?: GroupBackend;
  /**
   * Who checks each ballot's signatures and proofs and decrypts the counted ones (checks 3 and 4): default this
   * thread with `backend` and `group`; Node callers pass `workerRunner()` of '@openslate/verify/node'. A runner
   * given here starts on the ballots while this thread checks the log (early-start.ts).
   */
  readonly runner?: BallotRunner;
  /** A voter's receipt (base64url ballot hash) to find among the counted ballots (check 6). */
  readonly receipt?: string;
  /** The bundle of the election a `roll.derived` entry names (docs/log-entries.md "Derived rolls"). */
  readonly source?: ReadFile;
  /** The log's verifier key obtained independently of the bundle: manifest.json must name this key. */
  readonly verifierKey?: string;
  /** Each check's line as it completes, and progress on long steps. */
  readonly onLine?: (line: CheckLine) => void;
  readonly onProgress?: (message: string) => void;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly format: string;
  readonly election?: string;
  readonly checks: readonly CheckLine[];
  readonly failure?: { readonly check: CheckId; readonly code: VerifyErrorCode; readonly message: string };
  /** The recomputed outcome of every contest (empty when an earlier check failed). */
  readonly contests: readonly ContestOutcome[];
  /** Each scheduled proposal's outcome, equal to the recount's (empty when a check failed). */
  readonly proposals: readonly ProposalOutcome[];
  /** Checks that could not be made (their lines say why). */
  readonly notChecked: readonly CheckId[];
  /** Thread time (ms, summed over threads) of the per-ballot work, once check 3 has run. */
  readonly work?: BallotWorkTimes;
}

function parseManifest(value: unknown): BundleManifest {
  const m = value as Partial<BundleManifest> | null;
  check(m?.format === BUNDLE_FORMAT, 'BUNDLE_UNSUPPORTED_FORMAT', () => {
    return `manifest.json: format '${String(m?.format)}' is not ${BUNDLE_FORMAT}`;
  });
  const log = m.log;
  check(
    typeof m.election === 'string' &&
      Array.isArray(m.contests) &&
      typeof log?.origin === 'string' &&
      typeof log.verifierKey === 'string' &&
      Array.isArray(log.witnesses) &&
      Number.isSafeInteger(log.size) &&
      Number.isSafeInteger(log.sealedSize),
    'BUNDLE_MALFORMED',
    () => 'manifest.json lacks the election, contests or log fields',
  );
  return m as BundleManifest;
}

export async function verifyBundle(options: VerifyOptions): Promise<VerifyReport> {
  const read = readOnce(options.read);
  const stop = new AbortController();
  const backend = options.backend ?? pureBackend;
  const group = options.group ?? pureGroup;
  const given = options.runner;
  const runner: BallotRunner = (setup, jobs, done) =>
    (given ?? inThreadRunner(backend, group))(setup, jobs, done, stop.signal);
  const ballotProgress = (done: number, total: number) =>
    progress(`ballots: ${done}/${total} signatures checked`);
  let times: BallotWorkTimes | undefined;
  const progress = options.onProgress ?? (() => undefined);
  const checks: CheckLine[] = [];
  let failure: VerifyReport['failure'];
  let contests: readonly ContestOutcome[] = [];
  let proposals: readonly ProposalOutcome[] = [];
  let election: string | undefined;
  const notChecked: CheckId[] = [];

  async function step<T>(
    id: CheckId,
    run: () => Promise<T> | T,
    message: (value: T) => string,
    unchecked: (value: T) => boolean = () => false,
  ): Promise<T> {
    try {
      const value = await run();
      const notChecked = unchecked(value);
      const line = { check: id, ok: true, message: message(value), ...(notChecked ? { notChecked } : {}) };
      checks.push(line);
      options.onLine?.(line);
      return value;
    } catch (e) {
      const error = e instanceof VerifyError ? e : new VerifyError('BUNDLE_MALFORMED', (e as Error).message);
      failure = { check: id, code: error.code, message: error.message };
      const line = { check: id, ok: false, message: error.message };
      checks.push(line);
      options.onLine?.(line);
      throw error;
    }
  }

  try {
    const manifest = await step(
      'manifest',
      async () => parseManifest(await readJson(read, paths.manifest)),
      (m) => `manifest.json: ${BUNDLE_FORMAT}, election ${m.election}, ${m.contests.length} contest(s)`,
    );
    election = manifest.election;
    const early = given ? await startEarly(read, manifest, runner, ballotProgress) : undefined;
    const log: CheckedLog = await step(
      'log',
      () => {
        const key = options.verifierKey ?? manifest.log.verifierKey;
        check(key === manifest.log.verifierKey, 'LOG_INVALID', () => {
          return `manifest.json names log key ${manifest.log.verifierKey}, not the key given (${key})`;
        });
        progress('log: checking the checkpoint signature and rebuilding the tree from every entry');
        return checkLog(read, manifest, key, early?.entries);
      },
      (l) =>
        `log: checkpoint signed by ${manifest.log.origin}, ${l.size} entries rebuild its root` +
        (l.cosigners.length ? `, cosigned by ${l.cosigners.join(', ')}` : ', no witness cosignatures'),
    );
    // The early start counts only if it worked on exactly the entries the log check verified.
    const reuse = early !== undefined && early.entries === log.entries ? early : undefined;
    const sequence: ElectionSequence = await step(
      'sequence',
      () => reuse?.sequence ?? checkSequence(log.entries, manifest),
      (s) =>
        `sequence: ${log.entries.length} entries well formed; opened at ${s.openIndex}, sealed at size ${s.sealedSize}, ${s.ballots.length} ballots inside voting`,
    );
    await step(
      'roll',
      () => checkRoll(read, sequence, log.entries),
      (r) =>
        `roll: ${r.size} leaf hashes rebuild root ${r.root}` +
        (r.committed
          ? ', the last commitment in the log'
          : ' (roll changed after its last logged commitment)') +
        '; changes by reason match the log',
    );
    // Check 4's key shares are read first, so the runner can decrypt the counted ballots as it verifies them.
    const work = reuse ?? (await startBallotWork(read, log.entries, sequence, runner, ballotProgress));
    const ballots: CheckedBallots = await step(
      'ballots',
      () => work.ballots,
      (b) =>
        `ballots: every issuer and ballot signature valid; ${b.counted.length} counted, ${b.superseded.length} superseded, counted ≤ issued`,
    );
    times = ballots.times;
    const keys = await step(
      'keys',
      () => checkKeys(work.prepared, ballots.counted, ballots.decryptions, group),
      (k) =>
        `keys: trustees ${k.trustees.join(', ')} reveal shares matching their commitments; the key is rebuilt; ${k.decrypted.length} ballots decrypt`,
    );
    const recount = await step(
      'recount',
      () => checkRecount(read, sequence, log.entries, keys.decrypted, backend),
      (r) =>
        `recount: ${r.outcomes.map((c) => `${c.contest} ${outcomeWords(c)}`).join('; ')}; reports and BLT files match`,
    );
    contests = recount.outcomes;
    const checkedProposals = await step(
      'proposals',
      () => checkProposals(log.entries, sequence, recount.reports),
      proposalsWords,
    );
    proposals = checkedProposals.outcomes;
    const source = options.source;
    const verifySource = async (): Promise<VerifiedSource> => {
      const report = await verifyBundle({
        read: source!,
        backend,
        group,
        ...(given === undefined ? {} : { runner: given }),
        onProgress: (m) => progress(`source: ${m}`),
      });
      check(report.ok && report.election !== undefined, 'DERIVED_ROLL_MISMATCH', () => {
        return `the source bundle does not verify: ${report.failure?.check}: ${report.failure?.message}`;
      });
      return { election: report.election!, entries: await sourceEntries(source!), contests: report.contests };
    };
    // Only an election whose roll was derived from another has this check (docs/bundle-format.md).
    if (log.entries.some((e) => e.type === 'roll.derived')) {
      const derived = await step(
        'derived',
        () => checkDerivedRoll(read, manifest.election, log.entries, source && verifySource),
        (d) =>
          d.kind === 'checked'
            ? `derived roll: the ${d.entries} entries (weight ${d.weight}) are exactly the winners of source election ${d.source}, verified from its bundle`
            : d.kind === 'not-checked'
              ? `derived roll: not checked: source bundle not given (the roll is derived from election ${d.source}; use --source)`
              : 'derived roll: none (the roll was not derived from another election)',
        (d) => d.kind === 'not-checked',
      );
      if (derived.kind === 'not-checked') notChecked.push('derived');
    }
    if (options.receipt !== undefined) {
      const receipt = options.receipt;
      await step(
        'receipt',
        () => checkReceipt(receipt, ballots),
        (c) => `receipt: ballot at log index ${c.logIndex} is in the log and was counted`,
      );
    }
  } catch {
    // The failing step has recorded itself; later checks depend on it.
  } finally {
    stop.abort(); // an early start whose results are not needed stops here
  }
  return {
    ok: failure === undefined,
    format: BUNDLE_FORMAT,
    ...(election === undefined ? {} : { election }),
    checks,
    ...(failure === undefined ? {} : { failure }),
    contests: failure === undefined ? contests : [],
    proposals: failure === undefined ? proposals : [],
    notChecked,
    ...(times === undefined ? {} : { work: times }),
  };
}
