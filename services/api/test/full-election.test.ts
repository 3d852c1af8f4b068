// A whole election through the API with real cryptography: key ceremony, opening, credentials, anonymous casting
// with a revote, close and seal, reveals, count, and the published log. PGlite by default, PostgreSQL with
// DATABASE_URL (CI runs both).
import { candidateId, count, type Ballot } from '@openslate/stv';
import { noteVerifier, openCheckpoint, verifyPublishedLog } from '@openslate/log';
import request from 'supertest';
import { confirmAll, inviteAndReadCodes, reveal, runCeremony, Voter, type Trustee } from './flow.js';
import { bearer, officerToken, startPublisher, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let publisher: ReturnType<typeof startPublisher>;
const logs: string[] = [];
beforeAll(async () => {
  api = await startTestApi({}, logs);
  publisher = startPublisher(api);
});
afterAll(async () => {
  await publisher.stop();
  await api.close();
});

const ROLL = [
  'membership_number,name,email,weight',
  'M1,Ada,ada@example.org,1',
  'M2,Ben,ben@example.org,1',
  'M3,Cleo,cleo@example.org,1',
  'M4,Dan,dan@example.org,1',
  'M5,Esi,esi@example.org,1',
  'D1,Branch 7 delegate,branch7@example.org,2',
].join('\n');

test('a full election: ceremony, credentials, casting, revote, close, reveal, count, published log', async () => {
  const { token: officer } = await officerToken(api);
  const created = await request(api.app)
    .post('/api/officer/elections')
    .set(bearer(officer))
    .send({
      title: 'Organising group 2026',
      contests: [
        {
          title: 'Steering committee',
          seats: 2,
          rules: 'scottish',
          constraints: [{ attribute: 'gender', value: 'woman', min: 1 }],
          candidates: [
            { name: 'Amir', attributes: { gender: 'man' } },
            { name: 'Bea', attributes: { gender: 'woman' } },
            { name: 'Cal', attributes: { gender: 'man' } },
            { name: 'Dora', attributes: { gender: 'woman' } },
          ],
        },
        {
          title: 'Youth representative',
          seats: 1,
          rules: 'ers97',
          candidates: [{ name: 'Yan' }, { name: 'Zoe' }],
        },
      ],
    })
    .expect(201);
  const id = created.body.id as string;
  const manifest0 = (await request(api.app).get(`/api/elections/${id}`)).body;
  const [steering, youth] = manifest0.contests as Array<{
    id: string;
    candidates: Array<{ id: string; name: string }>;
  }>;
  const cand = (contest: typeof steering, name: string) =>
    contest!.candidates.find((c) => c.name === name)!.id;
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll`)
    .set(bearer(officer))
    .set('content-type', 'text/csv')
    .send(ROLL)
    .expect(201);

  // Key ceremony: 3 trustees, any 2 can reveal. Voting cannot open before every trustee confirms.
  const trustees: Trustee[] = await runCeremony(api.app, officer, id, ['Rosa', 'Karl', 'Sylvia'], 2);
  const early = await request(api.app)
    .post(`/api/officer/elections/${id}/transition`)
    .set(bearer(officer))
    .send({ to: 'voting' })
    .expect(409);
  expect(early.body.error.code).toBe('CEREMONY_INCOMPLETE');
  await confirmAll(api.app, id, trustees);
  await request(api.app)
    .post(`/api/officer/elections/${id}/transition`)
    .set(bearer(officer))
    .send({ to: 'voting' })
    .expect(200);
  const manifest = (await request(api.app).get(`/api/elections/${id}/manifest`).expect(200)).body;
  expect(manifest.issuerKeys.keys.map((k: { weight: number }) => k.weight).sort()).toEqual([1, 2]);
  expect(manifest.roll.size).toBe(6);

  // During voting a late joiner may be added with a weight the issuer keys cover, not with a new one.
  const heavy = await request(api.app)
    .post(`/api/officer/elections/${id}/roll/entries`)
    .set(bearer(officer))
    .send({
      membershipNumber: 'D9',
      name: 'Big branch',
      email: 'big@example.org',
      weight: 5,
      reason: 'late-joiner',
    })
    .expect(409);
  expect(heavy.body.error.code).toBe('NO_ISSUER_FOR_WEIGHT');
  await request(api.app)
    .post(`/api/officer/elections/${id}/roll/entries`)
    .set(bearer(officer))
    .send({ membershipNumber: 'M7', name: 'Fay', email: 'fay@example.org', reason: 'late-joiner' })
    .expect(201);

  // Members sign in with their codes and obtain credentials; a second credential is refused.
  const codes = await inviteAndReadCodes(api.app, officer, api.database.db, id);
  const codeOf = (email: string) => codes.get(email)!;
  const voters: Record<string, Voter> = {};
  for (const who of ['ada', 'ben', 'cleo', 'dan', 'esi', 'branch7']) {
    voters[who] = await Voter.signIn(api.app, id, codeOf(`${who}@example.org`));
    expect((await voters[who]!.obtainCredential()).status).toBe(201);
  }
  const again = await voters['ada']!.obtainCredential();
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('ALREADY_ISSUED');

  // Anonymous casting. What each voter finally means (the delegate carries 2 votes).
  const rank = (contest: typeof steering, ...names: string[]) => ({
    ranking: names.map((n) => cand(contest, n)),
  });
  const final: Record<string, [string[], string[]]> = {
    ada: [['Amir', 'Cal'], ['Yan']],
    ben: [['Amir', 'Cal', 'Bea'], ['Zoe']],
    cleo: [['Cal', 'Amir'], ['Yan']],
    dan: [['Dora', 'Bea'], ['Zoe']],
    esi: [['Bea'], ['Zoe']],
    branch7: [['Amir', 'Dora'], ['Yan']],
  };
  const receipts: Record<string, { hash: string; logIndex: number }> = {};
  // Ben first votes differently, then changes his vote.
  const first = await voters['ben']!.cast({
    [steering!.id]: rank(steering!, 'Dora'),
    [youth!.id]: rank(youth!, 'Yan'),
  });
  expect(first.status).toBe(201);
  for (const [who, [s, y]] of Object.entries(final)) {
    const res = await voters[who]!.cast({
      [steering!.id]: rank(steering!, ...s),
      [youth!.id]: rank(youth!, ...y),
    });
    expect(res.status).toBe(201);
    expect(res.body.tracker).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
    receipts[who] = res.body;
  }
  // A stale counter, a ciphertext replayed under another credential, and a tampered ballot are all refused.
  const stale = await voters['ada']!.cast({ [youth!.id]: rank(youth!, 'Zoe') }, 0);
  expect(stale.body.error.code).toBe('STALE_COUNTER');
  const esiBallot = await voters['esi']!.ballot({ [youth!.id]: rank(youth!, 'Zoe') }, 5);
  const danBallot = await voters['dan']!.ballot({ [youth!.id]: rank(youth!, 'Yan') }, 5);
  const replayed = { ...danBallot, contests: esiBallot.contests };
  const replay = await request(api.app)
    .post(`/api/elections/${id}/ballots`)
    .send({ ballot: replayed })
    .expect(400);
  expect(['REPLAYED_CIPHERTEXT', 'BAD_BALLOT_SIGNATURE']).toContain(replay.body.error.code);
  const forged = {
    ...danBallot,
    credential: { ...danBallot.credential, signature: esiBallot.credential.signature },
  };
  const forgery = await request(api.app)
    .post(`/api/elections/${id}/ballots`)
    .send({ ballot: forged })
    .expect(400);
  expect(['BAD_ISSUER_SIGNATURE', 'BAD_BALLOT_SIGNATURE']).toContain(forgery.body.error.code);
  const lookup = await request(api.app)
    .get(`/api/elections/${id}/ballots/${receipts['ada']!.hash}`)
    .expect(200);
  expect(lookup.body).toMatchObject({ logIndex: receipts['ada']!.logIndex, counted: null });

  // Close: the log is sealed; nobody casts any more.
  await request(api.app)
    .post(`/api/officer/elections/${id}/transition`)
    .set(bearer(officer))
    .send({ to: 'closed' })
    .expect(200);
  const late = await voters['esi']!.cast({ [youth!.id]: rank(youth!, 'Yan') }, 9);
  expect(late.body.error.code).toBe('WRONG_STATE');

  // Counting needs 2 reveals; a wrong share is refused naming the trustee.
  const tooEarly = await request(api.app)
    .post(`/api/officer/elections/${id}/count`)
    .set(bearer(officer))
    .send({})
    .expect(409);
  expect(tooEarly.body.error.code).toBe('NOT_ENOUGH_SHARES');
  const wrong = await request(api.app)
    .post(`/api/elections/${id}/ceremony/reveal`)
    .set(bearer(trustees[0]!.token))
    .send({
      reveal: {
        type: 'openslate/trustee-reveal/v1',
        electionId: id,
        trustee: 1,
        share: trustees[1]!.share.share.toString(16).padStart(64, '0'),
      },
    });
  expect(wrong.status).toBe(400);
  expect((await reveal(api.app, id, trustees[0]!)).status).toBe(201);
  expect((await reveal(api.app, id, trustees[2]!)).status).toBe(201);

  const counted = await request(api.app)
    .post(`/api/officer/elections/${id}/count`)
    .set(bearer(officer))
    .send({})
    .expect(200);
  expect(counted.body).toMatchObject({ counted: 6, superseded: 1 });

  // The API's result equals a count made here from what the voters finally meant.
  const sealed = await api.database.db
    .selectFrom('checkpoints')
    .select(['root', 'size'])
    .where('election_id', '=', id)
    .where('sealed', '=', true)
    .executeTakeFirstOrThrow();
  const weightOf = (who: string) => (who === 'branch7' ? 2n : 1n);
  for (const [contest, pick] of [
    [steering!, 0],
    [youth!, 1],
  ] as const) {
    const m = manifest.contests.find((c: { id: string }) => c.id === contest.id);
    const ballots: Ballot[] = Object.entries(final).map(([who, choice]) => ({
      weight: weightOf(who),
      preferences: choice[pick].map((n) => [
        candidateId(m.candidates.findIndex((c: { name: string }) => c.name === n)),
      ]),
    }));
    const expected = count(
      {
        title: m.title,
        seats: m.seats,
        withdrawn: [],
        ballots,
        candidates: m.candidates.map(
          (c: { name: string; attributes: Record<string, string> }, i: number) => ({
            id: candidateId(i),
            name: c.name,
            attributes: c.attributes,
          }),
        ),
      },
      { rule: m.rules, constraints: m.constraints, seed: sealed.root },
    );
    const result = counted.body.results.find((r: { contest: string }) => r.contest === contest.id);
    expect(result.elected).toEqual(expected.elected.map((i) => m.candidates[i].id));
  }
  const results = (await request(api.app).get(`/api/elections/${id}/results`).expect(200)).body;
  expect(results.contests[0].report.elected.length).toBe(2);
  const table = await request(api.app).get(`/api/elections/${id}/results/${steering!.id}.txt`).expect(200);
  expect(table.text).toContain('Amir');
  const blt = await request(api.app).get(`/api/elections/${id}/results/${youth!.id}.blt`).expect(200);
  expect(blt.text.split(/\r?\n/)[0]).toBe('2 1');

  // Receipts: Ben's final ballot counted, Ada's counted; Ben's first ballot superseded.
  expect(
    (await request(api.app).get(`/api/elections/${id}/ballots/${receipts['ben']!.hash}`)).body.counted,
  ).toBe(true);
  expect((await request(api.app).get(`/api/elections/${id}/ballots/${first.body.hash}`)).body.counted).toBe(
    false,
  );

  // The published log verifies, and its sealed checkpoint ends exactly at the close.
  await request(api.app)
    .post(`/api/officer/elections/${id}/publish`)
    .set(bearer(officer))
    .send({})
    .expect(200);
  for (let i = 0; i < 100; i++) {
    const head = await api.database.db
      .selectFrom('log_heads')
      .select('size')
      .where('election_id', '=', id)
      .executeTakeFirstOrThrow();
    const cp = openCheckpoint(new TextDecoder().decode(api.ctx.publication.read(id, 'checkpoint')), [
      noteVerifier(api.ctx.identity.verifierKey),
    ]);
    if (cp.checkpoint.size === head.size) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const verified = await verifyPublishedLog({
    checkpoint: new TextDecoder().decode(api.ctx.publication.read(id, 'checkpoint')),
    verifierKey: api.ctx.identity.verifierKey,
    fetch: async (p) => api.ctx.publication.read(id, p),
  });
  expect(verified.ok).toBe(true);
  const entries = await api.database.db
    .selectFrom('log_entries')
    .select(['idx', 'entry'])
    .where('election_id', '=', id)
    .orderBy('idx')
    .execute();
  const types = entries.map((e) => JSON.parse(new TextDecoder().decode(e.entry)).type as string);
  const closeAt = entries.findIndex((e) => /"to":"closed"/.test(new TextDecoder().decode(e.entry)));
  expect(sealed.size).toBe(closeAt + 1);
  expect(types.slice(closeAt + 1).filter((t) => t === 'ballot.cast')).toEqual([]);
  expect(types.filter((t) => t === 'ballot.cast')).toHaveLength(7);
  expect(types.filter((t) => t === 'credential.issued')).toHaveLength(6);
  expect(types.indexOf('voting.manifest')).toBeLessThan(types.indexOf('credential.issued'));
  expect(types.filter((t) => t === 'result')).toHaveLength(2);
  expect(types).toContain('roll.added');

  // Publishing again only rewrites the bundle: no second transition or log entry.
  const sizeBefore = (
    await api.database.db
      .selectFrom('log_heads')
      .select('size')
      .where('election_id', '=', id)
      .executeTakeFirstOrThrow()
  ).size;
  const republished = await request(api.app)
    .post(`/api/officer/elections/${id}/publish`)
    .set(bearer(officer))
    .send({})
    .expect(200);
  expect(republished.body).toMatchObject({ state: 'published', logIndex: null });
  expect(
    (
      await api.database.db
        .selectFrom('log_heads')
        .select('size')
        .where('election_id', '=', id)
        .executeTakeFirstOrThrow()
    ).size,
  ).toBe(sizeBefore);

  // The published bundle is served too, so anyone can verify it straight from the API.
  const bundleManifest = await request(api.app).get(`/bundles/${id}/manifest.json`).expect(200);
  expect(bundleManifest.body).toMatchObject({ format: 'openslate/bundle/v1', election: id });
  const archive = await request(api.app)
    .get(`/bundles/${id}.tar.gz`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(archive.status).toBe(200);
  expect((archive.body as Buffer).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

  // The logs saw every request of this election, and carry no code, token, ballot or client address.
  const text = logs.join('');
  expect(logs.length).toBeGreaterThan(50);
  expect(text).toContain('"route":"/api/elections/:election/ballots"');
  for (const secret of [
    codeOf('ada@example.org'),
    voters['ada']!.token,
    receipts['ada']!.hash,
    voters['ada']!.credential.signature,
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/127\.0\.0\.1|::1|::ffff|remoteAddress/);
});
