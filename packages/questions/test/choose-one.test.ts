import { describe, expect, it } from '@jest/globals';
import type { ChooseOneQuestion, ChooseOneReport } from '../src/index.js';
import { ballots, counted, ticket } from './helpers.js';

const question = (extra: Partial<ChooseOneQuestion> = {}): ChooseOneQuestion => ({
  kind: 'choose-one',
  id: 'venue',
  title: 'Conference venue',
  options: ['x', 'y', 'z'].map((id) => ({ id, name: id.toUpperCase() })),
  ...extra,
});
const count = (...args: Parameters<typeof counted>): ChooseOneReport => counted(...args) as ChooseOneReport;

describe('choose-one', () => {
  it('chooses the plurality winner; null is a blank ballot; two choices are invalid', () => {
    const r = count(question(), ballots(['x', 4], ['y', 3], ['z', 2], [null, 5], [['x', 'y'], 1]));
    expect(r).toMatchObject({ winner: 'x', carried: true, abstained: '5', threshold: null });
    expect(r.turnout.invalidByCode).toEqual({ 'too-many-choices': '1' });
  });

  it('with a majority requirement, exactly half of the votes for options is not enough', () => {
    const half = count(question({ requireMajority: true }), ballots(['x', 5], ['y', 3], ['z', 2], [null, 4]));
    expect(half).toMatchObject({ winner: null, carried: false });
    expect(half.threshold).toMatchObject({ baseVotes: '10', votes: '5', needed: '6', met: false });
    const more = count(question({ requireMajority: true }), ballots(['x', 6], ['y', 3], ['z', 2]));
    expect(more).toMatchObject({ winner: 'x', carried: true });
  });

  it('counts blanks against the majority when abstentions are included', () => {
    const q = question({ requireMajority: true, abstentions: 'included' });
    const r = count(q, ballots(['x', 6], ['y', 3], [null, 4]));
    expect(r.threshold).toMatchObject({ base: 'valid-votes', baseVotes: '13', met: false });
  });

  it('settles a tie for first by lot (without a majority requirement)', () => {
    const r = count(question(), ballots(['x', 3], ['z', 3]), { seed: 's' });
    const drawn = ticket('s', 1) < ticket('s', 3) ? 'x' : 'z';
    expect(r).toMatchObject({ winner: drawn, seed: 's' });
    expect(r.lots[0]).toMatchObject({ between: ['x', 'z'], places: 1 });
  });

  it('chooses no one when no option has a vote', () => {
    expect(count(question(), ballots([null, 2]))).toMatchObject({ winner: null, carried: false, lots: [] });
  });
});
