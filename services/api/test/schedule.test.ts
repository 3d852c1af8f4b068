// Scheduled opening and closing of voting: the officer's PUT .../schedule (its refusals and its log entry), and
// the scheduler performing the due transitions with an injected clock. PGlite by default, PostgreSQL with
// DATABASE_URL.
import request from 'supertest';
import { startScheduler } from '../src/scheduler.js';
import { confirmAll, inviteAndReadCodes, runCeremony } from './flow.js';
import { bearer, officerToken, startPublisher, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let officer: string;
let publisher: ReturnType<typeof startPublisher>;
beforeAll(async () => {
  api = await startTestApi();
  // The close waits for the publisher's checkpoint at the sealed size (the seal).
  publisher = startPublisher(api);
  officer = (await officerToken(api)).token;
});
afterAll(async () => {
  await publisher.stop();
  await api.close();
});

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

const putSchedule = (id: string, body: object, token = officer) =>
  request(api.app).put(`/api/officer/elections/${id}/schedule`).set(bearer(token)).send(body);

async function createElection(title: string): Promise<string> {
  const res = await request(api.app)
    .post('/api/officer/elections')
    .set(bearer(officer))
    .send({ title, contests: [{ title: 'Chair', seats: 1, candidates: [{ name: 'A' }, { name: 'B' }] }] })
    .expect(201);
  return res.body.id as string;
}

async function addRoll(id: string) {
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll`)
    .set(bearer(officer))
    .set('content-type', 'text/csv')
    .send(['membership_number,name,email,weight', 'S1,Sam,sam@schedule.example.org,1'].join('\n'))
    .expect(201);
}

async function electionOf(id: string) {
  return (await request(api.app).get(`/api/elections/${id}`).expect(200)).body as {
    state: string;
    schedule: {
      opensAt: string | null;
      closesAt: string | null;
      lastError?: { code: string; transition: string; at: string };
    } | null;
  };
}

type Entry = { type: string; body: Record<string, unknown> };

/** The election's log entries in order, read from the database (not from the responses). */
async function entries(id: string): Promise<Entry[]> {
  const rows = await api.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', id)
    .orderBy('idx')
    .execute();
  return rows.map((r) => JSON.parse(new TextDecoder().decode(r.entry)) as Entry);
}

const logEntry = async (id: string, index: number) => (await entries(id))[index]!;

const stateEntries = async (id: string) =>
  (await entries(id)).filter((e) => e.type === 'election.state').map((e) => e.body);

test('the officer sets a schedule: refused out of order or in the past, logged, public', async () => {
  const id = await createElection('Validation');
  expect(await electionOf(id)).toMatchObject({ schedule: null });

  const order = await putSchedule(id, { opensAt: inHours(2), closesAt: inHours(1) }).expect(422);
  expect(order.body.error.code).toBe('SCHEDULE_ORDER');
  const same = inHours(3);
  expect((await putSchedule(id, { opensAt: same, closesAt: same }).expect(422)).body.error.code).toBe(
    'SCHEDULE_ORDER',
  );
  const past = await putSchedule(id, { opensAt: inHours(-1), closesAt: null }).expect(422);
  expect(past.body.error).toMatchObject({ code: 'SCHEDULE_IN_PAST', details: { field: 'opensAt' } });
  await putSchedule(id, { opensAt: 'tomorrow', closesAt: null }).expect(400);

  // Any offset is accepted and stored as UTC.
  const opensAt = new Date(Date.now() + 2 * HOUR);
  const withOffset = opensAt.toISOString().replace('Z', '+00:00');
  const closesAt = inHours(26);
  const res = await putSchedule(id, { opensAt: withOffset, closesAt }).expect(200);
  expect(res.body.schedule).toEqual({ opensAt: opensAt.toISOString(), closesAt });
  const entry = await logEntry(id, res.body.logEntry.index as number);
  expect(entry.type).toBe('election.scheduled');
  expect(entry.body).toMatchObject({ opensAt: opensAt.toISOString(), closesAt });
  expect(res.body.logEntry.type).toBe(entry.type);
  expect((await electionOf(id)).schedule).toEqual({ opensAt: opensAt.toISOString(), closesAt });

  // Cleared again.
  await putSchedule(id, { opensAt: null, closesAt: null }).expect(200);
  expect((await electionOf(id)).schedule).toEqual({ opensAt: null, closesAt: null });
});

test('the scheduler records a refused opening instead of throwing, and retries', async () => {
  const id = await createElection('Not ready');
  const opensAt = inHours(1);
  await putSchedule(id, { opensAt, closesAt: null }).expect(200);
  let now = new Date();
  const scheduler = startScheduler(api.ctx, { intervalMs: 3_600_000, now: () => now });
  try {
    await scheduler.tick();
    expect((await electionOf(id)).schedule?.lastError).toBeUndefined();
    now = new Date(Date.parse(opensAt) + 1000);
    await scheduler.tick();
    const e = await electionOf(id);
    expect(e.state).toBe('draft');
    expect(e.schedule?.lastError).toMatchObject({
      code: 'CEREMONY_INCOMPLETE',
      transition: 'voting',
      at: now.toISOString(),
    });
  } finally {
    await scheduler.stop();
  }
});

test('the scheduler opens a ready election at opensAt and closes and seals it at closesAt', async () => {
  const id = await createElection('Scheduled');
  await addRoll(id);
  const trustees = await runCeremony(api.app, officer, id, ['Rosa', 'Karl', 'Sylvia'], 2);
  await confirmAll(api.app, id, trustees);
  const opensAt = inHours(1);
  const closesAt = inHours(2);
  await putSchedule(id, { opensAt, closesAt }).expect(200);

  let now = new Date(Date.parse(opensAt) + 1);
  // Two schedulers (as two API processes would run): the row lock and the re-check let only one transition.
  const a = startScheduler(api.ctx, { intervalMs: 3_600_000, now: () => now });
  const b = startScheduler(api.ctx, { intervalMs: 3_600_000, now: () => now });
  try {
    await Promise.all([a.tick(), b.tick()]);
    expect((await electionOf(id)).state).toBe('voting');
    const states = await stateEntries(id);
    expect(states).toEqual([{ from: 'draft', to: 'voting', by: 'schedule' }]);

    // Opening time has passed: it can no longer be set; a member cannot set a schedule at all.
    const again = await putSchedule(id, { opensAt: inHours(3), closesAt: null }).expect(409);
    expect(again.body.error.code).toBe('SCHEDULE_STAGE_PAST');
    const [code] = [...(await inviteAndReadCodes(api.app, officer, api.database.db, id)).values()];
    const member = (await request(api.app).post('/api/auth/member').send({ code }).expect(200)).body
      .token as string;
    const refused = await putSchedule(id, { opensAt: null, closesAt }, member);
    expect([401, 403]).toContain(refused.status);

    now = new Date(Date.parse(closesAt));
    await Promise.all([a.tick(), b.tick()]);
    expect((await electionOf(id)).state).toBe('closed');
    const close = (await stateEntries(id))[1]!;
    expect(close).toMatchObject({ from: 'voting', to: 'closed', by: 'schedule' });
    // Sealed as the officer's close seals: the signed checkpoint of exactly sealedSize is marked sealed.
    const sealed = await api.database.db
      .selectFrom('checkpoints')
      .select('size')
      .where('election_id', '=', id)
      .where('sealed', '=', true)
      .execute();
    expect(sealed.map((c) => c.size)).toEqual([close['sealedSize']]);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});
