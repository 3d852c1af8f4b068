// writeBlt round-trips through the BLT parser: every real ballot file here, JSON ballots, and random elections.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseBlt } from '../src/blt.js';
import { writeBlt } from '../src/blt-writer.js';
import { StvInputError } from '../src/errors.js';
import { parseJsonBallots } from '../src/json-ballots.js';
import { candidateId, type Election } from '../src/types.js';

const ELECTIONS = '/work/shared/elections';

function bltFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bltFiles(path);
    // Droop's crash inputs and Minneapolis files ([droop ...] options of a rule we do not count) are left out.
    return /\.(blt|csv)$/.test(name) && !/\/(crashes|mpls)\//.test(path) ? [path] : [];
  });
}

/** What a BLT file can carry: blank papers and zero weights are not written. */
const countable = (e: Election): Election => ({
  ...e,
  ballots: e.ballots.filter((b) => b.weight > 0n && b.preferences.length > 0),
});

describe('writeBlt', () => {
  const files = bltFiles(ELECTIONS);

  it('finds the real ballot files', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files.map((f) => [f.slice(ELECTIONS.length + 1), f]))('round-trips %s', (_name, file) => {
    const election = parseBlt(readFileSync(file, 'utf8'));
    const again = parseBlt(writeBlt(election, { affiliations: true }));
    expect(again).toEqual(countable(election));
  });

  it('writes withdrawn candidates, tie order and equal rankings that the parser reads back', () => {
    const { election } = parseJsonBallots(
      JSON.stringify({
        title: 'AGM',
        seats: 1,
        withdrawn: ['b'],
        tieOrder: ['c', 'a', 'b'],
        candidates: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
          { id: 'c', name: 'C' },
        ],
        ballots: [{ ranking: [['a', 'c'], 'b'], weight: 4 }, { ranking: ['c'] }],
      }),
    );
    const text = writeBlt(election);
    expect(text).toBe('3 1\n-2\n[tie 3 1 2]\n4 1=3 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n"AGM"\n');
    expect(parseBlt(text)).toEqual({ ...election, candidates: election.candidates.map((c) => ({ ...c })) });
  });

  it('refuses a name BLT cannot quote', () => {
    const election: Election = {
      title: 't',
      seats: 1,
      candidates: [{ id: candidateId(0), name: 'say "hi"', attributes: {} }],
      withdrawn: [],
      ballots: [],
    };
    expect(() => writeBlt(election)).toThrow(StvInputError);
  });

  it('round-trips random elections (property)', () => {
    const name = fc.string({ maxLength: 12 }).filter((s) => !/["\r\n]/.test(s) && s.trim() === s && s !== '');
    const arbElection = fc
      .record({ n: fc.integer({ min: 1, max: 8 }), names: fc.array(name, { minLength: 8, maxLength: 8 }) })
      .chain(({ n, names }) =>
        fc.record({
          title: name,
          seats: fc.integer({ min: 1, max: n }),
          candidates: fc.constant(
            names.slice(0, n).map((nm, i) => ({ id: candidateId(i), name: nm, attributes: {} })),
          ),
          withdrawn: fc.constant([]),
          ballots: fc.array(
            fc.record({
              weight: fc.bigInt({ min: 1n, max: 10n ** 12n }),
              preferences: fc
                .shuffledSubarray([...Array(n).keys()], { minLength: 1 })
                .chain((order) =>
                  fc
                    .array(fc.boolean(), { minLength: order.length, maxLength: order.length })
                    .map((joins) => groupRanking(order, joins)),
                ),
            }),
            { maxLength: 20 },
          ),
        }),
      );
    fc.assert(
      fc.property(arbElection, (election) => {
        expect(parseBlt(writeBlt(election))).toEqual(election);
      }),
    );
  });
});

/** Splits a ranking into equal-preference groups: joins[i] puts order[i] in the same group as order[i-1]. */
function groupRanking(order: number[], joins: boolean[]): ReturnType<typeof candidateId>[][] {
  const groups: ReturnType<typeof candidateId>[][] = [];
  order.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (i > 0 && joins[i] && last) last.push(candidateId(c));
    else groups.push([candidateId(c)]);
  });
  return groups;
}
