// Question contests in the verifier: the manifest's contest read as a packages/questions question, the ballots'
// plaintext choices ({ answer }, { approve }, { choose }) mapped to its answers, invalid plaintexts counted as
// invalid with packages/questions' codes, the quorum of an STV contest, and the results page.
import { countQuestion, renderQuestionText } from '@openslate/questions';
import {
  countContest,
  resultEntry,
  resultsPage,
  tallyContest,
  tallyQuestion,
  type ManifestContest,
} from '../src/index.js';

const base = { mode: 'secret', constraints: [], seats: 1 } as const;
const options = [
  { id: 'a', name: 'Ann', attributes: {} },
  { id: 'b', name: 'Bob', attributes: {} },
  { id: 'c', name: 'Cy', attributes: {} },
];
const motion: ManifestContest = {
  ...base,
  id: 'm',
  title: 'Affiliate',
  kind: 'yes-no-abstain',
  rules: 'yes-no-abstain',
  question: { majority: 'two-thirds' },
  quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 2 },
  candidates: [],
};
const approval: ManifestContest = {
  ...base,
  id: 'q',
  title: 'Steering',
  kind: 'approval',
  rules: 'approval',
  seats: 2,
  question: { winners: 2 },
  candidates: options,
};
const stv: ManifestContest = {
  ...base,
  id: 's',
  title: 'Chair',
  rules: 'ers97',
  candidates: options,
  quorum: { kind: 'weight', weight: 4 },
};
const seed = 'sealed root';

test('a motion: choices mapped to answers, weights kept, abstentions and invalid plaintexts by code', () => {
  const choices = [
    { value: { answer: 'yes' }, weight: 2 },
    { value: { answer: 'no' }, weight: 1 },
    { value: { answer: 'abstain' }, weight: 1 },
    { value: { answer: 'perhaps' }, weight: 1 },
    { value: 'yes', weight: 1 }, // not a choice object
    { value: undefined, weight: 3 }, // no choice for this contest: not received
  ];
  const tally = tallyQuestion(motion as ManifestContest & { kind: 'yes-no-abstain' }, choices, {
    seed,
    eligible: 9n,
  });
  if (!tally.ok) throw new Error(tally.error.message);
  const { report } = tally.value;
  // Exactly two thirds of those for and against: carried.
  expect(report.kind === 'yes-no-abstain' && report.threshold).toMatchObject({
    votes: '2',
    baseVotes: '3',
    met: true,
  });
  expect(report.turnout).toMatchObject({ received: '6', valid: '4', invalid: '2', eligible: '9' });
  expect(report.turnout.invalidByCode).toEqual({ 'unknown-answer': '2' });
  expect(report.quorum).toMatchObject({ required: '5', turnout: '6', reached: true });
  expect(report.carried).toBe(true);
  expect(tally.value).toMatchObject({ invalid: 2, blank: 2, elected: [] });
  // The same count packages/questions makes from the bare answers.
  const direct = countQuestion(
    {
      kind: 'yes-no-abstain',
      id: 'm',
      title: 'Affiliate',
      majority: 'two-thirds',
      quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 2 },
    },
    [
      { choice: 'yes', weight: 2n },
      { choice: 'no' },
      { choice: 'abstain' },
      { choice: 'perhaps' },
      { choice: undefined },
    ],
    { seed, eligible: 9n },
  );
  if (!direct.ok) throw new Error(direct.error.message);
  expect(renderQuestionText(direct.value)).toBe(tally.value.text);
});

test('approval: the winners are candidate ids; a duplicate is invalid; without the eligible weight a fractional quorum cannot count', () => {
  const choices = [
    { value: { approve: ['a', 'b'] }, weight: 1 },
    { value: { approve: ['b'] }, weight: 1 },
    { value: { approve: ['a', 'a'] }, weight: 1 },
    { value: { approve: [] }, weight: 1 },
    { value: { choose: 'a' }, weight: 1 }, // the wrong kind of choice
  ];
  const counted = countContest(approval, choices, { seed });
  if (!counted.ok) throw new Error(counted.error.message);
  expect(counted.value).toMatchObject({
    kind: 'approval',
    elected: ['b', 'a'],
    invalid: 2,
    blank: 1,
    blt: null,
    carried: true,
  });
  expect(counted.value.report['turnout']).toMatchObject({
    invalidByCode: { 'duplicate-option': '1', 'not-a-list': '1' },
  });
  const noRoll = countContest(motion, [{ value: { answer: 'yes' }, weight: 1 }], { seed });
  expect(noRoll).toMatchObject({ ok: false, error: { code: 'eligible' } });
});

test("an STV contest counts as before, with its quorum beside packages/stv's report", () => {
  const choices = [
    { value: { ranking: ['a', 'b'] }, weight: 1 },
    { value: { ranking: ['b'] }, weight: 1 },
    { value: { ranking: ['a'] }, weight: 1 },
    { value: undefined, weight: 5 },
  ];
  const counted = countContest(stv, choices, { seed });
  if (!counted.ok) throw new Error(counted.error.message);
  const before = tallyContest(stv, choices, seed);
  expect(counted.value.elected).toEqual(before.report.elected.map((i) => options[i]!.id));
  expect(counted.value.quorum).toMatchObject({ required: '4', turnout: '3', reached: false });
  const entry = resultEntry(stv, counted.value, { ballots: 4, seed, reportHash: 'r', bltHash: 'b' });
  expect(entry).toMatchObject({ contest: 's', elected: ['a'], blt: 'b', quorum: { reached: false } });
  expect(entry).not.toHaveProperty('kind');
  const noQuorum = { ...stv, quorum: undefined };
  const plain = countContest(noQuorum, choices, { seed });
  expect(
    plain.ok &&
      Object.keys(
        resultEntry(noQuorum, plain.value, { ballots: 4, seed, reportHash: 'r', bltHash: 'b' }),
      ).sort(),
  ).toEqual(['ballots', 'blank', 'blt', 'contest', 'elected', 'invalid', 'report', 'seed']);
});

test('the results page gives a question its rule, result, table and files, without a BLT link', () => {
  const counted = countContest(
    approval,
    [
      { value: { approve: ['c', 'a'] }, weight: 1 },
      { value: { approve: ['c'] }, weight: 1 },
    ],
    { seed },
  );
  if (!counted.ok) throw new Error(counted.error.message);
  const page = resultsPage('Meeting', [
    {
      contest: approval,
      elected: [],
      stageTable: counted.value.text,
      explanation: counted.value.explanation,
      report: counted.value.report,
    },
  ]);
  expect(page).toContain(
    'Approval: choose any number of the 3 options; the 2 options with the most votes win.',
  );
  expect(page).toContain('<ol><li>Cy</li><li>Ann</li></ol>');
  expect(page).toContain('<a href="q.explain">');
  expect(page).not.toContain('q.blt');
});
