// The bundle's log must end with a checkpoint covering every entry (results and the publish transition
// included): integrate what the publisher has not yet, then read the signed checkpoint of exactly that size.
import { integrateElection, publishedSize } from '@openslate/publisher';
import type { AppContext } from '../context.js';

/** Integrates the election's log up to its head and returns the head size and the checkpoint signed for it. */
export async function finalCheckpoint(
  ctx: Pick<AppContext, 'database' | 'publication' | 'identity'>,
  electionId: string,
): Promise<{ size: number; checkpoint: string }> {
  const { db } = ctx.database;
  const head = await db
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  // Integration is deterministic and idempotent, so running it beside the publisher writes the same bytes.
  if (publishedSize(ctx.publication, ctx.identity, electionId) < head.size)
    await integrateElection(ctx.database, ctx.publication, ctx.identity, electionId);
  // The checkpoint as stored for this size (the file may already name a later one, or a racing publisher's earlier one).
  const row = await db
    .selectFrom('checkpoints')
    .select('note')
    .where('election_id', '=', electionId)
    .where('size', '=', head.size)
    .executeTakeFirst();
  if (!row) throw new Error(`no checkpoint of size ${head.size} was signed for ${electionId}`);
  return { size: head.size, checkpoint: row.note };
}
