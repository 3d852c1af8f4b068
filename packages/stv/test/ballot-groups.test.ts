import fc from 'fast-check';
import { groupBallots } from '../src/ballot-groups.js';
import { candidateId, StvInputError, type Election } from '../src/index.js';

const election = (ballots: [number, number[]][]): Election => ({
  title: 't',
  seats: 1,
  candidates: [...Array(6).keys()].map((i) => ({ id: candidateId(i), name: `C${i}`, attributes: {} })),
  withdrawn: [],
  ballots: ballots.map(([w, r]) => ({ weight: BigInt(w), preferences: r.map((c) => [candidateId(c)]) })),
});

/** Every group as "ranking → papers", read back from the packed arrays. */
function readBack(e: Election): Map<string, number> {
  const g = groupBallots(e, 'scottish');
  const out = new Map<string, number>();
  for (let i = 0; i < g.count; i++) {
    out.set([...g.prefs.subarray(g.start[i], g.start[i + 1])].join(' '), g.weights[i]!);
  }
  return out;
}

describe('groupBallots', () => {
  test('identical rankings become one group; empty papers are not valid votes', () => {
    const groups = readBack(
      election([
        [2, [0, 1]],
        [3, [1]],
        [4, [0, 1]],
        [5, []],
        [1, [0]],
      ]),
    );
    expect(groups).toEqual(
      new Map([
        ['0 1', 6],
        ['1', 3],
        ['0', 1],
      ]),
    );
  });

  test('agrees with a plain map of rankings on random ballots', () => {
    const ballot = fc.tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 200 }), (ballots) => {
        const expected = new Map<string, number>();
        for (const [w, r] of ballots) expected.set(r.join(' '), (expected.get(r.join(' ')) ?? 0) + w);
        expect(readBack(election(ballots))).toEqual(expected);
      }),
    );
  });

  test('equal rankings are refused by name of the rule', () => {
    const e = election([[1, [0]]]);
    const withTie = { ...e, ballots: [{ weight: 1n, preferences: [[candidateId(0), candidateId(1)]] }] };
    expect(() => groupBallots(withTie, 'wigm')).toThrow(StvInputError);
    expect(() => groupBallots(withTie, 'wigm')).toThrow('the wigm rule does not allow equal rankings');
  });
});
