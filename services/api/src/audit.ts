import { canonicalBytes } from '@openslate/canonical-json';
import { appendLogEntry, type Schema } from '@openslate/db';
import type { Transaction } from 'kysely';

/**
 * Writes an audit-log entry in the caller's transaction: RFC 8785 canonical JSON
 * `{ "type", "election", "body" }` (the types are listed in docs/log-entries.md). Returns the entry's index.
 */
export async function recordAudit(
  trx: Transaction<Schema>,
  electionId: string,
  type: string,
  body: Record<string, unknown>,
): Promise<number> {
  return appendLogEntry(trx, electionId, canonicalBytes({ type, election: electionId, body }));
}
