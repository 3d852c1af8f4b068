// The whole chain from logged ballots to what the count receives, as one pure function for the API and for
// independent verifiers: verify every logged ballot (verifyBallot), apply the revote rule (revote.ts) to the valid
// ones, then — after the close — decrypt the counted ones with their weights.
import type { JsonValue } from '@openslate/canonical-json';
import { decryptBallot } from './decrypt-ballot.js';
import { BallotError } from './errors.js';
import { pureGroup } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import type { Result } from './errors.js';
import type { CheckedElectionKey } from './key-ceremony.js';
import type { ElectionSecret } from './reveal.js';
import { resolveRevotes } from './revote.js';
import { verifyBallot } from './signed-ballot.js';
import type { BallotVerificationContext, VerifiedBallot } from './signed-ballot.js';

export interface LoggedBallot {
  /** Position in the audit log. */
  readonly logIndex: number;
  /** The ballot as logged (untrusted JSON). */
  readonly ballot: unknown;
}

export interface CountedBallot extends VerifiedBallot {
  readonly logIndex: number;
  readonly ballotKey: string;
  readonly counter: number;
}

export interface CastOutcome {
  readonly counted: CountedBallot[];
  readonly superseded: CountedBallot[];
  /** Ballots that fail a check, with the failing check's error. */
  readonly rejected: { readonly logIndex: number; readonly error: BallotError }[];
}

export function verifyCastBallots(
  logged: readonly LoggedBallot[],
  context: BallotVerificationContext,
): CastOutcome {
  const valid: CountedBallot[] = [];
  const rejected: { logIndex: number; error: BallotError }[] = [];
  for (const { logIndex, ballot } of logged) {
    const r = verifyBallot(ballot, context);
    if (r.ok)
      valid.push({
        ...r.value,
        logIndex,
        ballotKey: r.value.ballot.ballotKey,
        counter: r.value.ballot.counter,
      });
    else rejected.push({ logIndex, error: r.error });
  }
  return { ...resolveRevotes(valid), rejected };
}

/** At cast time: a new ballot for `ballotKey` must carry a counter above every earlier one (STALE_COUNTER). */
export function checkRevoteCounter(previousCounter: number | undefined, counter: number): Result<number> {
  if (previousCounter !== undefined && counter <= previousCounter) {
    return {
      ok: false,
      error: new BallotError('STALE_COUNTER', `counter ${counter} is not above ${previousCounter}`),
    };
  }
  return { ok: true, value: counter };
}

export interface DecryptedCountedBallot {
  readonly logIndex: number;
  readonly weight: number;
  readonly contests: Record<string, JsonValue>;
}

/** After the close: the counted ballots' plaintexts with their weights, in log order; failures named by index. */
export function decryptCountedBallots(
  key: CheckedElectionKey,
  secret: ElectionSecret,
  counted: readonly CountedBallot[],
  group: GroupBackend = pureGroup,
): { decrypted: DecryptedCountedBallot[]; failed: { logIndex: number; error: BallotError }[] } {
  const decrypted: DecryptedCountedBallot[] = [];
  const failed: { logIndex: number; error: BallotError }[] = [];
  for (const c of counted) {
    const r = decryptBallot(key, secret, c.ballot, group);
    if (r.ok) decrypted.push({ logIndex: c.logIndex, weight: c.weight, contests: r.value.contests });
    else failed.push({ logIndex: c.logIndex, error: r.error });
  }
  return { decrypted, failed };
}
