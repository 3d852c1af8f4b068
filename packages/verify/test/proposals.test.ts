// The proposals check (docs/bundle-format.md) over logs built here entry by entry: a proposal and its amendment
// drafted, supported to their threshold, scheduled, voted and resolved. A log as the API writes it passes; the
// threshold's boundary, a tampered count, a double support, an ineligible schedule, a motion missing from the
// manifest and an outcome differing from the recount are each named.
import { resolveAmendments, type YesNoReport } from '@openslate/questions';
import { checkProposals, proposalsWords } from '../src/checks/proposals.js';
import type { ElectionSequence } from '../src/checks/sequence.js';
import { VerifyError, type VerifyErrorCode } from '../src/errors.js';
import type { ParsedEntry } from '../src/log-entries.js';
import { tallyQuestion, type ManifestContest, type QuestionKind } from '../src/index.js';

type Draft = { type: string; body: Record<string, unknown> };

const motion = (
  id: string,
  proposal: { id: string; amends?: string },
): ManifestContest & { kind: QuestionKind } => ({
  id,
  title: id,
  kind: 'yes-no-abstain',
  question: { majority: 'two-thirds', proposal },
  seats: 1,
  rules: 'yes-no-abstain',
  mode: 'secret',
  constraints: [],
  candidates: [],
});

const AMENDMENT = motion('ct-a', { id: 'pa', amends: 'pp' });
const PROPOSAL = motion('ct-p', { id: 'pp' });
const member = { kind: 'member' };
const support = (proposal: string, members: number, affiliates = 0, supporter: object = member): Draft => ({
  type: 'proposal.supported',
  body: { proposal, supporter, members, affiliates },
});
const crossing = (
  type: string,
  proposal: string,
  members: number,
  threshold: object = { members: 2 },
  affiliates = 0,
): Draft => ({ type, body: { proposal, threshold, members, affiliates } });
const drafted = (proposal: string, amends: string | null): Draft => ({
  type: 'proposal.drafted',
  body: { proposal, title: proposal, text: '…', amends, drafter: member },
});
const scheduled = (c: ManifestContest, position: number): Draft[] => [
  { type: 'contest.created', body: { contest: c.id, title: c.title, seats: 1, rules: c.rules } },
  {
    type: 'proposal.scheduled',
    body: {
      proposal: c.question!.proposal!.id,
      contest: c.id,
      amends: c.question!.proposal!.amends ?? null,
      position,
      by: 'o',
    },
  },
];

/** Yes/no answers: the amendment carries by two thirds (4 of 5), the proposal falls (2 of 5). */
function reports(): Map<string, Record<string, unknown>> {
  const answers = (yes: number) =>
    [0, 1, 2, 3, 4].map((i) => ({ value: { answer: i < yes ? 'yes' : 'no' }, weight: 1 }));
  const tally = (c: ManifestContest & { kind: QuestionKind }, yes: number) => {
    const t = tallyQuestion(c, answers(yes), { seed: 'seed' });
    if (!t.ok) throw new Error(t.error.message);
    return { ...t.value.report } as Record<string, unknown>;
  };
  return new Map([
    [AMENDMENT.id, tally(AMENDMENT, 4)],
    [PROPOSAL.id, tally(PROPOSAL, 2)],
  ]);
}

/** The outcome entry as the API's count writes it, from the reports. */
function outcome(r: Map<string, Record<string, unknown>>): Draft {
  const a = { ...r.get(AMENDMENT.id)!, id: 'pa' } as YesNoReport;
  const p = { ...r.get(PROPOSAL.id)!, id: 'pp' } as YesNoReport;
  const resolved = resolveAmendments([a], p);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const { adopted, rejected, text, carried, words } = resolved.value;
  const amendments = [{ proposal: 'pa', contest: AMENDMENT.id, carried: a.carried }];
  return {
    type: 'proposal.outcome',
    body: { proposal: 'pp', contest: PROPOSAL.id, amendments, adopted, rejected, text, carried, words },
  };
}

/** Before voting: the rules, two drafts, two supporters each (the second makes each eligible), the schedule. */
const beforeVoting = (): Draft[] => [
  { type: 'proposal.settings', body: { threshold: { members: 2 }, supporters: 'counted', by: 'o' } },
  drafted('pp', null),
  drafted('pa', 'pp'),
  support('pp', 1),
  support('pp', 2),
  crossing('proposal.eligible', 'pp', 2),
  support('pa', 1),
  support('pa', 2),
  crossing('proposal.eligible', 'pa', 2),
  ...scheduled(AMENDMENT, 1),
  ...scheduled(PROPOSAL, 2),
];

function check(
  before: Draft[],
  r = reports(),
  after: Draft[] = [outcome(r)],
  contests = [AMENDMENT, PROPOSAL],
) {
  const drafts: Draft[] = [
    ...before,
    { type: 'election.state', body: { from: 'shortlist', to: 'voting' } },
    { type: 'election.state', body: { from: 'voting', to: 'closed' } },
    { type: 'result', body: { contest: AMENDMENT.id } },
    { type: 'result', body: { contest: PROPOSAL.id } },
    ...after,
    { type: 'election.state', body: { from: 'closed', to: 'counted' } },
  ];
  const entries: ParsedEntry[] = drafts.map((d, index) => ({
    ...d,
    election: 'e',
    index,
    bytes: new Uint8Array(),
  }));
  const openIndex = entries.findIndex((e) => e.body['to'] === 'voting');
  const sequence = { manifest: { contests }, openIndex } as unknown as ElectionSequence;
  return checkProposals(entries, sequence, r);
}

function failure(run: () => unknown): { code: VerifyErrorCode; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof VerifyError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the check passed');
}

const replace = (log: Draft[], at: number, ...by: Draft[]) => [
  ...log.slice(0, at),
  ...by,
  ...log.slice(at + 1),
];
const at = (log: Draft[], type: string, proposal: string) =>
  log.findIndex((d) => d.type === type && d.body['proposal'] === proposal);

test('a log as the API writes it passes, with the outcome resolved from the reports', () => {
  const r = reports();
  const checked = check(beforeVoting(), r);
  expect(checked).toMatchObject({ drafted: 2, scheduled: 2 });
  expect(checked.outcomes).toEqual([
    expect.objectContaining({
      proposal: 'pp',
      contest: PROPOSAL.id,
      carried: r.get(PROPOSAL.id)!['carried'],
    }),
  ]);
  expect(checked.outcomes[0]!.words).toContain('Amendment pa carried');
  expect(proposalsWords(checked)).toContain(checked.outcomes[0]!.words);
});

test('an election without proposals: "no proposals"', () => {
  const checked = check([], new Map(), [], []);
  expect(checked).toEqual({ drafted: 0, scheduled: 0, outcomes: [] });
  expect(proposalsWords(checked)).toBe('proposals: no proposals');
});

describe('eligibility exactly at the threshold', () => {
  test('eligible after the first of two supporters is named', () => {
    const log = beforeVoting();
    const early = replace(
      log,
      at(log, 'proposal.supported', 'pp'),
      support('pp', 1),
      crossing('proposal.eligible', 'pp', 1),
    );
    expect(failure(() => check(early))).toMatchObject({ code: 'PROPOSAL_ELIGIBILITY_MISMATCH' });
  });

  test('the second supporter without the eligible entry is named', () => {
    const log = beforeVoting();
    const missing = log.filter((_, i) => i !== at(log, 'proposal.eligible', 'pp'));
    expect(failure(() => check(missing)).code).toBe('PROPOSAL_ELIGIBILITY_MISMATCH');
  });

  test('a withdrawal below the threshold needs proposal.ineligible, and then scheduling is refused', () => {
    const log = beforeVoting();
    const withdraw = {
      type: 'proposal.withdrawn',
      body: { proposal: 'pp', supporter: member, members: 1, affiliates: 0 },
    };
    const i = at(log, 'proposal.eligible', 'pp');
    expect(failure(() => check(replace(log, i, log[i]!, withdraw))).code).toBe(
      'PROPOSAL_ELIGIBILITY_MISMATCH',
    );
    const ineligible = replace(log, i, log[i]!, withdraw, crossing('proposal.ineligible', 'pp', 1));
    expect(failure(() => check(ineligible))).toMatchObject({
      code: 'PROPOSAL_NOT_ELIGIBLE',
      message: expect.stringContaining('pp is not eligible'),
    });
  });

  test('without proposal.settings the documented default holds: one affiliate is enough', () => {
    const affiliate = { kind: 'affiliate', affiliate: 'Unite', enteredBy: 'o' };
    const log: Draft[] = [
      drafted('pp', null),
      support('pp', 0, 1, affiliate),
      crossing('proposal.eligible', 'pp', 0, { members: 10, affiliates: 1 }, 1),
      ...scheduled(PROPOSAL, 1),
    ];
    const r = new Map([[PROPOSAL.id, reports().get(PROPOSAL.id)!]]);
    const p = { ...r.get(PROPOSAL.id)!, id: 'pp' } as YesNoReport;
    const resolved = resolveAmendments([], p);
    if (!resolved.ok) throw new Error(resolved.error.message);
    const { adopted, rejected, text, carried, words } = resolved.value;
    const out = {
      type: 'proposal.outcome',
      body: { proposal: 'pp', contest: PROPOSAL.id, amendments: [], adopted, rejected, text, carried, words },
    };
    expect(check(log, r, [out], [PROPOSAL]).outcomes).toHaveLength(1);
    const twice = replace(log, 2, log[2]!, support('pp', 0, 2, affiliate));
    expect(failure(() => check(twice, r, [out], [PROPOSAL])).code).toBe('PROPOSAL_DOUBLE_SUPPORT');
  });
});

test('a tampered count is named', () => {
  const log = beforeVoting();
  const tampered = replace(log, at(log, 'proposal.supported', 'pa'), support('pa', 2));
  expect(failure(() => check(tampered))).toMatchObject({
    code: 'PROPOSAL_COUNT_MISMATCH',
    message: expect.stringContaining('the entries before give 1 and 0'),
  });
});

test('an outcome differing from the recount is named', () => {
  const r = reports();
  const flipped = outcome(r);
  flipped.body['carried'] = !flipped.body['carried'];
  expect(failure(() => check(beforeVoting(), r, [flipped]))).toMatchObject({
    code: 'PROPOSAL_OUTCOME_MISMATCH',
    message: expect.stringContaining('says carried'),
  });
  expect(failure(() => check(beforeVoting(), r, [])).code).toBe('PROPOSAL_OUTCOME_MISMATCH');
});

test('scheduled motions must be in the manifest, linked, amendments first', () => {
  const unlinked = motion(PROPOSAL.id, { id: 'other' });
  expect(failure(() => check(beforeVoting(), reports(), undefined, [AMENDMENT, unlinked])).code).toBe(
    'PROPOSAL_NOT_IN_MANIFEST',
  );
  expect(failure(() => check(beforeVoting(), reports(), undefined, [PROPOSAL, AMENDMENT])).message).toContain(
    'not on the ballot before the proposal',
  );
});

test('support after scheduling, or after voting opened, is illegal', () => {
  expect(failure(() => check([...beforeVoting(), support('pp', 3)])).code).toBe('PROPOSAL_ILLEGAL');
});
