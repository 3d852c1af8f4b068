import { canonicalBytes } from '@openslate/canonical-json';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// A cast ballot was stored twice: in its `ballot.cast` log entry and again in `ballots.body`. The log is the record
// (the count and the verifier read it), so the copy goes: `ballots` keeps what casting and the revote rule look up,
// and the count reads each ballot from its log entry (`ballots.log_idx`). Halves what a cast writes.
// Plain PostgreSQL that runs on PostgreSQL 15+ and PGlite.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('ballots').dropColumn('body').execute();
}

/** Puts the copy back, from the log entries (RFC 8785 canonical JSON of each entry's `body.ballot`). */
export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('ballots').addColumn('body', 'bytea').execute();
  const rows = (await db
    .selectFrom('ballots')
    .innerJoin('log_entries', (j) =>
      j
        .onRef('log_entries.election_id', '=', 'ballots.election_id')
        .onRef('log_entries.idx', '=', 'ballots.log_idx'),
    )
    .select(['ballots.election_id', 'ballots.log_idx', 'log_entries.entry'])
    .execute()) as { election_id: string; log_idx: number; entry: Uint8Array }[];
  for (const r of rows) {
    const entry = JSON.parse(new TextDecoder().decode(r.entry)) as { body: { ballot: unknown } };
    await db
      .updateTable('ballots')
      .set({ body: canonicalBytes(entry.body.ballot) })
      .where('election_id', '=', r.election_id)
      .where('log_idx', '=', r.log_idx)
      .execute();
  }
  await db.schema
    .alterTable('ballots')
    .alterColumn('body', (c) => c.setNotNull())
    .execute();
}
