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

function checkEntrySizes(entries: readonly Uint8Array[]): void {
  const large = entries.find((e) => e.length > MAX_ENTRY_BYTES);
  if (large !== undefined) {
    throw new LogAppendError(
      'LOG_ENTRY_TOO_LARGE',
      `log entry of ${large.length} bytes exceeds ${MAX_ENTRY_BYTES}`,
    );
  }
}

/**
 * Locks an election's log head row (SELECT ... FOR UPDATE) in the caller's transaction and returns the log's
 * size, the index the next entry gets. Appends of that election then queue until the transaction ends, so
 * indexes have no gaps and no duplicates, and the caller may check what the new entries depend on first.
 */
export async function lockLogHead(trx: Transaction<Schema>, electionId: string): Promise<number> {
  const head = await trx
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', electionId)
    .forUpdate()
    .executeTakeFirst();
  if (head === undefined)
    throw new LogAppendError('LOG_NOT_INITIALISED', `election ${electionId} has no log`);
  return head.size;
}

/**
 * Writes `entries` at indexes `size`, `size + 1`, … (one multi-row insert) and moves the head past them. Only
 * after `lockLogHead` returned `size` in the same transaction. Returns the index of the first entry.
 */
export async function writeLockedEntries(
  trx: Transaction<Schema>,
  electionId: string,
  size: number,
  entries: readonly Uint8Array[],
): Promise<number> {
  checkEntrySizes(entries);
  if (entries.length === 0) return size;
  await trx
    .updateTable('log_heads')
    .set({ size: size + entries.length })
    .where('election_id', '=', electionId)
    .execute();
  await trx
    .insertInto('log_entries')
    .values(entries.map((entry, i) => ({ election_id: electionId, idx: size + i, entry })))
    .execute();
  return size;
}

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
  checkEntrySizes([entry]);
  return writeLockedEntries(trx, electionId, await lockLogHead(trx, electionId), [entry]);
}
