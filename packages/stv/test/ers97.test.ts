// ERS97 worked examples. There is no official ERS97 count with ballots in /work/shared/elections, so each
// expected figure below is worked by hand from the ERS97 text (section 5) in the comments.
import { count, parseBlt, renderExplanation, type Report } from '../src/index.js';
import { names } from './support/compare.js';

const blt = (header: string, ballots: string[], candidates: string[]): string =>
  `${header}\n${ballots.join(' 0\n')} 0\n0\n${candidates.map((c) => `"${c}"`).join('\n')}\n"ERS97 example"\n`;

const totals = (report: Report, stage: number): Record<string, string> =>
  Object.fromEntries(report.candidates.map((c, i) => [c.name, report.stages[stage - 1]!.votes[i]!]));

describe('ERS97: quota (5.1.6)', () => {
  test.each([
    [40, 3, '10.00'], // 40 ÷ 4 = 10 exactly
    [20, 2, '6.67'], // 6.666… → 6.66 + 0.01
    [129549, 9, '12954.90'], // 2020 Labour NEC: published quota 12,954.9 for 9 seats
  ])('%i votes, %i seats: %s', (votes, seats, quota) => {
    const text = blt(
      `${seats + 1} ${seats}`,
      [`${votes} 1`],
      Array.from({ length: seats + 1 }, (_, i) => `C${i}`),
    );
    expect(count(parseBlt(text), { rule: 'ers97' }).quota).toBe(quota);
  });
});

describe('ERS97: deferred surplus, then a surplus from the last batch only (5.2.2, 5.3.2, 5.3.7)', () => {
  // 3 seats, 40 votes, quota 10.00. First preferences: A 7, B 12, C 6, D 5, E 3, F 7.
  const report = count(
    parseBlt(blt('6 3', ['7 1 5', '12 2', '6 3 1 4', '5 4', '3 5 4', '7 6'], ['A', 'B', 'C', 'D', 'E', 'F'])),
    { rule: 'ers97' },
  );

  test('stage 1: B elected with a surplus of 2.00', () => {
    expect(report.quota).toBe('10.00');
    expect(report.stages[0]!.elected).toEqual([{ candidate: 1, reason: 'quota' }]);
  });

  test('stage 2: the surplus (2.00) does not exceed the gap between the two lowest (E 3, D 5): deferred, E excluded', () => {
    expect(report.stages[1]!.action).toEqual({ kind: 'exclusion', candidates: [4], transferValue: '1.00' });
    expect(totals(report, 2)).toMatchObject({ B: '12.00', D: '8.00', E: '0.00' });
  });

  test('stage 3: now the gap (C 6, A 7) is smaller, so B’s surplus goes: no next preferences, all non-transferable', () => {
    expect(report.stages[2]!.action).toMatchObject({ kind: 'surplus', candidate: 1, surplus: '2.00' });
    expect(report.stages[2]!.nonTransferable).toBe('2.00');
    expect(totals(report, 3)).toMatchObject({ B: '10.00' });
  });

  test('stage 4: C excluded, A reaches 13.00', () => {
    expect(report.stages[3]!.action).toMatchObject({ kind: 'exclusion', candidates: [2] });
    expect(totals(report, 4)).toMatchObject({ A: '13.00', C: '0.00' });
    expect(report.stages[3]!.elected).toEqual([{ candidate: 0, reason: 'quota' }]);
  });

  test('stage 5: only A’s last batch (the 6 papers from C) is examined: 3.00 ÷ 6 = 0.50 each, D reaches 11.00', () => {
    // Inclusive Gregory would spread 3.00 over all 13 papers, giving D only 1.38.
    expect(report.stages[4]!.action).toEqual({
      kind: 'surplus',
      candidate: 0,
      surplus: '3.00',
      transferValue: '0.50',
    });
    expect(totals(report, 5)).toMatchObject({ A: '10.00', D: '11.00', F: '7.00' });
    expect(names(report, report.elected)).toEqual(['B', 'A', 'D']);
  });
});

describe('ERS97: bulk exclusion (5.2.5) and deferral (5.2.2)', () => {
  // 2 seats, 20 votes, quota 6.67. First preferences: A 5, B 5, C 1, D 2, E 4, F 3.
  const report = count(
    parseBlt(blt('6 2', ['5 1', '5 2', '1 3 1', '2 4 2', '4 5', '3 6 5'], ['A', 'B', 'C', 'D', 'E', 'F'])),
    { rule: 'ers97' },
  );

  test('stage 2: C and D (1 + 2 = 3, not above F’s 3) are excluded together; B reaches 7.00', () => {
    expect(report.stages[1]!.action).toMatchObject({ kind: 'exclusion', candidates: [2, 3] });
    expect(report.stages[1]!.excluded).toEqual([
      { candidate: 2, reason: 'bulk' },
      { candidate: 3, reason: 'bulk' },
    ]);
    expect(totals(report, 2)).toMatchObject({ A: '6.00', B: '7.00' });
  });

  test('stage 3: B’s surplus 0.33 is under the gap F 3 → E 4, so it is deferred and F is excluded; E is elected', () => {
    expect(report.stages[2]!.action).toMatchObject({ kind: 'exclusion', candidates: [5] });
    expect(totals(report, 3)).toMatchObject({ E: '7.00', B: '7.00' });
    expect(names(report, report.elected)).toEqual(['B', 'E']);
    expect(report.stages).toHaveLength(3);
  });
});

describe('ERS97: the last place by the active vote (5.3.13(b)), a tie decided at the first stage (5.6.2)', () => {
  // 2 seats, 30 votes, quota 10.00. First preferences A 9, B 7, C 6, D 5, E 3.
  const report = count(
    parseBlt(blt('5 2', ['9 1 4', '7 2', '6 3 1', '5 4 2', '3 5 3'], ['A', 'B', 'C', 'D', 'E'])),
    {
      rule: 'ers97',
    },
  );

  test('E out (C 9.00), D out (B 12.00, elected), B’s surplus from D’s papers is non-transferable', () => {
    expect(report.stages.map((s) => s.action.kind)).toEqual([
      'first-preferences',
      'exclusion',
      'exclusion',
      'surplus',
    ]);
    expect(totals(report, 3)).toMatchObject({ A: '9.00', B: '12.00', C: '9.00' });
    expect(report.stages[3]!.nonTransferable).toBe('2.00');
  });

  test('active vote 30 − 2.00 − 10.00 = 18.00 over 2 leaves 9.00: A and C both reach it; A led at stage 1', () => {
    const last = report.stages[3]!;
    expect(last.ties).toEqual([
      { purpose: 'election', between: [0, 2], method: 'earlier-stage', stage: 1, chosen: 0 },
    ]);
    expect(last.elected).toEqual([{ candidate: 0, reason: 'threshold' }]);
    expect(names(report, report.elected)).toEqual(['B', 'A']);
  });
});

describe('ERS97: an excluded candidate’s papers go in batches, highest value first (5.4)', () => {
  // 2 seats, 27 votes, quota 9.00. First preferences A 13, B 2, C 5, D 6, E 1.
  const report = count(
    parseBlt(blt('5 2', ['13 1 2', '2 2 3', '5 3', '6 4', '1 5 3'], ['A', 'B', 'C', 'D', 'E'])),
    {
      rule: 'ers97',
    },
  );

  test('stage 2: A’s surplus 4.00 over 13 papers: 0.30 each (0.307… cut), 0.10 lost to the remainder', () => {
    expect(report.stages[1]!.action).toMatchObject({ surplus: '4.00', transferValue: '0.30' });
    expect(totals(report, 2)).toMatchObject({ A: '9.00', B: '5.90' });
    expect(report.stages[1]!.roundingLoss).toBe('0.10');
  });

  test('B excluded at stage 4: first the 2 papers at 1.00 (to C), then at stage 5 the 13 papers at 0.30', () => {
    expect(report.stages[3]!.action).toEqual({ kind: 'exclusion', candidates: [1], transferValue: '1.00' });
    expect(totals(report, 4)).toMatchObject({ B: '3.90', C: '8.00' });
    expect(report.stages[4]!.action).toEqual({ kind: 'exclusion', candidates: [1], transferValue: '0.30' });
    expect(report.stages[4]!.nonTransferable).toBe('3.90');
  });

  test('after the last batch the active vote is 27 − 4.00 − 9.00 = 14.00; C’s 8.00 passes 14.00 ÷ 2: elected', () => {
    expect(report.stages[4]!.elected).toEqual([{ candidate: 2, reason: 'threshold' }]);
    expect(names(report, report.elected)).toEqual(['A', 'C']);
    expect(report.stages).toHaveLength(5);
  });
});

describe('ERS97: the quota is recalculated when papers become non-transferable before anyone is elected (5.4.8)', () => {
  // 2 seats, 16 votes, quota 5.34. First preferences A 5, B 5, C 4, D 2 (D's papers go no further).
  const report = count(parseBlt(blt('4 2', ['5 1', '5 2', '4 3', '2 4'], ['A', 'B', 'C', 'D'])), {
    rule: 'ers97',
  });

  test('D excluded: 2.00 non-transferable, quota (16 − 2) ÷ 3 = 4.67, and A and B now have it', () => {
    expect(report.quota).toBe('5.34');
    expect(report.stages[1]!.nonTransferable).toBe('2.00');
    expect(report.stages[1]!.quota).toBe('4.67');
    expect(report.stages[1]!.elected.map((e) => e.candidate).sort()).toEqual([0, 1]);
    expect(report.stages).toHaveLength(2);
  });
});

describe('ERS97: election on the lower threshold for the last place (5.1.7(b), 5.6.1)', () => {
  // 2 seats, 10 votes, quota 3.34. A 5 (no further preferences), B 3, C 2. A's surplus of 1.66 is
  // non-transferable; the active vote is then 10 − 1.66 − 3.34 = 5.00, and 5.00 ÷ (1 place + 1) = 2.50 < 3.34:
  // B (3.00) is elected on that threshold, below the quota.
  const report = count(parseBlt(blt('3 2', ['5 1', '3 2', '2 3'], ['A', 'B', 'C'])), { rule: 'ers97' });

  test('B is elected at stage 2 on the threshold, and the reason says so', () => {
    expect(report.quota).toBe('3.34');
    expect(report.stages[0]!.elected).toEqual([{ candidate: 0, reason: 'quota' }]);
    expect(report.stages[1]!.elected).toEqual([{ candidate: 1, reason: 'threshold' }]);
    expect(names(report, report.elected)).toEqual(['A', 'B']);
  });

  test('the explanation does not claim B reached the quota', () => {
    const text = renderExplanation(report);
    expect(text).toMatch(/B \(3\.00\) reached the lower threshold for the last places/);
    expect(text).not.toMatch(/B \(3\.00\) reached the quota/);
  });
});
