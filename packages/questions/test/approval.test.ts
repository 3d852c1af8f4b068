import { describe, expect, it } from '@jest/globals';
import type { ApprovalQuestion, ApprovalReport } from '../src/index.js';
import { ballots, counted, countError, ticket } from './helpers.js';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
const question = (extra: Partial<ApprovalQuestion> = {}): ApprovalQuestion => ({
  kind: 'approval',
  id: 'steer',
  title: 'Steering committee',
  options,
  ...extra,
});
const count = (...args: Parameters<typeof counted>): ApprovalReport => counted(...args) as ApprovalReport;

describe('approval', () => {
  it('reports totals, with empty lists as abstentions and bad lists invalid by code', () => {
    const r = count(
      question(),
      ballots([['a', 'b'], 3], [['b'], 2], [[], 1], [['a', 'a'], 1], [['e'], 1], ['a', 1], [[7], 1]),
    );
    expect(r.totals.map((t) => t.votes)).toEqual(['3', '5', '0', '0']);
    expect(r.abstained).toBe('1');
    expect(r.turnout).toMatchObject({ received: '10', valid: '6', invalid: '4' });
    expect(r.turnout.invalidByCode).toEqual({
      'duplicate-option': '1',
      'unknown-option': '1',
      'not-a-list': '1',
      'not-an-option': '1',
    });
    expect(r).toMatchObject({ winnersWanted: null, winners: [], carried: true, seed: null });
  });

  it('chooses the highest totals without a lot when the tie is not across the cut', () => {
    const r = count(question({ winners: 2 }), ballots([['a', 'b'], 5], [['c'], 1]));
    expect(r).toMatchObject({ winners: ['a', 'b'], lots: [], seed: null });
  });

  it('settles a tie across the cut by the published lot, recomputable with sha256', () => {
    const seed = 'agm-2026-11-21';
    const r = count(question({ winners: 2 }), ballots([['a', 'b', 'c'], 3], [['a'], 2], [['d'], 1]), {
      seed,
    });
    const tickets = [ticket(seed, 2), ticket(seed, 3)]; // b and c are options 2 and 3
    const drawn = tickets[0]! < tickets[1]! ? 'b' : 'c';
    expect(r.lots).toEqual([{ between: ['b', 'c'], places: 1, tickets, chosen: [drawn] }]);
    expect(r.winners).toEqual(['a', drawn]);
    expect(r.seed).toBe(seed);
  });

  it('draws from a default seed made of the totals when none is published', () => {
    const r = count(question({ winners: 1 }), ballots([['a', 'b'], 2]));
    expect(r.seed).toBe('totals:steer:2,2,0,0');
    expect(r.lots[0]?.tickets).toEqual([
      ticket('totals:steer:2,2,0,0', 1),
      ticket('totals:steer:2,2,0,0', 2),
    ]);
  });

  it('never chooses an option nobody approved', () => {
    const r = count(question({ winners: 3 }), ballots([['a'], 2], [['b'], 1]));
    expect(r).toMatchObject({ winners: ['a', 'b'], carried: true });
  });

  it('refuses a winners count outside 1..options and duplicate option ids', () => {
    expect(countError(question({ winners: 5 }), [])).toBe('winners');
    expect(countError(question({ winners: 0 }), [])).toBe('winners');
    expect(countError(question({ options: [...options, { id: 'a', name: 'again' }] }), [])).toBe('options');
  });
});
