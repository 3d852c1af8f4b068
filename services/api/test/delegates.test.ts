// Delegate bodies (issue #9): a steering-committee election whose roll is the delegates elected by an earlier
// election — derived through the API, refused when the source is not counted, another organisation's, or a
// winner has no membership number; the roll.derived entry's contents; and the verifier given the source bundle
// passes, says "not checked" without it, and names a winner swapped for a non-winner.
import { readFromMap, verifyBundle, type RollDerivedBody } from '@openslate/verify';
import request from 'supertest';
import { recordAudit } from '../src/audit.js';
import { readTree, rankingOf, runPublishedElection, type PublishedElection } from './bundle-election.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let officer: string;
let source: PublishedElection;
let delegates: string; // the source's contest with membership numbers
let observer: string; // a contest whose candidates have none
beforeAll(async () => {
  api = await startTestApi();
  officer = (await officerToken(api)).token;
  source = await runPublishedElection(api, {
    title: 'Organising group 2026',
    officer,
    contests: [
      {
        title: 'Delegates',
        seats: 2,
        rules: 'scottish',
        candidates: [
          { name: 'Ada', membership: 'M1' },
          { name: 'Ben', membership: 'M2' },
          { name: 'Cleo', membership: 'M3' },
        ],
      },
      { title: 'Observer', seats: 1, rules: 'scottish', candidates: [{ name: 'Dan' }, { name: 'Zed' }] },
    ],
    casts: ([d, o]) =>
      [
        ['ada', ['Ada', 'Ben']],
        ['ben', ['Ben', 'Ada']],
        ['cleo', ['Cleo', 'Ada']],
        ['dan', ['Ada', 'Ben']],
        ['branch7', ['Ben', 'Cleo']],
      ].map(([who, ranking]) => ({
        who: who as string,
        choices: { [d!.id]: rankingOf(d!, ...(ranking as string[])), [o!.id]: rankingOf(o!, 'Dan') },
      })),
  });
  [delegates, observer] = source.contests.map((c) => c.id) as [string, string];
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const draft = async (token = officer) =>
  (
    await request(api.app)
      .post('/api/officer/elections')
      .set(bearer(token))
      .send({ title: 'Steering committee', contests: [] })
      .expect(201)
  ).body.id as string;
const derive = (election: string, body: object, token = officer) =>
  request(api.app).post(`/api/officer/elections/${election}/roll/derive`).set(bearer(token)).send(body);
const winnersOf = (contest: string) =>
  source.results.find((r) => r['contest'] === contest)!['elected'] as string[];
const membershipOf = (candidate: string) =>
  ({ Ada: 'M1', Ben: 'M2', Cleo: 'M3' })[
    source.contests[0]!.candidates.find((c) => c.id === candidate)!.name as 'Ada' | 'Ben' | 'Cleo'
  ];
const derivedEntry = async (election: string) => {
  const rows = await api.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', election)
    .execute();
  const entries = rows.map(
    (r) => JSON.parse(new TextDecoder().decode(r.entry)) as { type: string; body: unknown },
  );
  return entries.find((e) => e.type === 'roll.derived')?.body as RollDerivedBody & { by: string };
};

describe('deriving a roll', () => {
  test('the winners of the chosen contest become the roll, with the weight given, and the log says so', async () => {
    const id = await draft();
    const res = await derive(id, { source: source.id, contests: [{ contest: delegates, weight: 2 }] });
    expect(res.status).toBe(201);
    const winners = winnersOf(delegates);
    expect(res.body).toMatchObject({ entries: winners.length, weight: 2 * winners.length });
    const roll = await request(api.app)
      .get(`/api/officer/elections/${id}/roll`)
      .set(bearer(officer))
      .expect(200);
    const expected = winners.map((w) => membershipOf(w));
    expect(roll.body.entries.map((e: { membershipNumber: string }) => e.membershipNumber)).toEqual(expected);
    // Name and email come from the source election's roll entry.
    const ada = roll.body.entries.find((e: { membershipNumber: string }) => e.membershipNumber === 'M1');
    if (ada) expect(ada).toMatchObject({ name: 'Ada', email: 'ada@example.org', weight: 2 });
    const body = await derivedEntry(id);
    expect(body.source.election).toBe(source.id);
    const sealed = await api.database.db
      .selectFrom('checkpoints')
      .select(['size', 'root'])
      .where('election_id', '=', source.id)
      .where('sealed', '=', true)
      .executeTakeFirstOrThrow();
    expect(body.source.sealed).toEqual({ size: sealed.size, root: sealed.root });
    expect(body.source.results.map((r) => r.contest)).toEqual([delegates]);
    expect(body.contests).toEqual([{ contest: delegates, weight: 2 }]);
    expect(body.entries.map((e) => [e.position, e.membershipNumber, e.weight])).toEqual(
      expected.map((m, i) => [i + 1, m, 2]),
    );
    expect(res.body.logEntry).toEqual({ index: res.body.logIndex, type: 'roll.derived' });
  });

  test('refused: a source not counted, another organisation’s, a winner without a membership number', async () => {
    const id = await draft();
    const notCounted = await draft();
    const r1 = await derive(id, { source: notCounted, contests: [{ contest: delegates }] });
    expect([r1.status, r1.body.error.code]).toEqual([409, 'SOURCE_NOT_COUNTED']);
    const other = (await officerToken(api)).token;
    const r2 = await derive(
      await draft(other),
      { source: source.id, contests: [{ contest: delegates }] },
      other,
    );
    expect(r2.status).toBe(404);
    const r3 = await derive(id, { source: source.id, contests: [{ contest: observer }] });
    expect([r3.status, r3.body.error.code]).toEqual([422, 'WINNER_WITHOUT_MEMBERSHIP']);
    expect(r3.body.error.message).toContain('Dan (Observer)');
    // Nothing was written by the refusals.
    expect(await derivedEntry(id)).toBeUndefined();
  });
});

describe('the verifier and a derived roll', () => {
  const steering = (roll: (officer: string, id: string) => Promise<void>, voters: () => string[]) =>
    runPublishedElection(api, {
      title: 'Steering committee',
      officer,
      roll,
      contests: [
        { title: 'Steering', seats: 1, rules: 'scottish', candidates: [{ name: 'Pat' }, { name: 'Sam' }] },
      ],
      casts: ([c]) => voters().map((who) => ({ who, choices: { [c!.id]: rankingOf(c!, 'Pat') } })),
    });
  const who = { M1: 'ada', M2: 'ben', M3: 'cleo' } as Record<string, string>;

  test('passes with the source bundle, is not checked without it, and names a swapped winner', async () => {
    const winners = winnersOf(delegates).map(membershipOf) as string[];
    const honest = await steering(
      async (token, id) => {
        await derive(id, { source: source.id, contests: [{ contest: delegates, weight: 2 }] }, token).expect(
          201,
        );
      },
      () => winners.map((m) => who[m]!),
    );
    const sourceRead = readFromMap(readTree(source.bundleDir));
    const withSource = await verifyBundle({
      read: readFromMap(readTree(honest.bundleDir)),
      source: sourceRead,
    });
    expect(withSource.failure).toBeUndefined();
    expect(withSource.checks.find((c) => c.check === 'derived')).toMatchObject({ ok: true });
    expect(withSource.notChecked).toEqual([]);
    const without = await verifyBundle({ read: readFromMap(readTree(honest.bundleDir)) });
    expect(without.notChecked).toEqual(['derived']);
    expect(without.checks.find((c) => c.check === 'derived')?.message).toContain(
      'not checked: source bundle not given',
    );

    // A dishonest server: the same entry, but one winner swapped for a non-winner of the source.
    const loser = ['M1', 'M2', 'M3'].find((m) => !winners.includes(m))!;
    const swapped = [loser, ...winners.slice(1)];
    const tampered = await steering(
      async (_token, id) => {
        const body = await derivedEntry(honest.id);
        const entries = body.entries.map((e, i) => ({ ...e, membershipNumber: swapped[i]! }));
        await api.database.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('roll_entries')
            .values(
              entries.map((e) => ({
                id: `re-${id}-${e.position}`,
                election_id: id,
                position: e.position,
                membership_number: e.membershipNumber,
                name: who[e.membershipNumber]!,
                email: `${who[e.membershipNumber]}@example.org`,
                weight: e.weight,
                attributes: '{}',
                salt: Buffer.from(e.salt, 'base64'),
              })),
            )
            .execute();
          const { by, ...rest } = body;
          await recordAudit(trx, id, 'roll.derived', { ...rest, entries, by });
        });
      },
      () => swapped.map((m) => who[m]!),
    );
    const report = await verifyBundle({
      read: readFromMap(readTree(tampered.bundleDir)),
      source: sourceRead,
    });
    expect(report.failure).toMatchObject({ check: 'derived', code: 'DERIVED_ROLL_MISMATCH' });
    expect(report.failure?.message).toContain(`membership number ${loser}`);
  }, 240_000);
});
