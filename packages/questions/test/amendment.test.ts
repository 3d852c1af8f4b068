import { describe, expect, it } from '@jest/globals';
import { resolveAmendments, type YesNoReport } from '../src/index.js';
import { counted, motion, motionBallots } from './helpers.js';

const vote = (id: string, majority: 'simple' | 'two-thirds', yes: number, no: number): YesNoReport =>
  counted(motion(majority, { id, title: id }), motionBallots(yes, no)) as YesNoReport;

describe('resolveAmendments', () => {
  it('amendment passes, amended proposal fails', () => {
    const amendment = vote('P1-A1', 'simple', 35, 25);
    const proposal = vote('P1', 'two-thirds', 35, 25); // the amended text falls short of two thirds
    const r = resolveAmendments([amendment], proposal);
    expect(r.ok && r.value).toMatchObject({
      adopted: ['P1-A1'],
      rejected: [],
      text: 'amended',
      carried: false,
    });
    expect(r.ok && r.value.words).toBe(
      'Amendment P1-A1 carried. The proposal P1, put to the vote as amended, was not carried.',
    );
  });

  it('a fallen amendment leaves the original text, which can carry', () => {
    const r = resolveAmendments(
      [vote('A1', 'simple', 20, 20), vote('A2', 'simple', 21, 20)],
      vote('P', 'two-thirds', 40, 20),
    );
    expect(r.ok && r.value).toMatchObject({
      adopted: ['A2'],
      rejected: ['A1'],
      text: 'amended',
      carried: true,
    });
    const none = resolveAmendments([vote('A1', 'simple', 20, 20)], vote('P', 'two-thirds', 40, 20));
    expect(none.ok && none.value).toMatchObject({ text: 'original', carried: true });
  });

  it('refuses an amendment with the proposal id or two amendments with one id', () => {
    const p = vote('P', 'simple', 1, 0);
    expect(resolveAmendments([vote('P', 'simple', 1, 0)], p)).toMatchObject({
      ok: false,
      error: { code: 'amendment' },
    });
    expect(resolveAmendments([vote('A', 'simple', 1, 0), vote('A', 'simple', 0, 1)], p).ok).toBe(false);
  });
});
