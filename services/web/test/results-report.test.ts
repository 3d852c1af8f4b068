// The results page's readings of a count report, without a browser: exact decimal sums, what moved at a stage,
// winners with their stage and why, and the explanation split by stage.
import {
  electedBecause,
  explanationParagraphs,
  movements,
  outcomes,
  stageTotal,
  subtractDecimals,
  sumDecimals,
  winners,
  type CountReport,
  type ReportStage,
} from '../src/components/results-report.js';

const stage = (n: number, votes: Record<string, string>, extra: Partial<ReportStage> = {}): ReportStage => ({
  number: n,
  summary: n === 1 ? 'First preferences' : `Stage ${n}`,
  action: { kind: n === 1 ? 'first-preferences' : 'exclusion' },
  votes,
  transferred: Object.fromEntries(Object.keys(votes).map((k) => [k, '0.00'])),
  nonTransferable: '0.00',
  roundingLoss: '0.00',
  quota: '3.34',
  elected: [],
  excluded: [],
  ties: [],
  ...extra,
});

// Two seats: A elected on the quota at stage 1, C excluded at 2, B elected below the quota.
const report: CountReport = {
  title: 'Test',
  rule: 'ers97',
  parameters: {},
  seats: 2,
  validVotes: '10.00',
  quota: '3.34',
  seed: null,
  candidates: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
  withdrawn: [],
  constraints: [],
  elected: ['A', 'B'],
  stages: [
    stage(1, { A: '5.00', B: '3.00', C: '2.00' }, { elected: [{ candidate: 'A', reason: 'quota' }] }),
    stage(
      2,
      { A: '5.00', B: '3.25', C: '0.00' },
      {
        transferred: { A: '0.00', B: '0.25', C: '-2.00' },
        nonTransferable: '1.74',
        roundingLoss: '0.01',
        excluded: [{ candidate: 'C', reason: 'lowest' }],
        elected: [{ candidate: 'B', reason: 'threshold' }],
      },
    ),
  ],
};

test('decimal strings add and subtract exactly, at the widest precision', () => {
  expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
  expect(sumDecimals(['1062.72107', '-353.00000', '0.1'])).toBe('709.82107');
  expect(sumDecimals(['-0.5', '0.25'])).toBe('-0.25');
  expect(sumDecimals([])).toBe('0');
  expect(subtractDecimals('1.74', '0.00')).toBe('1.74');
  expect(subtractDecimals('3', '-2.5')).toBe('5.5');
  expect(subtractDecimals('0.01', '0.02')).toBe('-0.01');
});

test('every stage column adds up to the valid vote', () => {
  for (const s of report.stages) expect(stageTotal(report, s)).toBe(report.validVotes);
});

test('what moved at a stage: before, change and after for each candidate and the non-transferable pile', () => {
  expect(movements(report, 0)).toEqual([
    { label: 'A', before: '0', change: '5.00', after: '5.00' },
    { label: 'B', before: '0', change: '3.00', after: '3.00' },
    { label: 'C', before: '0', change: '2.00', after: '2.00' },
    { label: 'Non-transferable', before: '0', change: '0.00', after: '0.00' },
  ]);
  expect(movements(report, 1).slice(1)).toEqual([
    { label: 'B', before: '3.00', change: '0.25', after: '3.25' },
    { label: 'C', before: '2.00', change: '-2.00', after: '0.00' },
    { label: 'Non-transferable', before: '0.00', change: '1.74', after: '1.74' },
  ]);
  expect(movements(report, 2)).toEqual([]);
});

test('winners in order of election with their stage; below the quota the lower threshold is named', () => {
  const [a, b] = winners(report);
  expect(a).toEqual({ name: 'A', stage: 1, reason: 'quota', votes: '5.00', quota: '3.34' });
  expect(electedBecause(a!)).toBe('reached the quota');
  expect(b).toMatchObject({ name: 'B', stage: 2, votes: '3.25' });
  expect(electedBecause(b!)).toMatch(/^reached the lower threshold .* below the quota$/);
  expect(electedBecause({ reason: 'remaining-seats' })).toBe('filled a remaining seat');
  expect([...outcomes(report)]).toEqual([
    ['A', 'Elected at stage 1'],
    ['B', 'Elected at stage 2'],
    ['C', 'Excluded at stage 2'],
  ]);
});

test('the explanation splits into stage paragraphs and the result', () => {
  const text =
    'Test\n\nStage 1: The first preferences\nwere counted.\n\nStage 2: C was excluded.\n\nResult: A and B are elected.\n';
  const { stages, result } = explanationParagraphs(text);
  expect([...stages]).toEqual([
    [1, 'The first preferences\nwere counted.'],
    [2, 'C was excluded.'],
  ]);
  expect(result).toBe('Result: A and B are elected.');
});
