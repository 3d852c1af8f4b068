import {
  count,
  forcedExclusion,
  mayElect,
  parseBlt,
  protectedFromExclusion,
  StvInputError,
  type CandidateId,
  type Constraint,
  type Election,
  type RuleName,
} from '../src/index.js';
import { names } from './support/compare.js';

/** A BLT election with one attribute per candidate. */
function election(blt: string, attribute: string, values: string[]): Election {
  const e = parseBlt(blt);
  return {
    ...e,
    candidates: e.candidates.map((c, i) => ({ ...c, attributes: { [attribute]: values[i] ?? '' } })),
  };
}

// 3 seats; the women D and E trail. Unconstrained: A, C, B (no woman). Quota 26 (Droop).
const MEN_SWEEP = election(
  '5 3\n30 1 0\n25 2 0\n20 3 0\n15 4 0\n10 5 3 0\n0\n"A"\n"B"\n"C"\n"D"\n"E"\n"Sweep"\n',
  'gender',
  ['man', 'man', 'man', 'woman', 'woman'],
);

// 2 seats; A and B (both red) reach the quota at once. Unconstrained: A, B.
const RED_PAIR = election('3 2\n40 1 2 0\n35 2 0\n25 3 0\n0\n"A"\n"B"\n"C"\n"Pair"\n', 'party', [
  'red',
  'red',
  'blue',
]);

// With a quota of exactly 25.00, ERS97 (5.1.6) also elects B (25) at the first stage; the integer quota
// of the others (26) does not. So the man excluded by the constraint differs: B for those, C for ERS97.
const RULES: [RuleName, string[], number][] = [
  ['scottish', ['A', 'C', 'D'], 1],
  ['wigm', ['A', 'C', 'D'], 1],
  ['ers97', ['A', 'B', 'D'], 2],
];

describe.each(RULES)('%s: constraints change the result', (rule, womanWinners, manExcluded) => {
  test('without a minimum, three men win', () => {
    expect(names(count(MEN_SWEEP, { rule }), count(MEN_SWEEP, { rule }).elected).sort()).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  test('gender=woman>=1: once the last seat is the one women still need, the men still in the count are excluded', () => {
    const report = count(MEN_SWEEP, { rule, constraints: [{ attribute: 'gender', value: 'woman', min: 1 }] });
    expect(names(report, report.elected).sort()).toEqual(womanWinners);
    const stage = report.stages.find((s) => s.action.kind === 'constraint');
    expect(stage?.action).toMatchObject({ kind: 'constraint', candidates: [manExcluded] });
    expect(stage?.excluded).toEqual([{ candidate: manExcluded, reason: 'constraint' }]);
  });

  test('without a maximum, both reds win', () => {
    const report = count(RED_PAIR, { rule });
    expect(names(report, report.elected)).toEqual(['A', 'B']);
  });

  test('party=red<=1: the second red reaching the quota is passed over and excluded', () => {
    const report = count(RED_PAIR, { rule, constraints: [{ attribute: 'party', value: 'red', max: 1 }] });
    expect(names(report, report.elected)).toEqual(['A', 'C']);
    expect(report.stages[0]?.elected.map((e) => e.candidate)).toEqual([0]);
    expect(report.stages[1]?.action).toMatchObject({ kind: 'constraint', candidates: [1] });
  });

  test('gender=woman>=2: after A, both remaining seats go to the two trailing women', () => {
    const report = count(MEN_SWEEP, { rule, constraints: [{ attribute: 'gender', value: 'woman', min: 2 }] });
    expect(names(report, report.elected).sort()).toEqual(['A', 'D', 'E']);
  });
});

describe('impossible constraints are input errors', () => {
  const cases: [string, Constraint][] = [
    ['more women required than stand', { attribute: 'gender', value: 'woman', min: 3 }],
    ['minimum above maximum', { attribute: 'gender', value: 'woman', min: 2, max: 1 }],
    ['no bound', { attribute: 'gender', value: 'woman' }],
    ['a maximum that leaves seats unfillable', { attribute: 'gender', value: 'man', max: 0 }],
  ];
  test.each(cases)('%s', (_name, constraint) => {
    expect(() => count(MEN_SWEEP, { rule: 'scottish', constraints: [constraint] })).toThrow(StvInputError);
  });
});

describe('the pure constraint functions (also used by Meek)', () => {
  const women = { attribute: 'gender', value: 'woman', min: 1 };
  const ids = (...xs: number[]): CandidateId[] => xs as CandidateId[];
  const view = (elected: number[], continuing: number[], seatsLeft: number) => ({
    candidates: MEN_SWEEP.candidates,
    elected: ids(...elected),
    continuing: ids(...continuing),
    seatsLeft,
  });

  test('the last woman standing is protected from exclusion as the lowest; not while two stand', () => {
    expect(protectedFromExclusion(view([0], [1, 2, 3], 2), 3 as CandidateId, [women])).toBe(true);
    expect(protectedFromExclusion(view([0], [1, 2, 3, 4], 2), 3 as CandidateId, [women])).toBe(false);
    expect(protectedFromExclusion(view([3], [1, 2, 4], 2), 4 as CandidateId, [women])).toBe(false);
  });

  test('mayElect refuses a man for the seat a woman still needs; forcedExclusion names the men', () => {
    expect(mayElect(view([0, 1], [2, 3], 1), 2 as CandidateId, [women])).toEqual({
      allowed: false,
      constraint: women,
    });
    expect(mayElect(view([0, 1], [2, 3], 1), 3 as CandidateId, [women])).toEqual({ allowed: true });
    expect(forcedExclusion(view([0, 1], [2, 3, 4], 1), [women])?.candidates).toEqual([2]);
    expect(forcedExclusion(view([0], [1, 2, 3], 2), [women])).toBeNull();
  });
});
