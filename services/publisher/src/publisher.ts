import type { Database } from '@openslate/db';
import { sql } from 'kysely';
import { integrateElection, type Published } from './integrate-election.js';
import type { LogIdentity } from './log-key.js';
import type { PublicationDir } from './publication-dir.js';

/** PostgreSQL advisory lock key held by the one publisher integrating at a time ("OSPUBLSH"). */
export const PUBLISHER_LOCK = 0x4f535055424c5348n;

export interface PublisherOptions {
  readonly database: Database;
  readonly dir: PublicationDir;
  readonly identity: LogIdentity;
  /** How often to look for new entries, in ms (default 250: a checkpoint at least once a second). */
  readonly intervalMs?: number;
  readonly onPublished?: (electionId: string, published: Published) => void;
  readonly onError?: (err: unknown) => void;
}

/** Elections whose log has entries beyond their last checkpoint, or no checkpoint yet. */
async function electionsBehind(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('log_heads as h')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('checkpoints')
          .select(['election_id', (e) => e.fn.max('size').as('size')])
          .groupBy('election_id')
          .as('c'),
      (join) => join.onRef('c.election_id', '=', 'h.election_id'),
    )
    .select('h.election_id')
    .where((eb) => eb.or([eb('c.size', 'is', null), eb('c.size', '<', eb.ref('h.size'))]))
    .execute();
  return rows.map((r) => r.election_id);
}

/** One pass: integrates every election that is behind. Returns what was published. */
export async function publishPending(options: PublisherOptions): Promise<Map<string, Published>> {
  const published = new Map<string, Published>();
  for (const electionId of await electionsBehind(options.database)) {
    const p = await integrateElection(options.database, options.dir, options.identity, electionId);
    if (p) {
      published.set(electionId, p);
      options.onPublished?.(electionId, p);
    }
  }
  return published;
}

/**
 * Runs the publisher until `stop()`: waits for the advisory lock (on PostgreSQL a second publisher blocks here
 * until the first one exits or dies), then integrates pending entries every `intervalMs`.
 */
export function runPublisher(options: PublisherOptions): { stop(): Promise<void>; done: Promise<void> } {
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  const loop = async () => {
    while (!stopping) {
      try {
        await publishPending(options);
      } catch (err) {
        options.onError?.(err);
      }
      if (!stopping) await sleep(options.intervalMs ?? 250);
    }
  };
  const done =
    options.database.kind === 'postgres'
      ? options.database.db.connection().execute(async (conn) => {
          // The lock lives as long as this connection: a killed publisher releases it with its connection.
          await sql`select pg_advisory_lock(${PUBLISHER_LOCK})`.execute(conn);
          try {
            await loop();
          } finally {
            await sql`select pg_advisory_unlock(${PUBLISHER_LOCK})`.execute(conn).catch(() => undefined);
          }
        })
      : loop();
  return {
    done,
    stop: async () => {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
