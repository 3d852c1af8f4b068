import type { Transaction } from 'kysely';
import type { Schema } from './schema.js';

export class LogAppendError extends Error {
  constructor(
    readonly code: 'LOG_ENTRY_TOO_LARGE' | 'LOG_NOT_INITIALISED',
    message: string,
  ) {
    super(message);
  }
}

/** Creates an election's empty log head; call in the transaction that creates the election. */
export async function initLog(trx: Transaction<Schema>, electionId: string): Promise<void> {
  await trx.insertInto('log_heads').values({ election_id: electionId, size: 0 }).execute();
}

// C2SP tlog-tiles entry bundles prefix each entry with a 16-bit length: an entry is at most 65,535 bytes.
const MAX_ENTRY_BYTES = 65_535;

/**
 * Appends one entry to an election's audit log inside the caller's transaction and returns its index.
 * The log head row is locked (SELECT ... FOR UPDATE), so concurrent appends queue: indexes have no gaps and
 * no duplicates, and the entry commits or rolls back with the change it records.
 */
export async function appendLogEntry(
  trx: Transaction<Schema>,
  electionId: string,
  entry: Uint8Array,
): Promise<number> {
  if (entry.length > MAX_ENTRY_BYTES) {
    throw new LogAppendError(
      'LOG_ENTRY_TOO_LARGE',
      `log entry of ${entry.length} bytes exceeds ${MAX_ENTRY_BYTES}`,
    );
  }
  const head = await trx
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', electionId)
    .forUpdate()
    .executeTakeFirst();
  if (head === undefined)
    throw new LogAppendError('LOG_NOT_INITIALISED', `election ${electionId} has no log`);
  const idx = head.size;
  await trx
    .updateTable('log_heads')
    .set({ size: idx + 1 })
    .where('election_id', '=', electionId)
    .execute();
  await trx.insertInto('log_entries').values({ election_id: electionId, idx, entry }).execute();
  return idx;
}
