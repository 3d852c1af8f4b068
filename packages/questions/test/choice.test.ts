import { describe, expect, it } from '@jest/globals';
import { parseChoice, parseWeight, type Question } from '../src/index.js';
import { motion } from './helpers.js';

const options = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
];
const approval: Question = { kind: 'approval', id: 'q', title: 'Q', options };
const one: Question = { kind: 'choose-one', id: 'q', title: 'Q', options };
const code = (q: Question, raw: unknown): string | undefined => {
  const r = parseChoice(q, raw);
  return r.ok ? undefined : r.error.code;
};

describe('parseChoice', () => {
  it('reads a motion answer as option positions, abstain as none', () => {
    expect(parseChoice(motion('simple'), 'yes')).toEqual({ ok: true, value: [0] });
    expect(parseChoice(motion('simple'), 'abstain')).toEqual({ ok: true, value: [] });
    for (const raw of ['Yes', '', null, undefined, 1, ['yes']])
      expect(code(motion('simple'), raw)).toBe('unknown-answer');
  });

  it('gives each approval problem its own code', () => {
    expect(parseChoice(approval, ['b', 'a'])).toEqual({ ok: true, value: [1, 0] });
    expect(code(approval, 'a')).toBe('not-a-list');
    expect(code(approval, ['a', 'c'])).toBe('unknown-option');
    expect(code(approval, ['a', 'a'])).toBe('duplicate-option');
    expect(code(approval, [{ id: 'a' }])).toBe('not-an-option');
  });

  it('allows one option or null for choose-one', () => {
    expect(parseChoice(one, 'b')).toEqual({ ok: true, value: [1] });
    expect(parseChoice(one, null)).toEqual({ ok: true, value: [] });
    expect(code(one, ['a', 'b'])).toBe('too-many-choices');
    expect(code(one, 'c')).toBe('unknown-option');
    expect(code(one, 3)).toBe('not-an-option');
  });

  it('accepts only positive bigint weights', () => {
    expect(parseWeight(undefined)).toEqual({ ok: true, value: 1n });
    expect(parseWeight(4n)).toEqual({ ok: true, value: 4n });
    for (const w of [0n, -1n, 2, '2']) expect(parseWeight(w).ok).toBe(false);
  });
});
