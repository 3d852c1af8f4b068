// Checks 3 and 4's per-ballot work started before checks 1 and 2 have passed: the log's entries are parsed
// without verification, the sequence and the key shares read from them, and the ballots handed to the runner
// (worker threads) while this thread checks the log's signature and tree. Sound because the files are read once
// (readOnce) — the checks see the very bytes the workers got — and because the results are only used in their
// place, after checks 1 and 2 pass; anything odd here just means no early start.
import type { BallotRunner } from './ballot-work.js';
import type { BundleManifest } from './bundle-format.js';
import { ballotJobs, checkBallots, type CheckedBallots } from './checks/ballots.js';
import { prepareKeys, type PreparedKeys } from './checks/keys.js';
import { checkSequence, type ElectionSequence } from './checks/sequence.js';
import type { ReadFile } from './files.js';
import { paths } from './bundle-format.js';
import { parseEntries, readEntryBytes, type ParsedEntry } from './log-entries.js';

export interface BallotWork {
  readonly entries: ParsedEntry[];
  readonly sequence: ElectionSequence;
  readonly prepared: PreparedKeys;
  /** Settles with check 3's outcome (its VerifyError if a ballot fails). */
  readonly ballots: Promise<CheckedBallots>;
}

/** Starts the ballots' work for the sequence of `entries`; `ballots` is awaited by check 3. */
export async function startBallotWork(
  read: ReadFile,
  entries: ParsedEntry[],
  sequence: ElectionSequence,
  runner: BallotRunner,
  progress: (done: number, total: number) => void,
): Promise<BallotWork> {
  const prepared = await prepareKeys(read, sequence);
  const setup = {
    electionId: sequence.manifest.electionId,
    issuerKeys: sequence.manifest.issuerKeys,
    electionKey: sequence.manifest.electionKey,
    ...(prepared.ok ? { secret: prepared.secret } : {}),
  };
  const ballots = checkBallots(sequence, ballotJobs(sequence, entries), setup, runner, progress);
  ballots.catch(() => undefined); // awaited (and its failure reported) by check 3
  return { entries, sequence, prepared, ballots };
}

/** The early start from unverified entries, or undefined when they do not even parse into a sequence. */
export async function startEarly(
  read: ReadFile,
  manifest: BundleManifest,
  runner: BallotRunner,
  progress: (done: number, total: number) => void,
): Promise<BallotWork | undefined> {
  try {
    const entries = parseEntries(await readEntryBytes((p) => read(paths.log(p)), manifest.log.size));
    return await startBallotWork(read, entries, checkSequence(entries, manifest), runner, progress);
  } catch {
    return undefined;
  }
}
