import { count, parseBlt, StvInputError, type CountOptions, type RuleName } from '../src/index.js';
import { ELECTIONS, readText } from './support/elections.js';
import { names } from './support/compare.js';

const SC = parseBlt(readText(`${ELECTIONS}/droop-reference/blt/SC.blt`));

describe('count() dispatches on the rule', () => {
  test.each<[RuleName, string]>([
    ['scottish', '5'],
    ['wigm', '4'],
    ['ers97', '2'],
    ['meek', '9'],
  ])('%s counts at %s decimals and fills every seat', (rule, precision) => {
    const report = count(SC, { rule, seed: 'published seed' }); // SC has ties that Meek settles by lot
    expect(report.rule).toBe(rule);
    expect(report.elected).toHaveLength(SC.seats);
    expect(report.quota.split('.')[1]).toHaveLength(Number(precision));
  });

  test('--seats overrides the file; a single seat is instant runoff with no special code', () => {
    const report = count(SC, { rule: 'scottish', seats: 1 });
    expect(report.seats).toBe(1);
    expect(names(report, report.elected)).toHaveLength(1);
  });

  test('the lot seed is recorded when given and a lot is drawn', () => {
    const tie = parseBlt('2 1\n3 1 0\n3 2 0\n0\n"A"\n"B"\n"Dead heat"\n');
    const a = count(tie, { rule: 'scottish', seed: 'meeting 2026-11-21' });
    expect(a.seed).toBe('meeting 2026-11-21');
    expect(a.stages.flatMap((s) => s.ties).map((t) => t.method)).toEqual(['lot']);
    expect(count(tie, { rule: 'scottish', seed: 'meeting 2026-11-21' }).elected).toEqual(a.elected);
  });
});

describe('withdrawn candidates', () => {
  const veg = parseBlt(readText(`${ELECTIONS}/stv-rs-meek/ballots/vegetables.blt`));
  test.each<RuleName>(['scottish', 'wigm', 'ers97'])('%s: skipped on every ballot, never elected', (rule) => {
    const report = count(veg, { rule, seed: 'published seed' });
    for (const stage of report.stages)
      for (const c of veg.withdrawn) expect(stage.votes[c]).toMatch(/^0\.0+$/);
    // Banana's 2 voters and Fig's 6 count for their next choices, Cherry and Grape, from the first stage.
    expect(report.stages[0]!.votes[2]).toMatch(/^5\./);
    expect(report.stages[0]!.votes[6]).toMatch(/^13\./);
    expect(report.elected.some((c) => veg.withdrawn.includes(c))).toBe(false);
  });
});

describe('bad options are StvInputError values, never crashes', () => {
  const cases: [string, CountOptions, string][] = [
    ['unknown rule', { rule: 'borda' as RuleName }, 'rule'],
    ['more seats than candidates', { rule: 'scottish', seats: 99 }, 'seats'],
    ['zero seats', { rule: 'wigm', seats: 0 }, 'seats'],
  ];
  test.each(cases)('%s', (_name, options, code) => {
    expect(() => count(SC, options)).toThrow(StvInputError);
    expect(() => count(SC, options)).toThrow(expect.objectContaining({ code }));
  });

  test('equal rankings are refused by the rules that do not define them, counted by Meek', () => {
    const eq = parseBlt(readText(`${ELECTIONS}/droop-reference/blt/meek/eq1.blt`));
    for (const rule of ['scottish', 'wigm', 'ers97'] as const) {
      expect(() => count(eq, { rule })).toThrow(expect.objectContaining({ code: 'unsupported-ranking' }));
    }
    expect(count(eq, { rule: 'meek' }).elected).toHaveLength(2);
  });
});
