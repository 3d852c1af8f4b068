// The roll page's kept state (src/roll-view.ts) against the database: concurrent readers take each log entry once,
// and the kept commitment always equals one computed afresh from the roll. PGlite, or PostgreSQL with DATABASE_URL.
import request from 'supertest';
import { concerns, RollViews } from '../src/roll-view.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  ({ token } = await officerToken(api));
});
afterAll(async () => {
  await api.close();
});

const ROLL = [
  'membership_number,name,email',
  'R001,Ann Able,ann@example.org',
  'R002,Bob Baker,bob@example.org',
  'R003,Cat Cole,cat@example.org',
].join('\n');

async function electionWithRoll(): Promise<string> {
  const created = await request(api.app)
    .post('/api/officer/elections')
    .set(bearer(token))
    .send({
      title: 'Roll view',
      contests: [
        { title: 'Chair', seats: 1, rules: 'scottish', candidates: [{ name: 'Dee' }, { name: 'Eve' }] },
      ],
    })
    .expect(201);
  const id = created.body.id as string;
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll`)
    .set(bearer(token))
    .set('content-type', 'text/csv')
    .send(ROLL)
    .expect(201);
  return id;
}

/** The commitment as a reader with nothing kept computes it. */
const fresh = async (id: string) => (await new RollViews(api.database.db).read(id)).roll.commitment.root;

test('concurrent readers take each roll entry of the log once; the kept commitment follows every roll change', async () => {
  const id = await electionWithRoll();
  const views = new RollViews(api.database.db);
  const [a, b, c] = await Promise.all([views.read(id), views.read(id), views.read(id)]);
  const [first, second, committed] = [a.events, b.events, c.roll];
  expect(first.map((e) => e.type)).toEqual(['roll.imported']);
  expect(second).toEqual(first);
  expect(c.events).toEqual(first);
  expect(committed.commitment.size).toBe(3);
  expect(committed.commitment.root).toBe(await fresh(id));
  expect([1, 2, 3].map((p) => committed.indexOf.get(p))).toEqual([0, 1, 2]);

  // An addition and a removal: the same reader sees both entries, in log order, and a rebuilt commitment.
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll/entries`)
    .set(bearer(token))
    .send({ membershipNumber: 'R004', name: 'Dan Dale', email: 'dan@example.org', reason: 'late-joiner' })
    .expect(201);
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll/entries/R002/remove`)
    .set(bearer(token))
    .send({ reason: 'lapsed' })
    .expect(200);
  const after = await Promise.all([views.read(id), views.read(id), views.read(id)]);
  const events = after[2].events;
  expect(events.map((e) => e.type)).toEqual(['roll.imported', 'roll.added', 'roll.removed']);
  const indexes = events.map((e) => e.logIndex);
  expect([...indexes].sort((x, y) => x - y)).toEqual(indexes);
  for (const { roll } of after.slice(0, 2)) {
    expect(roll.commitment.size).toBe(4);
    expect(roll.commitment.root).not.toBe(committed.commitment.root);
    expect(roll.commitment.root).toBe(await fresh(id));
  }

  // Which entries concern which member: the import's range, then each change's own position.
  const [imported, added, removed] = events;
  expect([1, 2, 3, 4].map((p) => concerns(imported!, p))).toEqual([true, true, true, false]);
  expect([1, 2, 3, 4].map((p) => concerns(added!, p))).toEqual([false, false, false, true]);
  expect([1, 2, 3, 4].map((p) => concerns(removed!, p))).toEqual([false, true, false, false]);
});
