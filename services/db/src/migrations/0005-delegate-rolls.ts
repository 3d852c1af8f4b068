import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// Delegate bodies (issue #9): a candidate may name the membership number of the member standing, so that an
// election's winners can become the roll of a later election (the `roll.derived` log entry). Null: no link.
// Plain PostgreSQL that runs on PostgreSQL 15+ and PGlite.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('candidates').addColumn('membership', 'text').execute();
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('candidates').dropColumn('membership').execute();
}
