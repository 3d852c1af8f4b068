import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// The core of the domain: organisations, elections, contests, candidates and the per-election audit log.
// Plain PostgreSQL only: the same DDL runs on PostgreSQL 15+ and on PGlite.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft','nominations','shortlist','voting','closed','counted','published')`),
    )
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('contests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats >= 1`))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('secret')
        .check(sql`mode in ('secret','recorded')`),
    )
    .addColumn('constraints', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addUniqueConstraint('contests_election_position', ['election_id', 'position'])
    .execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('nominated')
        .check(sql`status in ('nominated','longlisted','shortlisted','rejected','withdrawn')`),
    )
    .addUniqueConstraint('candidates_contest_position', ['contest_id', 'position'])
    .execute();

  await db.schema
    .createTable('log_heads')
    .addColumn('election_id', 'text', (c) => c.primaryKey().references('elections.id').onDelete('cascade'))
    .addColumn('size', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`size >= 0`),
    )
    .execute();

  await db.schema
    .createTable('log_entries')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('idx', 'bigint', (c) => c.notNull().check(sql`idx >= 0`))
    .addColumn('entry', 'bytea', (c) => c.notNull().check(sql`octet_length(entry) <= 65535`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('log_entries_pk', ['election_id', 'idx'])
    .execute();
}

export async function down(db: AnyKysely): Promise<void> {
  for (const t of ['log_entries', 'log_heads', 'candidates', 'contests', 'elections', 'organisations']) {
    await db.schema.dropTable(t).execute();
  }
}
