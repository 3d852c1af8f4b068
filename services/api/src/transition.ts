// The election life cycle's one transition function, shared by the officer's route (routes/officer.ts) and the
// scheduler (scheduler.ts).
import type { transitionInput } from '@openslate/client';
import type { Election, Schema } from '@openslate/db';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from './audit.js';
import { assertTransition } from './election-state.js';
import type { StateHooks } from './state-hooks.js';

export type TransitionTarget = z.infer<typeof transitionInput>['to'];

/**
 * One life-cycle transition, the same for the officer's route and the scheduler: `load` reads the election row
 * FOR UPDATE (and may answer null: nothing to do any more), the state hook runs, the `election.state` entry names
 * `by` (an officer's user id, or 'schedule'), and after the commit the `after` hook runs (e.g. sealing the log).
 */
export async function transitionElection(
  db: Kysely<Schema>,
  hooks: StateHooks,
  electionId: string,
  to: TransitionTarget,
  by: string,
  load: (trx: Transaction<Schema>) => Promise<Election | null>,
): Promise<{ state: TransitionTarget; logIndex: number } | null> {
  const result = await db.transaction().execute(async (trx) => {
    const election = await load(trx);
    if (election === null) return null;
    assertTransition(election.state, to);
    const details = (await hooks[to]?.(trx, election)) ?? {};
    await trx
      .updateTable('elections')
      .set({ state: to, updated_at: new Date() })
      .where('id', '=', electionId)
      .execute();
    const idx = await recordAudit(trx, electionId, 'election.state', {
      from: election.state,
      to,
      by,
      ...details,
    });
    return { state: to, logIndex: idx };
  });
  if (result !== null) await hooks.after?.(electionId, to);
  return result;
}
