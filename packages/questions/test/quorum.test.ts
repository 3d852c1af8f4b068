import { describe, expect, it } from '@jest/globals';
import { countError, counted, motion, motionBallots, ballots } from './helpers.js';

describe('quorum', () => {
  const q50 = motion('simple', { quorum: { kind: 'weight', weight: 50n } });

  it('is not carried below an absolute quorum, however the votes went', () => {
    const r = counted(q50, motionBallots(49, 0));
    expect(r.quorum).toMatchObject({ required: '50', turnout: '49', reached: false });
    expect(r.carried).toBe(false);
  });

  it('is reached exactly at the quorum, abstentions and invalid ballots counting as turnout', () => {
    const r = counted(q50, [...motionBallots(30, 10, 8), ...ballots(['perhaps', 2])]);
    expect(r.quorum).toMatchObject({ turnout: '50', reached: true });
    expect(r.turnout.invalidByCode).toEqual({ 'unknown-answer': '2' });
    expect(r.carried).toBe(true);
  });

  it('takes a fractional quorum of the eligible weight, reached when equal', () => {
    const third = motion('simple', {
      quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 3 },
    });
    const short = counted(third, motionBallots(29, 0), { eligible: 90n });
    expect(short.quorum).toMatchObject({ required: '30', reached: false });
    expect(short.carried).toBe(false);
    expect(counted(third, motionBallots(20, 10), { eligible: 90n }).quorum?.reached).toBe(true);
    expect(counted(third, motionBallots(20, 10), { eligible: 91n }).quorum).toMatchObject({
      required: '31',
      reached: false,
    });
  });

  it('withholds approval winners and a choose-one winner when not reached', () => {
    const options = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    const quorum = { kind: 'weight', weight: 10n } as const;
    const approval = counted(
      { kind: 'approval', id: 'q', title: 'Q', options, winners: 1, quorum },
      ballots([['a'], 3]),
    );
    expect(approval).toMatchObject({ winners: [], carried: false });
    const one = counted({ kind: 'choose-one', id: 'q', title: 'Q', options, quorum }, ballots(['a', 3]));
    expect(one).toMatchObject({ winner: null, carried: false });
  });

  it('refuses impossible quorums and a fractional quorum without the roll', () => {
    const fraction = (numerator: number, denominator: number) =>
      motion('simple', { quorum: { kind: 'fraction-of-eligible', numerator, denominator } });
    expect(countError(fraction(1, 3), motionBallots(1, 0))).toBe('eligible');
    expect(countError(fraction(4, 3), motionBallots(1, 0), { eligible: 9n })).toBe('quorum');
    expect(countError(fraction(0, 3), motionBallots(1, 0), { eligible: 9n })).toBe('quorum');
    expect(countError(motion('simple', { quorum: { kind: 'weight', weight: 0n } }), [])).toBe('quorum');
  });
});
