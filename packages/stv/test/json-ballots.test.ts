// The JSON ballot format: valid documents become Elections (identical rankings grouped), and every kind of bad
// input is refused with a StvInputError naming the line and column of the offending value.
import { StvInputError } from '../src/errors.js';
import { parseJsonBallots } from '../src/json-ballots.js';

const doc = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      title: 'Branch committee',
      seats: 2,
      candidates: [
        { id: 'ann', name: 'Ann Smith', attributes: { gender: 'woman' } },
        { id: 'bob', name: 'Bob Jones' },
        { id: 'cat', name: 'Cat  Lee' },
      ],
      ballots: [
        { ranking: ['ann', 'bob'] },
        { ranking: ['ann', 'bob'], weight: 2 },
        { ranking: [['bob', 'cat'], 'ann'], weight: '3' },
        { ranking: [] },
      ],
      ...overrides,
    },
    null,
    2,
  );

function errorOf(text: string): StvInputError {
  try {
    parseJsonBallots(text);
  } catch (e) {
    if (e instanceof StvInputError) return e;
    throw e;
  }
  throw new Error('expected an StvInputError');
}

/** Line and column (1-based) of the first occurrence of `needle`. */
function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('parseJsonBallots', () => {
  it('reads candidates, attributes, equal rankings and weights, grouping identical rankings', () => {
    const { election, candidateIds } = parseJsonBallots(doc());
    expect(candidateIds).toEqual(['ann', 'bob', 'cat']);
    expect(election.title).toBe('Branch committee');
    expect(election.seats).toBe(2);
    expect(election.candidates.map((c) => c.name)).toEqual(['Ann Smith', 'Bob Jones', 'Cat  Lee']);
    expect(election.candidates[0]?.attributes).toEqual({ gender: 'woman' });
    expect(election.ballots).toEqual([
      { weight: 3n, preferences: [[0], [1]] },
      { weight: 3n, preferences: [[1, 2], [0]] },
    ]);
    expect(election.withdrawn).toEqual([]);
  });

  it('reads withdrawn candidates and a tie order', () => {
    const { election } = parseJsonBallots(doc({ withdrawn: ['cat'], tieOrder: ['bob', 'ann', 'cat'] }));
    expect(election.withdrawn).toEqual([2]);
    expect(election.tieOrder).toEqual([1, 0, 2]);
  });

  it('names line and column of an unknown candidate', () => {
    const text = doc({ ballots: [{ ranking: ['ann'] }, { ranking: ['bob', 'dan'] }] });
    const e = errorOf(text);
    expect(e.code).toBe('json-ballots');
    expect(e.message).toContain('unknown candidate id "dan"');
    expect({ line: e.line, column: e.column }).toEqual(where(text, '"dan"'));
  });

  it('refuses a candidate ranked twice, even inside an equal ranking', () => {
    const text = doc({ ballots: [{ ranking: [['ann', 'bob'], 'ann'] }] });
    const e = errorOf(text);
    expect(e.message).toContain('ranked twice');
    expect({ line: e.line, column: e.column }).toEqual(where(text, '"ann"', 2));
  });

  it('refuses more seats than standing candidates with code "seats"', () => {
    const text = doc({ seats: 3, withdrawn: ['bob'] });
    const e = errorOf(text);
    expect(e.code).toBe('seats');
    expect({ line: e.line, column: e.column }).toEqual(where(text, '3,'));
  });

  it.each([
    [
      'a duplicate candidate id',
      {
        candidates: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      },
      'used twice',
    ],
    ['a missing name', { candidates: [{ id: 'a' }] }, 'missing "name"'],
    ['zero seats', { seats: 0 }, '"seats" must be a positive whole number'],
    ['fractional seats', { seats: 1.5 }, '"seats" must be a positive whole number'],
    [
      'a zero weight',
      { ballots: [{ ranking: ['ann'], weight: 0 }] },
      '"weight" must be a positive whole number',
    ],
    ['a fractional weight', { ballots: [{ ranking: ['ann'], weight: 1.5 }] }, '"weight"'],
    ['an empty equal ranking', { ballots: [{ ranking: [[]] }] }, 'at least one candidate'],
    [
      'a non-string attribute',
      { candidates: [{ id: 'a', name: 'A', attributes: { age: 3 } }] },
      'attribute "age"',
    ],
    ['no candidates', { candidates: [] }, 'at least one candidate'],
  ])('refuses %s', (_what, overrides, message) => {
    const e = errorOf(doc(overrides));
    expect(e.message).toContain(message);
    expect(e.line).toBeGreaterThan(1);
  });

  it.each([
    ['{"title": "x",, }', 1, 15],
    ['{"title": "x"\n  "seats": 1}', 2, 3],
    ['[1, 2', 1, 6],
    ['{"a": 1} x', 1, 10],
    ['{"a": 1, "a": 2}', 1, 10],
    ['"unterminated', 1, 1],
  ])('reports the position of a syntax error in %j', (text, line, column) => {
    const e = errorOf(text);
    expect(e.code).toBe('json-ballots');
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('refuses a document that is not an object, or lacks the ballots', () => {
    expect(errorOf('[]').message).toContain('must be an object');
    expect(errorOf('{"title": "t", "seats": 1, "candidates": [{"id": "a", "name": "A"}]}').message).toContain(
      'missing "ballots"',
    );
  });
});
