import type { Database } from '@openslate/db';
import {
  integrate,
  openCheckpoint,
  noteVerifier,
  signCheckpoint,
  tileHashLookup,
  tilePath,
  toBase64,
  TILE_WIDTH,
} from '@openslate/log';
import { logOrigin, type LogIdentity } from './log-key.js';
import type { PublicationDir } from './publication-dir.js';

/** Entries read from the database and integrated per round: bounds memory on a large backlog. */
const BATCH = 16_384;

export interface Published {
  readonly size: number;
  readonly root: string;
  readonly checkpoint: string;
}

/** The size of the checkpoint already published for the election (0 if none), checked against our key. */
export function publishedSize(dir: PublicationDir, identity: LogIdentity, electionId: string): number {
  const text = dir.read(electionId, 'checkpoint');
  if (text === undefined) return 0;
  const opened = openCheckpoint(new TextDecoder().decode(text), [noteVerifier(identity.verifierKey)]);
  if (opened.checkpoint.origin !== logOrigin(identity, electionId)) {
    throw new Error(`the published checkpoint of ${electionId} has origin ${opened.checkpoint.origin}`);
  }
  return opened.checkpoint.size;
}

/**
 * Integrates the election's entries beyond the published checkpoint: writes the new tiles and entry bundles,
 * then a newly signed checkpoint (C2SP tlog-tiles, tlog-checkpoint). Tiles are deterministic, so a publisher
 * killed at any moment rewrites the same bytes when it restarts and stays consistent with every earlier
 * checkpoint; the checkpoint is written last, so it never names tiles that do not exist.
 * Returns the new checkpoint, or null when there was nothing new.
 */
export async function integrateElection(
  database: Database,
  dir: PublicationDir,
  identity: LogIdentity,
  electionId: string,
): Promise<Published | null> {
  const head = await database.db
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (!head) return null;
  let size = publishedSize(dir, identity, electionId);
  const first = size === 0 && dir.read(electionId, 'checkpoint') === undefined;
  if (head.size === size && !first) return null;
  for (;;) {
    const rows = await database.db
      .selectFrom('log_entries')
      .select(['idx', 'entry'])
      .where('election_id', '=', electionId)
      .where('idx', '>=', size)
      .where('idx', '<', Math.min(head.size, size + BATCH))
      .orderBy('idx')
      .execute();
    rows.forEach((r, i) => {
      if (r.idx !== size + i) throw new Error(`log entry ${size + i} of ${electionId} is missing`);
    });
    const carried = size % TILE_WIDTH;
    const integration = integrate({
      oldSize: size,
      entries: rows.map((r) => r.entry),
      hashes: tileHashLookup(size, (p) => dir.read(electionId, p)),
      partialBundle:
        carried > 0
          ? dir.read(
              electionId,
              tilePath({ level: 'entries', index: Math.floor(size / TILE_WIDTH), width: carried }),
            )
          : undefined,
    });
    for (const f of integration.files) dir.write(electionId, f.path, f.data);
    size = integration.size;
    if (size >= head.size) {
      const root = toBase64(integration.root);
      const checkpoint = signCheckpoint(
        { origin: logOrigin(identity, electionId), size, root: integration.root, extensions: [] },
        [identity.signer],
      );
      dir.write(electionId, 'checkpoint', checkpoint);
      await database.db
        .insertInto('checkpoints')
        .values({ election_id: electionId, size, root, note: checkpoint })
        .onConflict((oc) => oc.columns(['election_id', 'size']).doNothing())
        .execute();
      return { size, root, checkpoint };
    }
  }
}
