// Runs on whichever back-end the environment selects: PGlite by default, PostgreSQL when DATABASE_URL is set.
// CI runs this file both ways; the assertions are identical, so any difference between the two is a failure.
import { canonicalBytes, canonicalize } from '@openslate/canonical-json';
import { sql } from 'kysely';
import { appendLogEntry, initLog, json, LogAppendError, type Database } from '../src/index.js';
import * as m0006 from '../src/migrations/0006-ballot-body-in-log.js';
import { openTestDatabase } from '../src/testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function makeElection(id: string): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: `org-${id}`, name: 'Test org' })
      .execute();
    await trx
      .insertInto('elections')
      .values({ id, organisation_id: `org-${id}`, title: 'Test', state: 'draft', updated_at: new Date() })
      .execute();
    await initLog(trx, id);
  });
}

test('the back-end is the one the environment asked for', () => {
  expect(database.kind).toBe(process.env['DATABASE_URL'] ? 'postgres' : 'pglite');
});

test('column types come back the same on both back-ends', async () => {
  await makeElection('types');
  await database.db
    .insertInto('contests')
    .values({
      id: 'c1',
      election_id: 'types',
      position: 1,
      title: 'NEC',
      seats: 9,
      rules: 'ers97',
      mode: 'secret',
      constraints: json([{ attribute: 'gender', value: 'woman', min: 5 }]),
    })
    .execute();
  const contest = await database.db
    .selectFrom('contests')
    .selectAll()
    .where('id', '=', 'c1')
    .executeTakeFirstOrThrow();
  expect(contest.constraints).toEqual([{ attribute: 'gender', value: 'woman', min: 5 }]);
  expect(contest.seats).toBe(9);

  await database.db.transaction().execute((trx) => appendLogEntry(trx, 'types', new Uint8Array([0, 255, 7])));
  const row = await database.db
    .selectFrom('log_entries')
    .selectAll()
    .where('election_id', '=', 'types')
    .executeTakeFirstOrThrow();
  expect(row.idx).toBe(0);
  expect(typeof row.idx).toBe('number');
  expect(row.entry).toEqual(new Uint8Array([0, 255, 7]));
  expect(row.created_at).toBeInstanceOf(Date);
  const { big } = await sql<{ big: number }>`select 9007199254740991::bigint as big`
    .execute(database.db)
    .then((r) => r.rows[0]!);
  expect(big).toBe(Number.MAX_SAFE_INTEGER);
  await expect(sql`select 9007199254740993::bigint as big`.execute(database.db)).rejects.toThrow(
    /beyond 2\^53/,
  );
});

test('the election state is checked by the database', async () => {
  await makeElection('state');
  await expect(
    sql`update elections set state = 'finished' where id = 'state'`.execute(database.db),
  ).rejects.toThrow(/check constraint/);
});

test('concurrent appends get consecutive indexes with no gaps or duplicates', async () => {
  await makeElection('concurrent');
  const n = 40;
  const indexes = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      database.db
        .transaction()
        .execute((trx) => appendLogEntry(trx, 'concurrent', new TextEncoder().encode(`e${i}`))),
    ),
  );
  expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  const rows = await database.db
    .selectFrom('log_entries')
    .select(['idx', 'entry'])
    .where('election_id', '=', 'concurrent')
    .orderBy('idx')
    .execute();
  expect(rows.map((r) => r.idx)).toEqual(Array.from({ length: n }, (_, i) => i));
  // Each index holds the entry whose append returned it.
  const byText = new Map(rows.map((r) => [new TextDecoder().decode(r.entry), r.idx]));
  indexes.forEach((idx, i) => expect(byText.get(`e${i}`)).toBe(idx));
  const head = await database.db
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', 'concurrent')
    .executeTakeFirstOrThrow();
  expect(head.size).toBe(n);
});

test('an entry rolls back with the change it records', async () => {
  await makeElection('rollback');
  await expect(
    database.db.transaction().execute(async (trx) => {
      await appendLogEntry(trx, 'rollback', new Uint8Array([1]));
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  const head = await database.db
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', 'rollback')
    .executeTakeFirstOrThrow();
  expect(head.size).toBe(0);
  const count = await database.db
    .selectFrom('log_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('election_id', '=', 'rollback')
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBe(0);
});

test('appending refuses an oversized entry and an election without a log', async () => {
  await makeElection('limits');
  await expect(
    database.db.transaction().execute((trx) => appendLogEntry(trx, 'limits', new Uint8Array(65_536))),
  ).rejects.toMatchObject({ code: 'LOG_ENTRY_TOO_LARGE' });
  await expect(
    database.db.transaction().execute((trx) => appendLogEntry(trx, 'nope', new Uint8Array(1))),
  ).rejects.toBeInstanceOf(LogAppendError);
});

test('migration 0006: a ballot lives in its log entry only; going down restores the copy from the log', async () => {
  await makeElection('m6');
  const ballot = { type: 'openslate/ballot/v1', counter: 2, ballotKey: 'k6', note: 'é ✓' };
  const entry = canonicalBytes({ type: 'ballot.cast', election: 'm6', body: { ballot } });
  const logIdx = await database.db.transaction().execute((trx) => appendLogEntry(trx, 'm6', entry));
  await database.db
    .insertInto('ballots')
    .values({ election_id: 'm6', ballot_key: 'k6', counter: 2, weight: 1, hash: 'h6', log_idx: logIdx })
    .execute();
  const columns = async () =>
    (
      await sql<{ column_name: string }>`select column_name from information_schema.columns
        where table_name = 'ballots' order by column_name`.execute(database.db)
    ).rows.map((r) => r.column_name);
  expect(await columns()).not.toContain('body');

  await m0006.down(database.db);
  const restored = await sql<{ body: Uint8Array }>`select body from ballots where election_id = 'm6'`.execute(
    database.db,
  );
  expect(new TextDecoder().decode(restored.rows[0]!.body)).toBe(canonicalize(ballot));
  await m0006.up(database.db);
  expect(await columns()).not.toContain('body');
});
