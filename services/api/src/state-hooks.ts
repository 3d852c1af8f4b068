import type { Election, Schema } from '@openslate/db';
import type { Transaction } from 'kysely';

/**
 * What entering a state does besides changing it, inside the transition's transaction (checks that refuse the
 * transition, keys published, the log sealed). The returned object is added to the transition's log entry.
 */
export type StateHook = (
  trx: Transaction<Schema>,
  election: Election,
) => Promise<Record<string, unknown> | void>;

export interface StateHooks {
  nominations?: StateHook;
  shortlist?: StateHook;
  voting?: StateHook;
  closed?: StateHook;
  /** After the transaction committed (e.g. publish the sealed checkpoint). */
  after?: (electionId: string, state: string) => Promise<void>;
}
