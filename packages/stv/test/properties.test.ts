import fc from 'fast-check';
import {
  candidateId,
  count,
  Fixed,
  StvInputError,
  type Ballot,
  type CandidateId,
  type Election,
  type Report,
  type RuleName,
} from '../src/index.js';

const PLACES: Record<string, number> = { scottish: 5, wigm: 4, ers97: 2 };
const RULES: RuleName[] = ['scottish', 'wigm', 'ers97'];

/** Random elections: 2-8 candidates, 1..n seats, up to 40 distinct rankings with weights 1-30. */
const elections: fc.Arbitrary<Election> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      seats: fc.integer({ min: 1, max: n }),
      ballots: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 30 }),
          ranking: fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
      n: fc.constant(n),
    })
    .map(({ seats, ballots, n: size }) => ({
      title: 'random',
      seats,
      candidates: [...Array(size).keys()].map((i) => ({ id: candidateId(i), name: `C${i}`, attributes: {} })),
      withdrawn: [],
      ballots: ballots.map((b): Ballot => ({
        weight: BigInt(b.weight),
        preferences: b.ranking.map((c) => [candidateId(c)]),
      })),
    })),
);

const units = (report: Report, s: string): bigint => Fixed.parse(s, PLACES[report.rule] ?? 0).units;
const drewLot = (report: Report): boolean =>
  report.stages.some((s) => s.ties.some((t) => t.method === 'lot'));

describe.each(RULES)('%s: properties over random elections', (rule) => {
  test('votes are conserved at every stage: candidates + non-transferable + rounding = valid votes', () => {
    fc.assert(
      fc.property(elections, (election) => {
        const report = count(election, { rule });
        expect(report.seed !== null).toBe(drewLot(report)); // the seed is recorded exactly when a lot was drawn
        for (const stage of report.stages) {
          const sum = stage.votes.reduce((a, v) => a + units(report, v), 0n);
          const total = sum + units(report, stage.nonTransferable) + units(report, stage.roundingLoss);
          expect(total).toBe(units(report, report.validVotes));
          expect(units(report, stage.roundingLoss)).toBeGreaterThanOrEqual(0n);
        }
      }),
    );
  });

  test('exactly `seats` candidates are elected, each once', () => {
    fc.assert(
      fc.property(elections, (election) => {
        const report = count(election, { rule });
        expect(report.elected).toHaveLength(election.seats);
        expect(new Set(report.elected).size).toBe(election.seats);
        const perStage = report.stages.flatMap((s) => s.elected.map((e) => e.candidate));
        expect(perStage).toEqual(report.elected);
      }),
    );
  });

  test('relabelling the candidates never changes who is elected (unless a lot was drawn)', () => {
    fc.assert(
      fc.property(
        elections.chain((e) =>
          fc.tuple(
            fc.constant(e),
            fc.shuffledSubarray([...Array(e.candidates.length).keys()], { minLength: e.candidates.length }),
          ),
        ),
        ([election, perm]) => {
          const to = (c: CandidateId): CandidateId => candidateId(perm[c] as number);
          const relabelled: Election = {
            ...election,
            candidates: election.candidates.map((_, i) => ({
              id: candidateId(i),
              name: election.candidates[perm.indexOf(i)]!.name,
              attributes: {},
            })),
            ballots: election.ballots.map((b) => ({
              ...b,
              preferences: b.preferences.map((p) => p.map(to)),
            })),
          };
          const a = count(election, { rule });
          const b = count(relabelled, { rule });
          fc.pre(!drewLot(a) && !drewLot(b));
          expect(b.elected.map((c) => relabelled.candidates[c]!.name).sort()).toEqual(
            a.elected.map((c) => election.candidates[c]!.name).sort(),
          );
        },
      ),
    );
  });

  test('the elected set keeps every satisfiable minimum and maximum', () => {
    fc.assert(
      fc.property(
        elections,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (plain, women, min, max) => {
          const election: Election = {
            ...plain,
            candidates: plain.candidates.map((c, i) => ({
              ...c,
              attributes: { gender: women[i] ? 'woman' : 'man' },
            })),
          };
          const constraint = { attribute: 'gender', value: 'woman', min, max: Math.max(min, max) };
          let report: Report;
          try {
            report = count(election, { rule, constraints: [constraint] });
          } catch (e) {
            fc.pre(!(e instanceof StvInputError && e.code === 'constraint')); // impossible constraint: refused
            throw e;
          }
          const elected = report.elected.filter((c) => women[c]).length;
          expect(elected).toBeGreaterThanOrEqual(constraint.min);
          expect(elected).toBeLessThanOrEqual(constraint.max);
          expect(report.elected).toHaveLength(election.seats);
        },
      ),
    );
  });

  test('a candidate with a quota of first preferences is always elected', () => {
    fc.assert(
      fc.property(elections, (election) => {
        const report = count(election, { rule });
        const quota = units(report, report.quota);
        const first = report.stages[0]!.votes.map((v) => units(report, v));
        // ERS97's quota is exactly votes ÷ (seats + 1) when that divides: only more than a quota is sure.
        first.forEach((v, c) => {
          if (rule === 'ers97' ? v > quota : v >= quota) expect(report.elected).toContain(c);
        });
      }),
    );
  });
});
