import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// Proposals (issue #9, docs/log-entries.md "Proposals"): members or affiliates draft a proposal (or an amendment
// of one) before voting opens; supporters add and withdraw support; at its threshold it becomes eligible; the
// officer schedules it as a yes-no-abstain contest. Plain PostgreSQL that runs on PostgreSQL 15+ and PGlite.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // The proposal this one amends; null for a proposal.
    .addColumn('amends', 'text', (c) => c.references('proposals.id').onDelete('cascade'))
    .addColumn('drafter_kind', 'text', (c) => c.notNull().check(sql`drafter_kind in ('member','affiliate')`))
    // A roll entry id (member) or the affiliate's name.
    .addColumn('drafter', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft','eligible','scheduled')`),
    )
    .addColumn('contest_id', 'text', (c) => c.references('contests.id').onDelete('set null'))
    // resolveAmendments' outcome (packages/questions), written by the count; null before it.
    .addColumn('outcome', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('proposals_position', ['election_id', 'position'])
    .execute();

  // Current support: a withdrawal deletes the row (the log keeps both entries).
  await db.schema
    .createTable('proposal_supports')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('supporter_kind', 'text', (c) =>
      c.notNull().check(sql`supporter_kind in ('member','affiliate')`),
    )
    .addColumn('supporter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('proposal_supports_pk', ['proposal_id', 'supporter_kind', 'supporter'])
    .execute();

  // Every log entry about a proposal, so its public page can cite them without decoding the whole log.
  await db.schema
    .createTable('proposal_log')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('log_idx', 'bigint', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_log_pk', ['election_id', 'log_idx', 'proposal_id'])
    .execute();
}

export async function down(db: AnyKysely): Promise<void> {
  for (const t of ['proposal_log', 'proposal_supports', 'proposals']) await db.schema.dropTable(t).execute();
}
