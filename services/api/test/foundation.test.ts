import { sql } from 'kysely';
import request from 'supertest';
import { seedDemo, DEMO_ELECTION_ID, DEMO_OFFICER } from '../src/demo.js';
import { startTestApi, type TestApi } from './support.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

test('/healthz answers 200 when the database answers', async () => {
  const res = await request(api.app).get('/healthz').expect(200);
  expect(res.body).toEqual({ status: 'ok', database: process.env['DATABASE_URL'] ? 'postgres' : 'pglite' });
});

test('/readyz reports the applied migrations', async () => {
  const res = await request(api.app).get('/readyz').expect(200);
  expect(res.body.migrations).toBeGreaterThanOrEqual(1);
});

test('the demo election is created once, clearly labelled, with its log entries', async () => {
  expect(await seedDemo(api.database)).toEqual(DEMO_OFFICER);
  expect(await seedDemo(api.database)).toEqual(DEMO_OFFICER);
  const elections = await api.database.db
    .selectFrom('elections')
    .select('id')
    .where('is_demo', '=', true)
    .execute();
  expect(elections).toHaveLength(1);
  // The printed demo sign-in works.
  await request(api.app).post('/api/auth/officer').send(DEMO_OFFICER).expect(200);
  const list = await request(api.app).get('/api/elections').expect(200);
  const demo = list.body.elections.find((e: { id: string }) => e.id === DEMO_ELECTION_ID);
  expect(demo).toMatchObject({ demo: true, state: 'draft' });
  expect(demo.title).toMatch(/^DEMO ELECTION/);

  const manifest = await request(api.app).get(`/api/elections/${DEMO_ELECTION_ID}`).expect(200);
  expect(manifest.body.contests).toHaveLength(2);
  const nec = manifest.body.contests[0];
  expect(nec).toMatchObject({ seats: 9, constraints: [{ attribute: 'gender', value: 'woman', min: 5 }] });
  expect(nec.candidates.length).toBeGreaterThan(9);

  // Every creation step is in the log: election, 2 contests, every candidate.
  const candidates = manifest.body.contests.reduce(
    (n: number, c: { candidates: unknown[] }) => n + c.candidates.length,
    0,
  );
  const { rows } = await sql<{
    n: string;
  }>`select count(*)::text as n from log_entries where election_id = ${DEMO_ELECTION_ID}`.execute(
    api.database.db,
  );
  expect(Number(rows[0]!.n)).toBe(1 + 2 + candidates);
  const first = await api.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', DEMO_ELECTION_ID)
    .where('idx', '=', 0)
    .executeTakeFirstOrThrow();
  expect(JSON.parse(new TextDecoder().decode(first.entry))).toMatchObject({
    type: 'election.created',
    election: DEMO_ELECTION_ID,
  });
});

test('errors have one shape, a stable code, and no stack trace', async () => {
  const missing = await request(api.app).get('/api/elections/nope').expect(404);
  expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: "election 'nope' not found" } });
  const route = await request(api.app).get('/nowhere').expect(404);
  expect(route.body.error.code).toBe('NOT_FOUND');
  const malformed = await request(api.app)
    .post('/api/elections')
    .set('content-type', 'application/json')
    .send('{bad')
    .expect(400);
  expect(malformed.body.error.code).toBe('MALFORMED_JSON');
  expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.(js|ts):\d+/);
});
