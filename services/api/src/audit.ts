import { appendLogEntry, type Schema } from '@openslate/db';
import { encodeEntry } from '@openslate/log';
import type { Transaction } from 'kysely';

/**
 * Writes an audit-log entry in the caller's transaction: the RFC 8785 canonical JSON envelope
 * `{ "type", "election", "body" }` of packages/log (types listed in docs/log-entries.md). Returns its index.
 */
export async function recordAudit(
  trx: Transaction<Schema>,
  electionId: string,
  type: string,
  body: Record<string, unknown>,
): Promise<number> {
  return appendLogEntry(trx, electionId, encodeEntry({ type, election: electionId, body }));
}
