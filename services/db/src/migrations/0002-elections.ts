import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// Running an election: officers, the roll, invitations, nominations, credentials, trustees, ballots, results,
// published checkpoints. Plain PostgreSQL that runs on PostgreSQL 15+ and PGlite alike.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','officer')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_pending', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('elections')
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.alterTable('candidates').addColumn('status_reason', 'text').execute();
  await db.schema
    .alterTable('contests')
    .addColumn('nomination_threshold', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable('roll_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('membership_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`weight >= 1`),
    )
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('salt', 'bytea', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active','removed')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('identity_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('roll_entries_member', ['election_id', 'membership_number'])
    .addUniqueConstraint('roll_entries_position', ['election_id', 'position'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('roll_entry_id', 'text', (c) => c.notNull().references('roll_entries.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('nominator_kind', 'text', (c) =>
      c.notNull().check(sql`nominator_kind in ('member','affiliate')`),
    )
    .addColumn('nominator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('nominations_once', ['candidate_id', 'nominator_kind', 'nominator'])
    .execute();

  await db.schema
    .createTable('election_keys')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('election_keys_pk', ['election_id', 'purpose'])
    .execute();

  // One credential per roll entry: the primary key makes concurrent issuance requests race to a single winner.
  await db.schema
    .createTable('credentials_issued')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('roll_entry_id', 'text', (c) => c.notNull().references('roll_entries.id').onDelete('cascade'))
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('credentials_issued_pk', ['election_id', 'roll_entry_id'])
    .execute();

  // Trustees of the key ceremony (packages/ballot key-ceremony.ts); the server is never one.
  await db.schema
    .createTable('trustees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('announcement', 'jsonb')
    .addColumn('dealing_hash', 'jsonb')
    .addColumn('dealing', 'jsonb')
    .addColumn('confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reveal', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('trustees_position', ['election_id', 'position'])
    .execute();

  // A ballot as cast; revotes add rows (the log keeps every one); which counts is decided by the published rule.
  await db.schema
    .createTable('ballots')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('ballot_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull().check(sql`counter >= 0`))
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('log_idx', 'bigint', (c) => c.notNull())
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ballots_pk', ['election_id', 'ballot_key', 'counter'])
    .execute();
  await db.schema
    .createIndex('ballots_hash')
    .on('ballots')
    .columns(['election_id', 'hash'])
    .unique()
    .execute();

  await db.schema
    .createTable('results')
    .addColumn('contest_id', 'text', (c) => c.primaryKey().references('contests.id').onDelete('cascade'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('blt', 'text', (c) => c.notNull())
    .addColumn('stage_table', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('checkpoints')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('sealed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('checkpoints_pk', ['election_id', 'size'])
    .execute();

  await db.schema
    .createTable('cosignatures')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('signature_line', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cosignatures_pk', ['election_id', 'size', 'witness'])
    .execute();
}

export async function down(db: AnyKysely): Promise<void> {
  for (const t of [
    'cosignatures',
    'checkpoints',
    'results',
    'ballots',
    'trustees',
    'credentials_issued',
    'election_keys',
    'nominations',
    'outbox',
    'invitations',
    'roll_entries',
    'users',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('contests').dropColumn('nomination_threshold').execute();
  await db.schema.alterTable('candidates').dropColumn('status_reason').execute();
  await db.schema.alterTable('elections').dropColumn('settings').execute();
}
