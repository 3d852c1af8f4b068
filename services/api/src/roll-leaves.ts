// The roll as committed, read from the database: every entry's salted leaf in position order.
import type { Schema } from '@openslate/db';
import { toBase64 } from '@openslate/log';
import type { Transaction } from 'kysely';
import type { AppContext } from './context.js';
import type { RollLeaf } from './roll-commitment.js';

/** The roll as committed: every entry's salted leaf in position order. */
export async function rollLeaves(
  db: Transaction<Schema> | AppContext['database']['db'],
  electionId: string,
): Promise<RollLeaf[]> {
  const rows = await db
    .selectFrom('roll_entries')
    .select(['position', 'membership_number', 'weight', 'status', 'salt'])
    .where('election_id', '=', electionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    election: electionId,
    position: r.position,
    membershipNumber: r.membership_number,
    weight: r.weight,
    status: r.status,
    salt: toBase64(r.salt),
  }));
}
