// Writing a batch of verified ballots of one election in one transaction: the election's state read FOR SHARE
// (the close, FOR UPDATE, waits for the batch and is seen by the next), the log head locked once, the revote rule
// checked for every member in arrival order, then one multi-row insert each for the log entries and the ballots.
import { lockLogHead, writeLockedEntries, type Schema } from '@openslate/db';
import type { Kysely } from 'kysely';
import { assertState } from '../election-state.js';
import { ApiError } from '../errors.js';
import type { BatchWriter, Settled } from './group-commit.js';

/** A ballot that passed every check that needs no database: what the batch stores. */
export interface VerifiedCast {
  /** The credential's ballot public key (base64url). */
  readonly ballotKey: string;
  readonly counter: number;
  readonly weight: number;
  /** The receipt hash (base64url). */
  readonly hash: string;
  /** The `ballot.cast` audit-log entry (packages/log envelope): the stored ballot (migration 0006). */
  readonly entry: Uint8Array;
}

const staleCounter = (highest: number): ApiError =>
  new ApiError(
    409,
    'STALE_COUNTER',
    `a ballot with counter ${highest} was already cast with this credential; a revote needs a higher counter`,
  );

/**
 * The revote rule over a batch: a ballot is accepted only if its counter is above every counter stored or
 * accepted earlier in the batch for its credential. Returns each member's log index (from `size` on) or error.
 */
export function admitInOrder(
  casts: readonly VerifiedCast[],
  stored: ReadonlyMap<string, number>,
  size: number,
): { outcomes: Settled<number>[]; accepted: VerifiedCast[] } {
  const highest = new Map(stored);
  const outcomes: Settled<number>[] = [];
  const accepted: VerifiedCast[] = [];
  for (const cast of casts) {
    const before = highest.get(cast.ballotKey);
    if (before !== undefined && cast.counter <= before) {
      outcomes.push({ ok: false, error: staleCounter(before) });
      continue;
    }
    highest.set(cast.ballotKey, cast.counter);
    outcomes.push({ ok: true, value: size + accepted.length });
    accepted.push(cast);
  }
  return { outcomes, accepted };
}

/** The batch writer of the cast route: resolves each member to its log index, or to its own refusal. */
export function castBatchWriter(db: Kysely<Schema>): BatchWriter<string, VerifiedCast, number> {
  return (electionId, casts) =>
    db.transaction().execute(async (trx) => {
      const election = await trx
        .selectFrom('elections')
        .select('state')
        .where('id', '=', electionId)
        .forShare()
        .executeTakeFirstOrThrow();
      try {
        assertState(election.state, ['voting'], 'casting');
      } catch (error) {
        return casts.map(() => ({ ok: false, error }));
      }
      // The head is locked before the highest counters are read: racing revotes of one credential, here or in
      // another process, are then checked one batch after another.
      const size = await lockLogHead(trx, electionId);
      const keys = [...new Set(casts.map((c) => c.ballotKey))];
      const rows = await trx
        .selectFrom('ballots')
        .select((eb) => ['ballot_key', eb.fn.max('counter').as('max')])
        .where('election_id', '=', electionId)
        .where('ballot_key', 'in', keys)
        .groupBy('ballot_key')
        .execute();
      const stored = new Map(rows.map((r) => [r.ballot_key, Number(r.max)]));
      const { outcomes, accepted } = admitInOrder(casts, stored, size);
      if (accepted.length === 0) return outcomes;
      await writeLockedEntries(
        trx,
        electionId,
        size,
        accepted.map((c) => c.entry),
      );
      await trx
        .insertInto('ballots')
        .values(
          accepted.map((c, i) => ({
            election_id: electionId,
            ballot_key: c.ballotKey,
            counter: c.counter,
            weight: c.weight,
            hash: c.hash,
            log_idx: size + i,
          })),
        )
        .execute();
      return outcomes;
    });
}
