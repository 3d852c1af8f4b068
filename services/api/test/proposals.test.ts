// Proposals (issue #9) through the API on either database: thresholds at the boundary, withdrawal before
// scheduling, supporters' names public or only counted, support once, officer-only routes, scheduling refused
// for an ineligible proposal, and an amendment carried while its proposal falls, voted through MemberDevice.
import { MemberDevice } from '@openslate/client';
import { parseEntry } from '@openslate/log';
import request from 'supertest';
import { closeAndCount, openVoting, proposalElection, type ProposalElection } from './proposals-flow.js';
import { bearer, startTestApi, type TestApi } from './support.js';

let api: TestApi;
const servers: ProposalElection['server'][] = [];
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  for (const s of servers) s.close();
  await api?.close();
});

async function election(members: number, settings: Record<string, unknown> | null) {
  const e = await proposalElection(api, members, settings);
  servers.push(e.server);
  return e;
}

const draft = (e: ProposalElection, who: number, body: Record<string, unknown>) =>
  request(api.app).post(`/api/elections/${e.id}/proposals`).set(bearer(e.members[who]!.token)).send(body);

const member = (e: ProposalElection, who: number, proposal: string, change: 'support' | 'withdraw') =>
  request(api.app)
    .post(`/api/elections/${e.id}/proposals/${proposal}/${change}`)
    .set(bearer(e.members[who]!.token))
    .send();

const affiliate = (e: ProposalElection, proposal: string, change: 'support' | 'withdraw', name: string) =>
  request(api.app)
    .post(`/api/officer/elections/${e.id}/proposals/${proposal}/${change}`)
    .set(bearer(e.officer))
    .send({ affiliate: name });

const schedule = (e: ProposalElection, proposal: string, token = e.officer) =>
  request(api.app)
    .post(`/api/officer/elections/${e.id}/proposals/${proposal}/schedule`)
    .set(bearer(token))
    .send({ majority: 'simple' });

async function shown(e: ProposalElection, proposal: string) {
  const list = (await request(api.app).get(`/api/elections/${e.id}/proposals`).expect(200)).body;
  return list.proposals.find((p: { id: string }) => p.id === proposal);
}

/** Every log entry of the election, decoded. */
async function entries(e: ProposalElection) {
  const rows = await api.database.db
    .selectFrom('log_entries')
    .select(['idx', 'entry'])
    .where('election_id', '=', e.id)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({
    index: Number(r.idx),
    ...parseEntry(r.entry),
    bytes: new TextDecoder().decode(r.entry),
  }));
}

const THRESHOLD = { threshold: { members: 10, affiliates: 1 }, supporters: 'public' };

describe('eligibility', () => {
  let e: ProposalElection;
  beforeAll(async () => {
    e = await election(12, THRESHOLD);
  });

  test('9 members are not enough, the 10th makes it eligible, logged once', async () => {
    const id = (
      await draft(e, 0, { title: 'Rent caps', text: 'That we campaign for rent caps.' }).expect(201)
    ).body.id as string;
    for (let i = 0; i < 9; i++)
      expect((await member(e, i, id, 'support').expect(201)).body.state).toBe('draft');
    expect(await shown(e, id)).toMatchObject({ state: 'draft', supporters: { members: 9, affiliates: 0 } });
    expect((await schedule(e, id).expect(409)).body.error.code).toBe('NOT_ELIGIBLE');
    const tenth = (await member(e, 9, id, 'support').expect(201)).body;
    expect(tenth).toMatchObject({
      state: 'eligible',
      members: 10,
      stateEntry: { type: 'proposal.eligible' },
    });
    // An eleventh supporter changes the count, not the state: no second eligibility entry.
    expect((await member(e, 10, id, 'support').expect(201)).body.stateEntry).toBeUndefined();
    const log = (await shown(e, id)).logEntries as { index: number; type: string }[];
    expect(log.filter((l) => l.type === 'proposal.eligible')).toHaveLength(1);
    const all = await entries(e);
    for (const l of log) expect(all[l.index]!.type).toBe(l.type);
    const eligible = all[log.find((l) => l.type === 'proposal.eligible')!.index]!;
    expect(eligible.body).toMatchObject({ proposal: id, members: 10, affiliates: 0 });
  });

  test('a member cannot support twice', async () => {
    const id = (await draft(e, 1, { title: 'Twice', text: 'Once is enough.' }).expect(201)).body.id as string;
    await member(e, 2, id, 'support').expect(201);
    expect((await member(e, 2, id, 'support').expect(409)).body.error.code).toBe('ALREADY_SUPPORTED');
    expect((await shown(e, id)).supporters.members).toBe(1);
    expect((await member(e, 3, id, 'withdraw').expect(409)).body.error.code).toBe('NOT_SUPPORTED');
  });

  test('one affiliate is enough', async () => {
    const created = await request(api.app)
      .post(`/api/officer/elections/${e.id}/proposals`)
      .set(bearer(e.officer))
      .send({ title: 'Affiliate motion', text: 'From the union.', affiliate: 'Unite Branch 4' })
      .expect(201);
    const id = created.body.id as string;
    const supported = (await affiliate(e, id, 'support', 'Unite Branch 4').expect(201)).body;
    expect(supported).toMatchObject({ state: 'eligible', members: 0, affiliates: 1 });
    expect(await shown(e, id)).toMatchObject({
      state: 'eligible',
      supporters: { affiliates: 1, affiliateNames: ['Unite Branch 4'] },
    });
  });

  test('a withdrawal below the threshold before scheduling makes it ineligible again', async () => {
    const id = (await draft(e, 0, { title: 'Withdrawn', text: 'Nearly there.' }).expect(201)).body
      .id as string;
    for (let i = 0; i < 10; i++) await member(e, i, id, 'support').expect(201);
    expect((await shown(e, id)).state).toBe('eligible');
    const withdrawn = (await member(e, 4, id, 'withdraw').expect(200)).body;
    expect(withdrawn).toMatchObject({
      state: 'draft',
      members: 9,
      stateEntry: { type: 'proposal.ineligible' },
    });
    expect((await schedule(e, id).expect(409)).body.error.code).toBe('NOT_ELIGIBLE');
    expect((await shown(e, id)).supporters.memberNames).not.toContain('Member 5');
  });

  test('officer-only routes refuse a member', async () => {
    const id = (await draft(e, 0, { title: 'Mine', text: 'Members may not schedule.' }).expect(201)).body.id;
    expect((await schedule(e, id, e.members[0]!.token).expect(403)).body.error.code).toBe('FORBIDDEN');
    await request(api.app)
      .post(`/api/officer/elections/${e.id}/proposal-settings`)
      .set(bearer(e.members[0]!.token))
      .send(THRESHOLD)
      .expect(403);
    await request(api.app)
      .post(`/api/officer/elections/${e.id}/proposals/${id}/support`)
      .set(bearer(e.members[0]!.token))
      .send({ affiliate: 'Pretend union' })
      .expect(403);
  });

  test('the rules are fixed once a proposal exists', async () => {
    const res = await request(api.app)
      .post(`/api/officer/elections/${e.id}/proposal-settings`)
      .set(bearer(e.officer))
      .send({ threshold: { members: 1 }, supporters: 'counted' })
      .expect(409);
    expect(res.body.error.code).toBe('PROPOSALS_EXIST');
  });
});

test('counted supporters: names neither shown nor logged', async () => {
  const e = await election(3, { threshold: { members: 2 }, supporters: 'counted' });
  const id = (await draft(e, 0, { title: 'Quiet', text: 'Counted only.' }).expect(201)).body.id as string;
  await member(e, 1, id, 'support').expect(201);
  await member(e, 2, id, 'support').expect(201);
  const p = await shown(e, id);
  expect(p).toMatchObject({ state: 'eligible', supporters: { members: 2, affiliates: 0 } });
  expect(p.supporters.memberNames).toBeUndefined();
  const log = await entries(e);
  const about = log.filter((l) => l.type.startsWith('proposal.'));
  expect(about.map((l) => l.type)).toEqual([
    'proposal.settings',
    'proposal.drafted',
    'proposal.supported',
    'proposal.supported',
    'proposal.eligible',
  ]);
  for (const l of about)
    for (const name of ['Member 1', 'Member 2', 'Member 3']) expect(l.bytes).not.toContain(name);
});

test('public supporters are named on the page and in the log', async () => {
  const e = await election(2, { threshold: { members: 2 }, supporters: 'public' });
  const id = (await draft(e, 0, { title: 'Loud', text: 'Named.' }).expect(201)).body.id as string;
  await member(e, 1, id, 'support').expect(201);
  expect((await shown(e, id)).supporters.memberNames).toEqual(['Member 2']);
  const supported = (await entries(e)).find((l) => l.type === 'proposal.supported')!;
  expect(supported.body).toMatchObject({ supporter: { kind: 'member', name: 'Member 2' }, members: 1 });
});

test('an amendment carries and the amended proposal falls, through a full election', async () => {
  const e = await election(5, { threshold: { members: 2 }, supporters: 'counted' });
  const p = (await draft(e, 0, { title: 'New office', text: 'That we rent an office.' }).expect(201)).body
    .id as string;
  const a = (await draft(e, 1, { title: 'Cheaper', text: 'Delete "an office", insert "a desk".', amends: p }))
    .body.id as string;
  const lost = (await draft(e, 2, { title: 'Unsupported', text: 'No one backs this.', amends: p })).body
    .id as string;
  for (const id of [p, a]) for (const who of [3, 4]) await member(e, who, id, 'support').expect(201);
  expect((await schedule(e, a).expect(409)).body.error.code).toBe('SCHEDULE_THE_PROPOSAL');
  const scheduled = (await schedule(e, p).expect(201)).body.scheduled as {
    proposal: string;
    contest: string;
  }[];
  // The eligible amendment first, then the proposal; the unsupported amendment is not on the ballot.
  expect(scheduled.map((s) => s.proposal)).toEqual([a, p]);
  expect((await schedule(e, p).expect(409)).body.error.code).toBe('NOT_ELIGIBLE');
  expect((await member(e, 0, p, 'withdraw').expect(409)).body.error.code).toBe('PROPOSAL_SCHEDULED');
  const [amendmentContest, proposalContest] = scheduled.map((s) => s.contest);

  const trustees = await openVoting(api, e);
  const manifest = (await request(api.app).get(`/api/elections/${e.id}/manifest`).expect(200)).body;
  expect(manifest.contests.map((c: { id: string }) => c.id)).toEqual([amendmentContest, proposalContest]);
  expect(manifest.contests[0].question.proposal).toEqual({ id: a, amends: p });
  expect(manifest.contests[1].question.proposal).toEqual({ id: p });

  // Four for the amendment, one against; then the amended proposal loses three to two.
  const votes: [string, string][] = [
    ['yes', 'no'],
    ['yes', 'no'],
    ['yes', 'no'],
    ['yes', 'yes'],
    ['no', 'yes'],
  ];
  for (const [i, [onAmendment, onProposal]] of votes.entries()) {
    const device = new MemberDevice(e.client.withToken(e.members[i]!.token), e.id);
    await device.obtainCredential();
    await device.cast({
      [amendmentContest!]: { answer: onAmendment },
      [proposalContest!]: { answer: onProposal },
    } as never);
  }
  const counted = await closeAndCount(api, e, trustees);
  expect(counted.status).toBe(200);
  expect(counted.body.proposals).toEqual([
    expect.objectContaining({
      proposal: p,
      carried: false,
      logEntry: expect.objectContaining({ type: 'proposal.outcome' }),
    }),
  ]);
  const results = (await request(api.app).get(`/api/elections/${e.id}/results`).expect(200)).body;
  expect(results.proposals).toEqual([
    expect.objectContaining({
      proposal: p,
      carried: false,
      words: expect.stringContaining(`Amendment ${a} carried`),
    }),
    expect.objectContaining({ proposal: a, amends: p, carried: true }),
  ]);
  expect(results.proposals[0].words).toContain(
    `The proposal ${p}, put to the vote as amended, was not carried`,
  );
  expect((await shown(e, p)).state).toBe('not-carried');
  expect((await shown(e, a)).state).toBe('carried');
  expect((await shown(e, lost)).state).toBe('draft');
  const outcome = (await entries(e)).find((l) => l.type === 'proposal.outcome')!;
  expect(outcome.body).toMatchObject({
    proposal: p,
    contest: proposalContest,
    amendments: [{ proposal: a, contest: amendmentContest, carried: true }],
    adopted: [a],
    rejected: [],
    text: 'amended',
    carried: false,
  });
});
