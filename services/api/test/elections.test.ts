// Officers run elections; members sign in with one-time codes; every change is in the log.
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL (CI runs both).
import { fromBase64, leafHash, verifyInclusion } from '@openslate/log';
import request from 'supertest';
import { totp, newTotpSecret } from '../src/auth/totp.js';
import { rollLeafBytes } from '../src/roll-commitment.js';
import { inviteAndReadCodes } from './flow.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const ROLL = [
  'membership_number,name,email,weight,gender',
  'L001,Ann Able,ann@example.org,1,woman',
  'L002,Bob Baker,bob@example.org,,man',
  'L003,Cat Cole,cat@example.org,3,woman',
].join('\n');

async function logTypes(electionId: string): Promise<string[]> {
  const rows = await api.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', electionId)
    .orderBy('idx')
    .execute();
  return rows.map((r) => JSON.parse(new TextDecoder().decode(r.entry)).type as string);
}

async function createElection(token: string, extra: object = {}): Promise<string> {
  const res = await request(api.app)
    .post('/api/officer/elections')
    .set(bearer(token))
    .send({
      title: 'Steering committee 2026',
      contests: [
        {
          title: 'Steering committee',
          seats: 3,
          rules: 'scottish',
          constraints: [{ attribute: 'gender', value: 'woman', min: 2 }],
          candidates: [{ name: 'Dee Dunn', attributes: { gender: 'woman' } }, { name: 'Eve Ede' }],
        },
      ],
      ...extra,
    })
    .expect(201);
  return res.body.id as string;
}

const memberCodes = (token: string, electionId: string) =>
  inviteAndReadCodes(api.app, token, api.database.db, electionId);

describe('officer sign-in', () => {
  test('a wrong password is refused with a stable code', async () => {
    const { email } = await officerToken(api);
    const res = await request(api.app)
      .post('/api/auth/officer')
      .send({ email, password: 'wrong' })
      .expect(401);
    expect(res.body.error.code).toBe('BAD_CREDENTIALS');
    const bad = await request(api.app)
      .post('/api/auth/officer')
      .send({ email: 'not-an-email', password: 'x' })
      .expect(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.body.error.message).toMatch(/email/i);
  });

  test('an officer enrolled in TOTP needs the current code', async () => {
    const secret = newTotpSecret();
    const { email, password } = await officerToken(api, { totpSecret: secret });
    const without = await request(api.app).post('/api/auth/officer').send({ email, password }).expect(401);
    expect(without.body.error.code).toBe('TOTP_REQUIRED');
    await request(api.app)
      .post('/api/auth/officer')
      .send({ email, password, totp: totp(secret, Date.now() / 1000 - 3600) })
      .expect(401);
    await request(api.app)
      .post('/api/auth/officer')
      .send({ email, password, totp: totp(secret, Date.now() / 1000) })
      .expect(200);
  });
});

test('an officer enrols in TOTP; from then on sign-in needs the code', async () => {
  const { token, email, password } = await officerToken(api);
  const start = await request(api.app).post('/api/officer/totp').set(bearer(token)).send({}).expect(201);
  expect(start.body.uri).toMatch(/^otpauth:\/\/totp\/Openslate%3A.*\?secret=[A-Z2-7]+&issuer=Openslate/);
  // Not active until confirmed, and a wrong code does not confirm it.
  await request(api.app).post('/api/auth/officer').send({ email, password }).expect(200);
  const wrong = await request(api.app)
    .post('/api/officer/totp/confirm')
    .set(bearer(token))
    .send({ totp: totp(start.body.secret, Date.now() / 1000 - 3600) })
    .expect(400);
  expect(wrong.body.error.code).toBe('BAD_TOTP');
  await request(api.app)
    .post('/api/officer/totp/confirm')
    .set(bearer(token))
    .send({ totp: totp(start.body.secret, Date.now() / 1000) })
    .expect(200);
  expect(
    (await request(api.app).post('/api/auth/officer').send({ email, password }).expect(401)).body.error.code,
  ).toBe('TOTP_REQUIRED');
  await request(api.app)
    .post('/api/auth/officer')
    .send({ email, password, totp: totp(start.body.secret, Date.now() / 1000) })
    .expect(200);
});

describe('an election run by an officer', () => {
  test('creation, contests and candidates are public and logged; illegal transitions are refused', async () => {
    const { token } = await officerToken(api);
    const id = await createElection(token);
    const manifest = await request(api.app).get(`/api/elections/${id}`).expect(200);
    expect(manifest.body.contests[0]).toMatchObject({
      seats: 3,
      rules: 'scottish',
      constraints: [{ attribute: 'gender', value: 'woman', min: 2 }],
    });
    expect(
      manifest.body.contests[0].candidates.map((c: { name: string; status: string }) => [c.name, c.status]),
    ).toEqual([
      ['Dee Dunn', 'shortlisted'],
      ['Eve Ede', 'shortlisted'],
    ]);
    expect(await logTypes(id)).toEqual([
      'election.created',
      'contest.created',
      'candidate.added',
      'candidate.added',
    ]);

    const illegal = await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(token))
      .send({ to: 'closed' })
      .expect(409);
    expect(illegal.body.error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { from: 'draft', to: 'closed' },
    });
    const unknown = await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(token))
      .send({ to: 'counted' })
      .expect(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    const bad = await request(api.app)
      .post('/api/officer/elections')
      .set(bearer(token))
      .send({ title: 'x', contests: [{ title: 'y', seats: 0 }] })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('contests.0.seats');
  });

  test('another organisation, a member, or nobody cannot touch an officer route', async () => {
    const owner = await officerToken(api);
    const other = await officerToken(api);
    const id = await createElection(owner.token);
    await request(api.app)
      .post(`/api/officer/elections/${id}/roll`)
      .set(bearer(owner.token))
      .set('content-type', 'text/csv')
      .send(ROLL)
      .expect(201);
    await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(owner.token))
      .send({ to: 'nominations' })
      .expect(200);
    const codes = await memberCodes(owner.token, id);
    const member = await request(api.app)
      .post('/api/auth/member')
      .send({ code: codes.get('ann@example.org') })
      .expect(200);

    const routes: Array<[string, string]> = [
      ['get', `/api/officer/elections/${id}/roll`],
      ['post', `/api/officer/elections/${id}/transition`],
      ['post', `/api/officer/elections/${id}/invitations`],
      ['get', `/api/officer/elections/${id}/turnout`],
      ['post', `/api/officer/elections/${id}/contests`],
    ];
    for (const [method, url] of routes) {
      const call = () =>
        method === 'get'
          ? request(api.app).get(url)
          : request(api.app).post(url).send({ to: 'shortlist', title: 'x', seats: 1 });
      expect((await call()).status).toBe(401);
      expect((await call().set(bearer(member.body.token))).status).toBe(403);
      const foreign = await call().set(bearer(other.token));
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('the roll', () => {
  test('a bad CSV is reported line by line and nothing is imported', async () => {
    const { token } = await officerToken(api);
    const id = await createElection(token);
    const csv = [
      'Membership Number,Name,Email',
      'A1,Ann,ann@example.org',
      'A2,,bob@example.org',
      'A3,Cat,not-an-email',
      'A1,Dup,dup@example.org',
      'A5,Eve',
    ].join('\n');
    const res = await request(api.app)
      .post(`/api/officer/elections/${id}/roll`)
      .set(bearer(token))
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(422);
    expect(res.body.error.code).toBe('ROLL_INVALID');
    expect(res.body.error.details.problems.map((p: { line: number }) => p.line)).toEqual([3, 4, 5, 6]);
    expect(res.body.error.details.problems[2].message).toMatch(/already on line 2/);
    const roll = await request(api.app)
      .get(`/api/officer/elections/${id}/roll`)
      .set(bearer(token))
      .expect(200);
    expect(roll.body.entries).toEqual([]);
    expect(await logTypes(id)).not.toContain('roll.imported');
  });

  test('import, removal with a reason told to the member, and a member proves they are on the roll', async () => {
    const { token } = await officerToken(api);
    const id = await createElection(token);
    const imported = await request(api.app)
      .post(`/api/officer/elections/${id}/roll`)
      .set(bearer(token))
      .set('content-type', 'text/csv')
      .send(ROLL)
      .expect(201);
    expect(imported.body).toMatchObject({ imported: 3, weight: 5 });
    // Importing the same members again clashes and imports nothing.
    const again = await request(api.app)
      .post(`/api/officer/elections/${id}/roll`)
      .set(bearer(token))
      .set('content-type', 'text/csv')
      .send(ROLL)
      .expect(422);
    expect(again.body.error.details.problems).toHaveLength(3);

    await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(token))
      .send({ to: 'nominations' })
      .expect(200);
    const codes = await memberCodes(token, id);
    expect(codes.size).toBe(3);

    // Ann signs in once; the code does not work twice.
    const ann = await request(api.app)
      .post('/api/auth/member')
      .send({ code: codes.get('ann@example.org') })
      .expect(200);
    const reuse = await request(api.app)
      .post('/api/auth/member')
      .send({ code: codes.get('ann@example.org') })
      .expect(401);
    expect(reuse.body.error.code).toBe('CODE_USED');
    await request(api.app).post('/api/auth/member').send({ code: 'AAAAAAAAAAAAAAAA' }).expect(401);

    const me = await request(api.app).get(`/api/elections/${id}/me`).set(bearer(ann.body.token)).expect(200);
    expect(me.body.entry).toMatchObject({ name: 'Ann Able', status: 'active', weight: 1 });
    expect(me.body.credentialIssued).toBe(false);
    const { leaf, leafIndex, proof, size, root } = me.body.commitment;
    expect(size).toBe(3);
    // The proof checks with packages/log alone: Ann's salted leaf is in the committed roll.
    expect(() =>
      verifyInclusion(
        leafHash(rollLeafBytes(leaf)),
        leafIndex,
        size,
        proof.map(fromBase64),
        fromBase64(root),
      ),
    ).not.toThrow();
    expect(() =>
      verifyInclusion(
        leafHash(rollLeafBytes({ ...leaf, weight: 2 })),
        leafIndex,
        size,
        proof.map(fromBase64),
        fromBase64(root),
      ),
    ).toThrow();

    // Bob is removed: told by mail with the reason, his code no longer signs him in, the log has it.
    const removed = await request(api.app)
      .post(`/api/officer/elections/${id}/roll/entries/L002/remove`)
      .set(bearer(token))
      .send({ reason: 'lapsed', note: 'membership lapsed in March' })
      .expect(200);
    expect(removed.body.status).toBe('removed');
    const mail = await api.database.db
      .selectFrom('outbox')
      .select('body')
      .where('to_address', '=', 'bob@example.org')
      .where('subject', 'like', 'You have been removed%')
      .executeTakeFirstOrThrow();
    expect(mail.body).toMatch(/Reason: lapsed \(membership lapsed in March\)/);
    const bob = await request(api.app)
      .post('/api/auth/member')
      .send({ code: codes.get('bob@example.org') })
      .expect(403);
    expect(bob.body.error.code).toBe('NOT_ON_ROLL');
    expect(await logTypes(id)).toEqual(
      expect.arrayContaining(['roll.imported', 'invitations.sent', 'roll.removed']),
    );

    // Ann's page, read again after the change, commits to the changed roll (the server keeps the commitment
    // between requests and must rebuild it after a roll entry in the log); her history is still the import alone.
    const after = await request(api.app)
      .get(`/api/elections/${id}/me`)
      .set(bearer(ann.body.token))
      .expect(200);
    expect(after.body.commitment.size).toBe(3);
    expect(after.body.commitment.root).not.toBe(root);
    expect(after.body.commitment.leaf).toEqual(leaf);
    expect(() =>
      verifyInclusion(
        leafHash(rollLeafBytes(leaf)),
        after.body.commitment.leafIndex,
        3,
        after.body.commitment.proof.map(fromBase64),
        fromBase64(after.body.commitment.root),
      ),
    ).not.toThrow();
    expect(after.body.history.map((h: { type: string }) => h.type)).toEqual(['roll.imported']);
    expect(me.body.history).toEqual(after.body.history);

    // Ann cannot read another election's "me".
    const otherId = await createElection(token);
    await request(api.app).get(`/api/elections/${otherId}/me`).set(bearer(ann.body.token)).expect(403);
  });
});

describe('nominations and shortlisting in the open', () => {
  test('members and affiliates nominate; every decision and its reason is public', async () => {
    const { token } = await officerToken(api);
    const create = await request(api.app)
      .post('/api/officer/elections')
      .set(bearer(token))
      .send({
        title: 'NEC slate',
        contests: [{ title: 'NEC', seats: 2, nominationThreshold: { members: 2, affiliates: 1 } }],
      })
      .expect(201);
    const id = create.body.id as string;
    const contest = (await request(api.app).get(`/api/elections/${id}`)).body.contests[0].id as string;
    await request(api.app)
      .post(`/api/officer/elections/${id}/roll`)
      .set(bearer(token))
      .set('content-type', 'text/csv')
      .send(ROLL)
      .expect(201);
    await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(token))
      .send({ to: 'nominations' })
      .expect(200);
    const codes = await memberCodes(token, id);
    const ann = (
      await request(api.app)
        .post('/api/auth/member')
        .send({ code: codes.get('ann@example.org') })
    ).body.token as string;
    const cat = (
      await request(api.app)
        .post('/api/auth/member')
        .send({ code: codes.get('cat@example.org') })
    ).body.token as string;

    const first = await request(api.app)
      .post(`/api/elections/${id}/nominations`)
      .set(bearer(ann))
      .send({ contest, name: 'Fay Fox' })
      .expect(201);
    const fay = first.body.candidate as string;
    const twice = await request(api.app)
      .post(`/api/elections/${id}/nominations`)
      .set(bearer(ann))
      .send({ candidate: fay })
      .expect(409);
    expect(twice.body.error.code).toBe('ALREADY_NOMINATED');
    await request(api.app)
      .post(`/api/elections/${id}/nominations`)
      .set(bearer(cat))
      .send({ candidate: fay })
      .expect(201);
    const gus = (
      await request(api.app)
        .post(`/api/elections/${id}/nominations`)
        .set(bearer(cat))
        .send({ contest, name: 'Gus Grey' })
        .expect(201)
    ).body.candidate as string;
    await request(api.app)
      .post(`/api/officer/elections/${id}/nominations`)
      .set(bearer(token))
      .send({ candidate: gus, affiliate: 'Unite Branch 42' })
      .expect(201);

    await request(api.app)
      .post(`/api/officer/elections/${id}/transition`)
      .set(bearer(token))
      .send({ to: 'shortlist' })
      .expect(200);
    await request(api.app)
      .post(`/api/elections/${id}/nominations`)
      .set(bearer(ann))
      .send({ candidate: gus })
      .expect(409);
    const noReason = await request(api.app)
      .post(`/api/officer/elections/${id}/candidates/${gus}/decision`)
      .set(bearer(token))
      .send({ status: 'rejected', reason: '' })
      .expect(400);
    expect(noReason.body.error.message).toMatch(/reason/);
    await request(api.app)
      .post(`/api/officer/elections/${id}/candidates/${fay}/decision`)
      .set(bearer(token))
      .send({ status: 'shortlisted', reason: 'meets the member threshold' })
      .expect(200);
    await request(api.app)
      .post(`/api/officer/elections/${id}/candidates/${gus}/decision`)
      .set(bearer(token))
      .send({ status: 'rejected', reason: 'not a member of the party' })
      .expect(200);

    const list = await request(api.app).get(`/api/elections/${id}/nominations`).expect(200);
    const byName = Object.fromEntries(
      list.body.contests[0].candidates.map((c: { name: string }) => [c.name, c]),
    );
    expect(byName['Fay Fox']).toMatchObject({
      status: 'shortlisted',
      reason: 'meets the member threshold',
      memberNominations: 2,
      affiliateNominations: [],
      meetsThreshold: true,
    });
    expect(byName['Gus Grey']).toMatchObject({
      status: 'rejected',
      reason: 'not a member of the party',
      memberNominations: 1,
      affiliateNominations: ['Unite Branch 42'],
      meetsThreshold: true,
    });
    const types = await logTypes(id);
    expect(types.filter((t) => t === 'nomination')).toHaveLength(4);
    expect(types.filter((t) => t === 'candidate.decision')).toHaveLength(2);
  });
});
