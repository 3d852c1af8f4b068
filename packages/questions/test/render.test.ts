import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  percent,
  renderQuestionExplanation,
  renderQuestionJson,
  renderQuestionText,
  type ApprovalQuestion,
} from '../src/index.js';
import { ballots, counted, motion, motionBallots } from './helpers.js';

describe('renderQuestionExplanation', () => {
  it('says why a motion carried, with the abstentions left out', () => {
    const r = counted(motion('two-thirds'), [...motionBallots(41, 19, 12), ...ballots(['maybe', 2])]);
    expect(renderQuestionExplanation(r)).toBe(
      'Motion 1\nCarried: 41 of the 60 votes for and against (68.3 %) were for; at least two thirds, 40 votes, ' +
        'were needed; 12 votes were abstentions and are not counted. 2 votes on invalid ballots were not counted.\n',
    );
  });

  it('says a motion at exactly half is not carried, and when the quorum failed', () => {
    const half = renderQuestionExplanation(counted(motion('simple'), motionBallots(30, 30)));
    expect(half).toContain(
      'Not carried: 30 of the 60 votes for and against (50.0 %) were for; more than half, 31 votes',
    );
    const quorum = counted(
      motion('simple', { quorum: { kind: 'weight', weight: 100n } }),
      motionBallots(60, 1),
    );
    expect(renderQuestionExplanation(quorum)).toContain('Not carried (quorum not reached)');
    expect(renderQuestionExplanation(quorum)).toContain(
      'The quorum (at least 100 votes) was not reached: 61 voted',
    );
  });

  it('names approval winners and the lot', () => {
    const q: ApprovalQuestion = {
      kind: 'approval',
      id: 'a',
      title: 'Delegates',
      options: ['ann', 'bob', 'cy'].map((id) => ({ id, name: id })),
      winners: 1,
    };
    const r = counted(q, ballots([['ann', 'bob'], 3], [[], 1]), { seed: 'x' });
    const text = renderQuestionExplanation(r);
    expect(text).toContain('ann 3 (75.0 %), bob 3 (75.0 %), cy 0 (0.0 %)');
    expect(text).toContain(
      `ann and bob were tied for one place; the lot drawn from the seed "x" chose ${r.lots[0]?.chosen[0]}.`,
    );
  });
});

describe('renderQuestionText', () => {
  it('lines up the votes and states the threshold, quorum and result', () => {
    const q = motion('two-thirds', {
      quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 2 },
    });
    const text = renderQuestionText(counted(q, motionBallots(1000, 7, 3), { eligible: 2000n }));
    const rows = text.split('\n').filter((l) => /^(Yes|No|Abstain|Invalid) /.test(l));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((l) => l.search(/\d+(\s|$)/) + (l.match(/\d+/)?.[0].length ?? 0))).size).toBe(1);
    expect(text).toContain('Quorum: at least half of the 2000 eligible votes (1000) — reached, turnout 1010');
    expect(text).toContain(
      'Threshold: at least two thirds of the votes for and against (1007): 672 needed, 1000 had — met',
    );
    expect(text.endsWith('Result: carried\n')).toBe(true);
  });
});

describe('renderQuestionJson', () => {
  it('is the report itself as JSON (every figure a string)', () => {
    const r = counted(motion('simple'), [{ choice: 'yes', weight: 12345678901234567890n }, { choice: 'no' }]);
    expect(JSON.parse(renderQuestionJson(r))).toEqual(r);
    expect(r.totals[0]?.votes).toBe('12345678901234567890');
  });
});

describe('percent', () => {
  it('rounds half up to one place', () => {
    expect([
      percent(1n, 8n),
      percent(1n, 16n),
      percent(2n, 3n),
      percent(1n, 2000n),
      percent(1n, 2001n),
    ]).toEqual(['12.5', '6.3', '66.7', '0.1', '0.0']);
    expect(percent(0n, 0n)).toBeNull();
  });

  it('is the nearest tenth, ties up', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (whole, p) => {
          const part = p % (whole + 1n);
          const [units = '', tenth = ''] = (percent(part, whole) ?? '').split('.');
          const shown = BigInt(units) * 10n + BigInt(tenth);
          const error = shown * whole - part * 1000n; // (shown/10 - 100·part/whole) · 10·whole
          expect(2n * error <= whole && -2n * error < whole).toBe(true);
        },
      ),
    );
  });
});

describe('renderQuestionExplanation, abstentions counted', () => {
  it('says abstentions weigh like votes against when the base includes them', () => {
    const r = counted(motion('simple', { abstentions: 'included' }), motionBallots(3, 1, 1));
    expect(renderQuestionExplanation(r)).toContain(
      '3 of the 5 valid votes (60.0 %) were for; more than half, 3 votes, were needed; 1 vote was an abstention, counted in the base (so weighing like a vote against).',
    );
  });
});
