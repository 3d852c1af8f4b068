import { describe, expect, it } from '@jest/globals';
import type { YesNoReport } from '../src/index.js';
import { countError, counted, motion, motionBallots } from './helpers.js';

const count = (...args: Parameters<typeof counted>): YesNoReport => counted(...args) as YesNoReport;

describe('two-thirds', () => {
  it('carries at exactly two thirds of the votes for and against', () => {
    const r = count(motion('two-thirds'), motionBallots(40, 20));
    expect(r.carried).toBe(true);
    expect(r.threshold).toMatchObject({ comparison: 'at-least', baseVotes: '60', votes: '40', needed: '40' });
  });

  it('fails one vote short of two thirds, either way', () => {
    expect(count(motion('two-thirds'), motionBallots(39, 20)).carried).toBe(false); // 39/59 < 2/3
    expect(count(motion('two-thirds'), motionBallots(40, 21)).carried).toBe(false); // 40/61 < 2/3
  });

  it('rounds the votes needed up when two thirds is not whole', () => {
    const r = count(motion('two-thirds'), motionBallots(41, 20)); // 2/3 of 61 = 40.67
    expect(r.threshold.needed).toBe('41');
    expect(r.carried).toBe(true);
  });

  it('leaves abstentions out of the base by default', () => {
    const r = count(motion('two-thirds'), motionBallots(40, 20, 30));
    expect(r.carried).toBe(true);
    expect(r.threshold.base).toBe('for-and-against');
    expect(r.abstained).toBe('30');
  });

  it('counts abstentions in the base when configured, so they weigh like votes against', () => {
    const r = count(motion('two-thirds', { abstentions: 'included' }), motionBallots(40, 20, 30));
    expect(r.carried).toBe(false);
    expect(r.threshold).toMatchObject({ base: 'valid-votes', baseVotes: '90', needed: '60' });
    expect(count(motion('two-thirds', { abstentions: 'included' }), motionBallots(60, 20, 10)).carried).toBe(
      true,
    );
  });
});

describe('simple majority', () => {
  it('fails at exactly half and carries with one more yes than no', () => {
    expect(count(motion('simple'), motionBallots(30, 30)).carried).toBe(false);
    const r = count(motion('simple'), motionBallots(31, 30, 5));
    expect(r.carried).toBe(true);
    expect(r.threshold).toMatchObject({ comparison: 'more-than', needed: '31', baseVotes: '61' });
  });

  it('is not carried when everyone abstains', () => {
    for (const majority of ['simple', 'two-thirds'] as const) {
      const r = count(motion(majority), motionBallots(0, 0, 7));
      expect(r.carried).toBe(false);
      expect(r.threshold.baseVotes).toBe('0');
    }
  });
});

describe('of-eligible', () => {
  it('needs more than half of the eligible roll, abstentions and non-voters counting against', () => {
    expect(count(motion('of-eligible'), motionBallots(50, 0, 10), { eligible: 100n }).carried).toBe(false);
    const r = count(motion('of-eligible'), motionBallots(51, 0, 10), { eligible: 100n });
    expect(r.carried).toBe(true);
    expect(r.threshold).toMatchObject({ base: 'eligible', baseVotes: '100', needed: '51' });
  });

  it('handles an odd roll exactly', () => {
    expect(count(motion('of-eligible'), motionBallots(50, 1), { eligible: 101n }).carried).toBe(false);
    expect(count(motion('of-eligible'), motionBallots(51, 1), { eligible: 101n }).carried).toBe(true);
  });

  it('refuses to count without the roll, or with more votes than the roll', () => {
    const noRoll = countError(motion('of-eligible'), motionBallots(1, 0));
    expect(noRoll).toBe('eligible');
    expect(countError(motion('simple'), motionBallots(3, 0), { eligible: 2n })).toBe('eligible');
  });
});

describe('weights', () => {
  it('counts a delegate of weight 3 as three votes', () => {
    const r = count(motion('two-thirds'), [
      { choice: 'yes', weight: 3n },
      { choice: 'no', weight: 1n },
      { choice: 'no', weight: 1n },
    ]);
    expect(r.totals.map((t) => t.votes)).toEqual(['3', '2']);
    expect(r.carried).toBe(false); // 3/5 < 2/3
  });

  it('counts a ballot with a weight that is not a positive whole number as one invalid ballot', () => {
    const r = count(motion('simple'), [
      { choice: 'yes', weight: 0n },
      { choice: 'yes', weight: -2n },
      { choice: 'no' },
    ]);
    expect(r.turnout).toMatchObject({
      received: '3',
      valid: '1',
      invalid: '2',
      invalidByCode: { weight: '2' },
    });
  });
});
