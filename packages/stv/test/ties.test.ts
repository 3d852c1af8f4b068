import { breakTie, drawLot, lotTicket, type CandidateId, type TieContext } from '../src/index.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const ids = (...xs: number[]): CandidateId[] => xs as CandidateId[];
// Candidates 0 and 1 are tied now (stage 3); they differed at stages 1 and 2 in opposite directions.
const history = [
  [5n, 3n, 9n],
  [4n, 6n, 9n],
  [7n, 7n, 9n],
];
const ctx = (lookback: TieContext['lookback'], tieOrder?: CandidateId[]): TieContext => ({
  history,
  lookback,
  ...(tieOrder ? { tieOrder } : {}),
  seed: () => 'published seed',
  stage: 4,
});

describe('breakTie', () => {
  test('backward (SSI 2007/42 rule 51(2)): the most recent stage where they differed decides', () => {
    expect(breakTie(ids(0, 1), 'lowest', 'exclusion', ctx('backward'))).toEqual({
      chosen: 0,
      record: { purpose: 'exclusion', between: [0, 1], method: 'earlier-stage', stage: 2, chosen: 0 },
    });
    expect(breakTie(ids(0, 1), 'highest', 'surplus-order', ctx('backward')).chosen).toBe(1);
  });

  test('forward (ERS97 5.2.5): the first stage where they differed decides', () => {
    expect(breakTie(ids(0, 1), 'lowest', 'exclusion', ctx('forward')).record).toMatchObject({
      stage: 1,
      chosen: 1,
    });
    expect(breakTie(ids(0, 1), 'highest', 'surplus-order', ctx('forward')).chosen).toBe(0);
  });

  test('none (PRF D.1): the [tie] order, earliest first, whatever the purpose', () => {
    expect(breakTie(ids(0, 1), 'lowest', 'exclusion', ctx('none', ids(1, 0)))).toMatchObject({
      chosen: 1,
      record: { method: 'tie-order' },
    });
  });

  test('no earlier difference and no tie order: a lot, reproducible from the seed', () => {
    const result = breakTie(ids(0, 1), 'lowest', 'exclusion', ctx('none'));
    expect(result.record?.method).toBe('lot');
    expect(result.chosen).toBe(drawLot('published seed', 4, ids(0, 1)));
  });

  test('a single candidate is no tie', () => {
    expect(breakTie(ids(2), 'lowest', 'exclusion', ctx('backward'))).toEqual({ chosen: 2 });
  });
});

describe('lot', () => {
  test('a ticket is SHA-256 of "openslate-lot-v1\\n<seed>\\n<stage>\\n<candidate number>"', () => {
    const expected = bytesToHex(sha256(utf8ToBytes('openslate-lot-v1\nseed\n7\n3')));
    expect(lotTicket('seed', 7, 2 as CandidateId)).toBe(expected);
  });

  test('the smallest ticket is drawn; the seed changes the draw', () => {
    const tied = ids(0, 1, 2, 3, 4, 5, 6, 7);
    const draws = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => drawLot(seed, 1, tied)));
    expect(draws.size).toBeGreaterThan(1);
    for (const seed of ['a', 'b']) {
      const chosen = drawLot(seed, 1, tied);
      for (const c of tied) expect(lotTicket(seed, 1, chosen) <= lotTicket(seed, 1, c)).toBe(true);
    }
  });
});
