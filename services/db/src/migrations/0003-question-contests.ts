import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- DDL is untyped
type AnyKysely = Kysely<any>;

// Question contests (issue #9): a contest is an STV election or a question counted by packages/questions — a
// yes/no/abstain motion, an approval or a choose-one question — with that kind's settings, and any contest may
// have a quorum. A question's result has no BLT file. Plain PostgreSQL that runs on PostgreSQL 15+ and PGlite.
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .alterTable('contests')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('stv')
        .check(sql`kind in ('stv','yes-no-abstain','approval','choose-one')`),
    )
    .execute();
  // { majority, abstentions, winners, requireMajority, text } as the kind allows; {} for STV.
  await db.schema
    .alterTable('contests')
    .addColumn('question', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  // { kind: 'weight', weight } or { kind: 'fraction-of-eligible', numerator, denominator }; null: no quorum.
  await db.schema.alterTable('contests').addColumn('quorum', 'jsonb').execute();
  await db.schema
    .alterTable('results')
    .alterColumn('blt', (c) => c.dropNotNull())
    .execute();
  // An STV contest's quorum report, beside packages/stv's report (a question's is inside its report).
  await db.schema.alterTable('results').addColumn('quorum', 'jsonb').execute();
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('results').dropColumn('quorum').execute();
  await db.deleteFrom('results').where('blt', 'is', null).execute();
  await db.schema
    .alterTable('results')
    .alterColumn('blt', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('contests').dropColumn('quorum').execute();
  await db.schema.alterTable('contests').dropColumn('question').execute();
  await db.schema.alterTable('contests').dropColumn('kind').execute();
}
