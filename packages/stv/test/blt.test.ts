import { parseBlt, StvInputError, type Election } from '../src/index.js';
import { ELECTIONS, electionFolders, filesUnder, readText } from './support/elections.js';

const squash = (s: string): string => s.trim().replace(/ +/g, ' ');
const totalWeight = (e: Election): bigint => e.ballots.reduce((s, b) => s + b.weight, 0n);

describe('every ballot file in /work/shared/elections parses', () => {
  const files = [...filesUnder(ELECTIONS, /\.blt$/), ...filesUnder(`${ELECTIONS}/edinburgh-2017`, /\.csv$/)];
  test('the data set is where we expect it', () => {
    expect(files.length).toBeGreaterThanOrEqual(32 + 27 + 16);
  });
  test.each(files)('%s', (file) => {
    const e = parseBlt(readText(file));
    expect(e.candidates.length).toBeGreaterThan(0);
    expect(e.seats).toBeGreaterThan(0);
    expect(e.ballots.length).toBeGreaterThan(0);
    const ranked = e.ballots.flatMap((b) => b.preferences.flat());
    expect(ranked.every((c) => c >= 0 && c < e.candidates.length)).toBe(true);
  });
});

describe.each(['glasgow-2022', 'edinburgh-2017', 'glasgow-2007'])(
  '%s: names, seats and valid votes',
  (set) => {
    test.each(electionFolders(set).map((f) => [f.folder, f] as const))(
      '%s',
      (_name, { expected, ballotPath }) => {
        const e = parseBlt(readText(ballotPath));
        if (expected.candidates) expect(e.candidates.map((c) => c.name)).toEqual(expected.candidates);
        // Droop's 2007 reports trim names and collapse runs of spaces ("Ellen   Hurcombe", "Kieran  Wild ").
        else
          for (const name of expected.elected_in_order ?? [])
            expect(e.candidates.map((c) => squash(c.name))).toContain(name);
        expect(e.seats).toBe(expected.seats);
        expect(totalWeight(e)).toBe(BigInt(expected.valid_votes));
      },
    );
  },
);

describe('variants', () => {
  test('Glasgow 2022: CRLF, "name" "party" lines, empty party, double-encoded UTF-8 kept as is', () => {
    const [ward2] = electionFolders('glasgow-2022').filter((f) => f.folder.startsWith('Ward-2-'));
    const e = parseBlt(readText(ward2!.ballotPath));
    expect(e.candidates.some((c) => c.name.includes('LeÃ³dhas'))).toBe(true);
    expect(e.candidates.every((c) => typeof c.affiliation === 'string')).toBe(true);
    expect(e.title).toBe('Ward 2 Newlands-Auldburn');
  });

  test('Edinburgh 2017: padded lines, double spaces inside names', () => {
    const [almond] = electionFolders('edinburgh-2017');
    const e = parseBlt(readText(almond!.ballotPath));
    expect(e.candidates.map((c) => c.name)).toContain('Kevin  LANG');
    expect(e.title).toBe('Ward 1 - Almond');
  });

  test('[nick] and [withdrawn] by nickname', () => {
    const e = parseBlt(readText(`${ELECTIONS}/stv-rs-meek/ballots/vegetables.blt`));
    expect(e.withdrawn).toEqual([1, 5]);
    expect(e.ballots[0]).toEqual({ weight: 1n, preferences: [[0], [1]] });
  });

  test('[withdrawn] by number and withdrawn as negatives', () => {
    expect(
      parseBlt(readText(`${ELECTIONS}/stv-rs-meek/numeric/vegetables.keep_withdrawn.blt`)).withdrawn,
    ).toEqual([1, 5]);
    expect(parseBlt('3 1\n-2 -3\n1 1 0\n0\n"A"\n"B"\n"C"\n"T"\n').withdrawn).toEqual([1, 2]);
  });

  test('[tie] order and equal rankings', () => {
    expect(parseBlt(readText(`${ELECTIONS}/droop-reference/blt/42t.blt`)).tieOrder).toEqual([2, 1, 0]);
    const eq = parseBlt(readText(`${ELECTIONS}/droop-reference/blt/meek/eq1.blt`));
    expect(eq.ballots[1]).toEqual({ weight: 1n, preferences: [[1, 2]] });
  });

  test('comments, unquoted names and free text after the title', () => {
    const e = parseBlt(
      '# a comment\n2 1 /* block\ncomment */\n3 1 2 0 # trailing\n0\nAlice Smith\n"Bob" "Party # not a comment"\n"Title"\nnotes: AB: 3\n',
    );
    expect(e.candidates.map((c) => c.name)).toEqual(['Alice Smith', 'Bob']);
    expect(e.candidates[1]?.affiliation).toBe('Party # not a comment');
    expect(e.title).toBe('Title');
    expect(e.ballots).toEqual([{ weight: 3n, preferences: [[0], [1]] }]);
  });
});

describe('bad input names the line and column', () => {
  const cases: [string, string, string, number, number][] = [
    ['unknown candidate', '2 1\n1 1 3 0\n0\n"A"\n"B"\n"T"', 'blt-candidate', 2, 5],
    ['unknown nickname', '2 1\n[nick a b]\n1 a c 0\n0\n"A"\n"B"\n"T"', 'blt-candidate', 3, 5],
    ['duplicate ranking', '2 1\n1 1 2 1 0\n0\n"A"\n"B"\n"T"', 'blt-duplicate', 2, 7],
    ['duplicate in an equal ranking', '3 1\n1 1=2 2 0\n0\n"A"\n"B"\n"C"\n"T"', 'blt-duplicate', 2, 7],
    ['malformed weight', '2 1\nx 1 0\n0\n"A"\n"B"\n"T"', 'blt-weight', 2, 1],
    ['ballot without final 0', '2 1\n1 1 2\n0\n"A"\n"B"\n"T"', 'blt-unterminated', 2, 5],
    ['more seats than candidates', '2 3\n1 1 0\n0\n"A"\n"B"\n"T"', 'seats', 1, 3],
    ['malformed header', 'two 1\n', 'blt-header', 1, 1],
    ['missing names', '2 1\n1 1 0\n0\n"A"\n', 'blt-names', 4, 1],
    ['unknown option', '2 1\n[foo 1]\n1 1 0\n0\n"A"\n"B"\n"T"', 'blt-option', 2, 2],
    ['no end of ballots', '2 1\n1 1 0\n', 'blt-unterminated', 2, 1],
  ];
  test.each(cases)('%s', (_name, text, code, line, column) => {
    let error: unknown;
    try {
      parseBlt(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StvInputError);
    expect(error).toMatchObject({ code, line, column });
  });
});
