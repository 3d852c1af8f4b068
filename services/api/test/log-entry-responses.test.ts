// Officer actions answer with the audit-log entry they wrote (`logEntry: { index, type }`), so the officer console
// can show it: the entry at that index must have that type. PGlite by default, PostgreSQL with DATABASE_URL.
import request from 'supertest';
import { openElection, reveal } from './flow.js';
import { bearer, officerToken, startPublisher, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let officer: string;
let publisher: ReturnType<typeof startPublisher>;
beforeAll(async () => {
  api = await startTestApi();
  // The close waits for the publisher's checkpoint at the sealed size before anything can be counted.
  publisher = startPublisher(api);
  officer = (await officerToken(api)).token;
});
afterAll(async () => {
  await publisher.stop();
  await api.close();
});

interface LogEntryRef {
  index: number;
  type: string;
}

/** The type of the log entry at `index`, read from the database (not from the response). */
async function typeAt(electionId: string, index: number): Promise<string> {
  const row = await api.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', electionId)
    .where('idx', '=', index)
    .executeTakeFirstOrThrow();
  return (JSON.parse(new TextDecoder().decode(row.entry)) as { type: string }).type;
}

async function expectLogged(electionId: string, ref: LogEntryRef | null | undefined, type: string) {
  expect(ref?.type).toBe(type);
  expect(await typeAt(electionId, ref!.index)).toBe(type);
}

const post = (path: string, body: object = {}) => request(api.app).post(path).set(bearer(officer)).send(body);

test('creating an election, a contest, a candidate; naming and resetting trustees; invitations', async () => {
  const created = await post('/api/officer/elections', { title: 'Branch officers' }).expect(201);
  const id = created.body.id as string;
  await expectLogged(id, created.body.logEntry, 'election.created');

  const contest = await post(`/api/officer/elections/${id}/contests`, {
    title: 'Secretary',
    seats: 1,
    candidates: [{ name: 'Ann' }],
  }).expect(201);
  // The contest's entry, not its first candidate's (written after it).
  await expectLogged(id, contest.body.logEntry, 'contest.created');
  const candidate = await post(`/api/officer/elections/${id}/contests/${contest.body.id}/candidates`, {
    name: 'Bea',
  }).expect(201);
  await expectLogged(id, candidate.body.logEntry, 'candidate.added');
  expect(candidate.body.logEntry.index).toBeGreaterThan(contest.body.logEntry.index);

  const trustees = await post(`/api/officer/elections/${id}/trustees`, {
    threshold: 2,
    trustees: [{ name: 'Rosa' }, { name: 'Karl' }, { name: 'Sylvia' }],
  }).expect(201);
  await expectLogged(id, trustees.body.logEntry, 'ceremony.configured');
  expect(trustees.body.trustees).toHaveLength(3);
  const reset = await post(`/api/officer/elections/${id}/trustees/reset`).expect(200);
  await expectLogged(id, reset.body.logEntry, 'ceremony.reset');

  await post(`/api/officer/elections/${id}/roll`, {
    csv: 'membership_number,name,email\nL1,Ann Able,ann@example.org',
  }).expect(201);
  await post(`/api/officer/elections/${id}/transition`, { to: 'nominations' }).expect(200);
  const sent = await post(`/api/officer/elections/${id}/invitations`).expect(201);
  expect(sent.body.created).toBe(1);
  await expectLogged(id, sent.body.logEntry, 'invitations.sent');
  // Everyone already has a usable code: nothing is sent and nothing is logged.
  const none = await post(`/api/officer/elections/${id}/invitations`).expect(201);
  expect(none.body).toEqual({ created: 0, logEntry: null });
});

test('the count answers with its state entry and each contest’s result entry', async () => {
  const election = await openElection(api.app, api.database.db, officer, 2);
  await post(`/api/officer/elections/${election.id}/transition`, { to: 'closed' }).expect(200);
  for (const t of election.trustees.slice(0, 2))
    expect((await reveal(api.app, election.id, t)).status).toBe(201);
  const counted = await post(`/api/officer/elections/${election.id}/count`).expect(200);
  await expectLogged(election.id, counted.body.logEntry, 'election.state');
  const results = counted.body.results as Array<{ contest: string; logEntry: LogEntryRef }>;
  expect(results.map((r) => r.contest)).toEqual([election.contest.id]);
  for (const r of results) await expectLogged(election.id, r.logEntry, 'result');
});
