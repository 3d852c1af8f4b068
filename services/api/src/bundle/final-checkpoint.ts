// The bundle's log must end with a checkpoint covering every entry (results and the publish transition
// included): integrate what the publisher has not yet, then read the signed checkpoint of exactly that size.
import { integrateElection, publishedSize } from '@openslate/publisher';
import type { AppContext } from '../context.js';

/** Integrates the election's log up to its head and returns the newest signed checkpoint and its size. */
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
  // The newest checkpoint as stored (the file may name an older one while a racing publisher catches up); it
  // covers at least the head read above, so the publish transition too.
  const row = await db
    .selectFrom('checkpoints')
    .select(['size', 'note'])
    .where('election_id', '=', electionId)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.size < head.size)
    throw new Error(`no checkpoint covering the ${head.size} entries of ${electionId} was signed`);
  return { size: row.size, checkpoint: row.note };
}
