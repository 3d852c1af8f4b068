// Question contests (issue #9) end to end: each kind created, refused combinations, and a small real election —
// a two-thirds motion exactly at its boundary with abstentions, the same motion with abstentions counted, a
// motion whose quorum is not reached, an approval question with two winners, a choose-one question with an
// invalid ballot, an STV contest with a quorum — counted, published and recounted by the verifier, which names a
// tampered result.
import type { ContestChoices } from '@openslate/ballot';
import { readFromMap, verifyBundle, type VerifyReport } from '@openslate/verify';
import request from 'supertest';
import {
  readTree,
  runPublishedElection,
  type ElectionPlan,
  type PublishedElection,
} from './bundle-election.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let officer: string;
beforeAll(async () => {
  api = await startTestApi();
  officer = (await officerToken(api)).token;
});
afterAll(async () => {
  await api?.close();
});

const createElection = (contests: unknown[]) =>
  request(api.app).post('/api/officer/elections').set(bearer(officer)).send({ title: 'Questions', contests });

const OPTIONS = [{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cy' }];

describe('creating question contests', () => {
  test('each kind is stored with its settings and shown on the public election', async () => {
    const created = await createElection([
      { title: 'Committee', seats: 2, candidates: OPTIONS, quorum: { kind: 'weight', weight: 3 } },
      {
        kind: 'yes-no-abstain',
        title: 'Affiliate',
        text: 'That the branch affiliates.',
        majority: 'two-thirds',
      },
      { kind: 'approval', title: 'Steering', winners: 2, candidates: OPTIONS },
      {
        kind: 'choose-one',
        title: 'Venue',
        requireMajority: true,
        abstentions: 'included',
        candidates: OPTIONS,
      },
    ]).expect(201);
    const election = (await request(api.app).get(`/api/elections/${created.body.id}`).expect(200)).body;
    const [stv, motion, approval, chooseOne] = election.contests;
    expect(stv).toMatchObject({
      kind: 'stv',
      seats: 2,
      rules: 'ers97',
      quorum: { kind: 'weight', weight: 3 },
    });
    expect(stv.question).toBeUndefined();
    expect(motion).toMatchObject({
      kind: 'yes-no-abstain',
      rules: 'yes-no-abstain',
      question: { majority: 'two-thirds', text: 'That the branch affiliates.' },
      candidates: [],
    });
    expect(approval).toMatchObject({ kind: 'approval', seats: 2, question: { winners: 2 } });
    expect(chooseOne).toMatchObject({
      kind: 'choose-one',
      question: { requireMajority: true, abstentions: 'included' },
    });
    expect(chooseOne.candidates.map((c: { name: string }) => c.name)).toEqual(['Ann', 'Bob', 'Cy']);
  });

  test.each([
    ['an STV contest without seats', { title: 'C', candidates: OPTIONS }, 'seats'],
    ['a motion without a majority', { kind: 'yes-no-abstain', title: 'M' }, 'majority'],
    [
      'a motion with candidates',
      { kind: 'yes-no-abstain', title: 'M', majority: 'simple', candidates: OPTIONS },
      'candidates',
    ],
    ['a motion with seats', { kind: 'yes-no-abstain', title: 'M', majority: 'simple', seats: 1 }, 'seats'],
    [
      'approval with a majority',
      { kind: 'approval', title: 'A', majority: 'simple', candidates: OPTIONS },
      'majority',
    ],
    [
      'more winners than options',
      { kind: 'approval', title: 'A', winners: 4, candidates: OPTIONS },
      'winners',
    ],
    [
      'STV rules on a question',
      { kind: 'choose-one', title: 'V', rules: 'meek', candidates: OPTIONS },
      'rules',
    ],
    [
      'constraints on a question',
      {
        kind: 'approval',
        title: 'A',
        candidates: OPTIONS,
        constraints: [{ attribute: 'g', value: 'w', min: 1 }],
      },
      'constraints',
    ],
    [
      'choose-one abstentions without a majority',
      { kind: 'choose-one', title: 'V', abstentions: 'included', candidates: OPTIONS },
      'abstentions',
    ],
    [
      'an of-eligible motion with abstentions',
      { kind: 'yes-no-abstain', title: 'M', majority: 'of-eligible', abstentions: 'included' },
      'abstentions',
    ],
    [
      'a quorum above the whole roll',
      {
        kind: 'yes-no-abstain',
        title: 'M',
        majority: 'simple',
        quorum: { kind: 'fraction-of-eligible', numerator: 3, denominator: 2 },
      },
      'quorum',
    ],
    ['an unknown kind', { kind: 'ranked-pairs', title: 'X', seats: 1 }, 'kind'],
  ])('%s is refused with 400 naming the field', async (_what, contest, field) => {
    const res = await createElection([contest]).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain(`contests.0.${field}`);
  });

  test('a motion takes no candidates later either', async () => {
    const created = await createElection([{ kind: 'yes-no-abstain', title: 'M', majority: 'simple' }]).expect(
      201,
    );
    const election = (await request(api.app).get(`/api/elections/${created.body.id}`)).body;
    const res = await request(api.app)
      .post(`/api/officer/elections/${created.body.id}/contests/${election.contests[0].id}/candidates`)
      .set(bearer(officer))
      .send({ name: 'Someone' })
      .expect(409);
    expect(res.body.error.code).toBe('MOTION_HAS_NO_CANDIDATES');
  });
});

// The roll (bundle-election.ts): ada, ben, cleo, dan with one vote each and branch7 with two: 6 eligible.
const PLAN: ElectionPlan = {
  title: 'Branch meeting 2026',
  contests: [
    {
      kind: 'yes-no-abstain',
      title: 'Affiliate',
      majority: 'two-thirds',
      quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 2 },
    },
    {
      kind: 'yes-no-abstain',
      title: 'Affiliate (abstentions count)',
      majority: 'two-thirds',
      abstentions: 'included',
    },
    { kind: 'yes-no-abstain', title: 'Buy a van', majority: 'simple', quorum: { kind: 'weight', weight: 4 } },
    { kind: 'approval', title: 'Steering', winners: 2, candidates: OPTIONS },
    { kind: 'choose-one', title: 'Venue', candidates: [{ name: 'Hall' }, { name: 'Pub' }] },
    {
      title: 'Chair',
      seats: 1,
      rules: 'ers97',
      candidates: [{ name: 'Yan' }, { name: 'Zoe' }],
      quorum: { kind: 'weight', weight: 6 },
    },
  ],
  casts: ([affiliate, included, van, steering, venue, chair]) => {
    const id = (c: typeof venue, name: string) => c!.candidates.find((k) => k.name === name)!.id;
    const ballot = (
      answer: string,
      vanAnswer: string | null,
      approve: string[],
      choose: string | null,
      chairName: string,
    ): ContestChoices => ({
      [affiliate!.id]: { answer },
      [included!.id]: { answer },
      ...(vanAnswer === null ? {} : { [van!.id]: { answer: vanAnswer } }),
      [steering!.id]: { approve: approve.map((n) => id(steering, n)) },
      [venue!.id]: { choose },
      [chair!.id]: { ranking: [id(chair, chairName)] },
    });
    return [
      { who: 'ada', choices: ballot('abstain', 'yes', ['Ann', 'Bob'], id(venue, 'Hall'), 'Yan') },
      { who: 'ben', choices: ballot('no', 'yes', ['Bob'], null, 'Zoe') },
      { who: 'cleo', choices: ballot('abstain', 'no', ['Cy', 'Ann'], id(venue, 'Pub'), 'Yan') },
      { who: 'dan', choices: ballot('abstain', null, [], id(venue, 'Hall'), 'Zoe') },
      // The delegate's two votes: yes to affiliation (exactly two thirds of for and against), and a venue that is
      // not an option (invalid, by packages/questions' code).
      { who: 'branch7', choices: ballot('yes', null, ['Ann'], 'Garden', 'Yan') },
    ];
  },
};

describe('a question election, counted, published and verified', () => {
  let run: PublishedElection;
  let honest: Map<string, Uint8Array>;
  beforeAll(async () => {
    run = await runPublishedElection(api, PLAN);
    honest = readTree(run.bundleDir);
  }, 600_000);

  const resultOf = (title: string) => {
    const at = run.contests.findIndex((c) => c.title === title);
    return run.results[at]!;
  };
  const contestId = (title: string) => run.contests.find((c) => c.title === title)!.id;
  const nameIds = (title: string, ...names: string[]) =>
    names.map((n) => run.contests.find((c) => c.title === title)!.candidates.find((k) => k.name === n)!.id);

  test('the count reports each kind: boundary, abstentions, quorum, winners, invalid ballots', async () => {
    expect(resultOf('Affiliate')).toMatchObject({
      kind: 'yes-no-abstain',
      carried: true,
      quorumReached: true,
      elected: [],
    });
    expect(resultOf('Affiliate (abstentions count)')).toMatchObject({ carried: false });
    expect(resultOf('Buy a van')).toMatchObject({ carried: false, quorumReached: false });
    expect(resultOf('Steering')).toMatchObject({
      kind: 'approval',
      carried: true,
      elected: nameIds('Steering', 'Ann', 'Bob'),
    });
    expect(resultOf('Venue')).toMatchObject({ kind: 'choose-one', elected: nameIds('Venue', 'Hall') });
    expect(resultOf('Chair')).toMatchObject({
      kind: 'stv',
      quorumReached: true,
      elected: nameIds('Chair', 'Yan'),
    });

    const results = (await request(api.app).get(`/api/elections/${run.id}/results`).expect(200)).body;
    const byTitle = (t: string) => results.contests.find((c: { title: string }) => c.title === t);
    const affiliate = byTitle('Affiliate').report;
    expect(affiliate.threshold).toMatchObject({ votes: '2', baseVotes: '3', needed: '2', met: true });
    expect(affiliate.abstained).toBe('3');
    expect(affiliate.quorum).toMatchObject({ required: '3', turnout: '6', reached: true });
    expect(affiliate.turnout.eligible).toBe('6');
    expect(byTitle('Affiliate (abstentions count)').report.threshold).toMatchObject({
      baseVotes: '6',
      met: false,
    });
    expect(byTitle('Buy a van').report.quorum).toMatchObject({ required: '4', turnout: '3', reached: false });
    expect(byTitle('Buy a van').report.threshold.met).toBe(true);
    expect(byTitle('Venue').report.turnout).toMatchObject({
      invalid: '2',
      invalidByCode: { 'unknown-option': '2' },
    });
    expect(byTitle('Venue').report.abstained).toBe('1');
    expect(byTitle('Chair')).toMatchObject({
      kind: 'stv',
      quorum: { required: '6', turnout: '6', reached: true },
    });

    const file = (title: string, ext: string) =>
      request(api.app).get(`/api/elections/${run.id}/results/${contestId(title)}.${ext}`);
    expect((await file('Affiliate', 'blt')).status).toBe(404);
    expect((await file('Affiliate', 'explain').expect(200)).text).toMatch(/^Carried/m);
    expect((await file('Chair', 'blt')).status).toBe(200);
  });

  test('the bundle has each question’s files (no BLT) and the verifier recounts every contest', async () => {
    const affiliate = contestId('Affiliate');
    expect(honest.has(`results/${affiliate}.json`)).toBe(true);
    expect(honest.has(`results/${affiliate}.explain`)).toBe(true);
    expect(honest.has(`results/${affiliate}.blt`)).toBe(false);
    expect(honest.has(`results/${contestId('Chair')}.quorum.json`)).toBe(true);
    const page = new TextDecoder().decode(honest.get('results/index.html'));
    expect(page).toContain('A motion: yes, no or abstain; carried with at least two thirds');
    expect(page).toContain('Quorum: at least 4 votes — not reached (turnout 3).');

    const report = await verifyBundle({ read: readFromMap(honest) });
    expect(report.failure).toBeUndefined();
    expect(report.ok).toBe(true);
    const outcome = (id: string) => report.contests.find((c) => c.contest === id)!;
    expect(outcome(affiliate)).toMatchObject({ carried: true, quorumReached: true });
    expect(outcome(contestId('Buy a van'))).toMatchObject({ carried: false, quorumReached: false });
    expect(outcome(contestId('Steering')).elected.map((e) => e.name)).toEqual(['Ann', 'Bob']);
  });

  const tampered = (path: string, edit: (text: string) => string): Promise<VerifyReport> => {
    const files = new Map(honest);
    files.set(path, new TextEncoder().encode(edit(new TextDecoder().decode(honest.get(path)))));
    return verifyBundle({ read: readFromMap(files) });
  };

  test('a question result with "carried" flipped is named', async () => {
    const path = `results/${contestId('Buy a van')}.json`;
    const report = await tampered(path, (t) => t.replace('"carried": false', '"carried": true'));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ check: 'recount', code: 'RESULT_MISMATCH' });
    expect(report.failure!.message).toBe(`${path} differs from the recount at 'carried'`);
  });

  test('a changed explanation or a missing one is caught', async () => {
    const path = `results/${contestId('Affiliate')}.explain`;
    const changed = await tampered(path, (t) => t.replace('Carried', 'Not carried'));
    expect(changed.failure).toMatchObject({ check: 'recount', code: 'RESULT_MISMATCH' });
    expect(changed.failure!.message).toMatch(`${path} differs from the recount's explanation at line 2`);
    const files = new Map(honest);
    files.delete(path);
    const missing = await verifyBundle({ read: readFromMap(files) });
    expect(missing.failure).toMatchObject({ code: 'BUNDLE_MISSING_FILE' });
  });

  test("an STV contest's quorum file that says reached when it was not is caught", async () => {
    const path = `results/${contestId('Chair')}.quorum.json`;
    const report = await tampered(path, (t) => t.replace('"required": "6"', '"required": "5"'));
    expect(report.failure).toMatchObject({ check: 'recount', code: 'RESULT_MISMATCH' });
    expect(report.failure!.message).toBe(`${path} differs from the recount's quorum at 'required'`);
  });
});
