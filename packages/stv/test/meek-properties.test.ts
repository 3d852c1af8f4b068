// Meek's method on random elections (fast-check), on equal rankings, ties, constraints and bad input.
import fc from 'fast-check';
import { Fixed } from '../src/arith/index.js';
import { StvInputError } from '../src/errors.js';
import { parseJsonBallots } from '../src/json-ballots.js';
import { countMeek, type MeekVariant } from '../src/rules/meek.js';
import { candidateId, type Ballot, type CandidateId, type Election, type Report } from '../src/types.js';

const units = (d: string): bigint => Fixed.parse(d, 9).units;

/** Random elections: 2–7 candidates, 1–4 seats, up to 25 distinct rankings (equal rankings when `equal`). */
const arbElection = (equal: boolean): fc.Arbitrary<Election> =>
  fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc.record({
      title: fc.constant('random'),
      seats: fc.integer({ min: 1, max: Math.min(4, n - 1) }),
      candidates: fc.constant(
        [...Array(n).keys()].map((i) => ({ id: candidateId(i), name: `C${i}`, attributes: {} })),
      ),
      withdrawn: fc.constant([] as CandidateId[]),
      ballots: fc.array(
        fc.record({
          weight: fc.bigInt({ min: 1n, max: 30n }),
          preferences: fc
            .tuple(
              fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 }),
              fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            )
            .map(([order, joins]) => {
              const ranks: CandidateId[][] = [];
              order.forEach((c, i) => {
                const last = ranks[ranks.length - 1];
                if (equal && i > 0 && joins[i] && last) last.push(candidateId(c));
                else ranks.push([candidateId(c)]);
              });
              return ranks;
            }),
        }),
        { minLength: 1, maxLength: 25 },
      ),
    }),
  );

const variants: MeekVariant[] = ['prf', 'parametric', 'equalize'];
const SEED = 'property-test-seed';
const anyLot = (r: Report): boolean => r.stages.some((s) => s.ties.length > 0);

describe.each(variants)('Meek (%s) on random elections', (variant) => {
  it('conserves votes at every stage and loses nothing to rounding without equal rankings', () => {
    for (const equal of [false, true]) {
      fc.assert(
        fc.property(arbElection(equal), (election) => {
          const report = countMeek(election, { meekVariant: variant, seed: SEED });
          const valid = units(report.validVotes);
          for (const stage of report.stages) {
            const counted = stage.votes.reduce((a, v) => a + units(v), 0n);
            const nt = units(stage.nonTransferable);
            const rounding = units(stage.roundingLoss);
            expect(counted + nt + rounding).toBe(valid);
            expect(nt >= 0n && rounding >= 0n).toBe(true);
            // PRF keeps w × kf rounded up and passes on exactly the rest: only equal-ranking splits round.
            if (variant === 'prf' && !equal) expect(rounding).toBe(0n);
          }
        }),
        { numRuns: 60 },
      );
    }
  });

  it('elects exactly the number of seats, each once, and anyone with a quota of first preferences', () => {
    fc.assert(
      fc.property(arbElection(true), (election) => {
        const report = countMeek(election, { meekVariant: variant, seed: SEED });
        expect(report.elected).toHaveLength(election.seats);
        expect(new Set(report.elected).size).toBe(election.seats);
        const first = report.stages[0];
        first?.votes.forEach((v, c) => {
          if (units(v) >= units(report.quota)) expect(report.elected).toContain(c);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same winners when candidates are renumbered, unless a tie had to be broken', () => {
    fc.assert(
      fc.property(arbElection(true), fc.integer({ min: 1, max: 1000 }), (election, shift) => {
        const n = election.candidates.length;
        const map = (c: CandidateId): CandidateId => candidateId((c + shift) % n);
        const inverse = (c: CandidateId): CandidateId => candidateId((c - (shift % n) + n) % n);
        const relabelled: Election = {
          ...election,
          candidates: election.candidates.map((_, i) => ({
            id: candidateId(i),
            name: `C${inverse(candidateId(i))}`,
            attributes: {},
          })),
          ballots: election.ballots.map((b: Ballot) => ({
            ...b,
            preferences: b.preferences.map((p) => p.map(map)),
          })),
        };
        const a = countMeek(election, { meekVariant: variant, seed: SEED });
        const b = countMeek(relabelled, { meekVariant: variant, seed: SEED });
        fc.pre(!anyLot(a) && !anyLot(b));
        expect([...b.elected].map(inverse).sort()).toEqual([...a.elected].sort());
      }),
      { numRuns: 80 },
    );
  });
});

describe('Meek details', () => {
  const json = (doc: object): Election => parseJsonBallots(JSON.stringify(doc)).election;
  const fiveCandidates = [
    { id: 'a', name: 'Alan', attributes: { gender: 'man' } },
    { id: 'b', name: 'Bill', attributes: { gender: 'man' } },
    { id: 'c', name: 'Carl', attributes: { gender: 'man' } },
    { id: 'w', name: 'Wendy', attributes: { gender: 'woman' } },
    { id: 'x', name: 'Xena', attributes: { gender: 'woman' } },
  ];
  const committee = json({
    title: 'Committee',
    seats: 2,
    candidates: fiveCandidates,
    ballots: [
      { ranking: ['a', 'b'], weight: 40 },
      { ranking: ['b', 'a'], weight: 35 },
      { ranking: ['c', 'b'], weight: 5 },
      { ranking: ['w', 'x'], weight: 12 },
      { ranking: ['x', 'w'], weight: 8 },
    ],
  });
  const name = (r: Report, c: CandidateId): string => r.candidates[c]?.name ?? '';

  it('a minimum for a group changes the result, as a constraint stage of its own', () => {
    const free = countMeek(committee);
    expect(free.elected.map((c) => name(free, c)).sort()).toEqual(['Alan', 'Bill']);
    const constrained = countMeek(committee, {
      constraints: [{ attribute: 'gender', value: 'woman', min: 1 }],
    });
    expect(constrained.elected.map((c) => name(constrained, c))).toContain('Wendy');
    expect(constrained.elected).toHaveLength(2);
    const stage = constrained.stages.find((s) => s.action.kind === 'constraint');
    expect(stage?.excluded.every((e) => e.reason === 'constraint')).toBe(true);
  });

  it('a maximum for a group changes the result', () => {
    const constrained = countMeek(committee, {
      constraints: [{ attribute: 'gender', value: 'man', max: 1 }],
    });
    const winners = constrained.elected.map((c) => name(constrained, c));
    expect(winners.filter((w) => ['Alan', 'Bill', 'Carl'].includes(w))).toHaveLength(1);
    expect(winners).toContain('Wendy');
  });

  it('splits an equal ranking evenly at the first stage', () => {
    const r = countMeek(
      json({
        title: 'eq',
        seats: 1,
        candidates: fiveCandidates.slice(0, 3),
        ballots: [{ ranking: [['a', 'b', 'c']], weight: 1 }, { ranking: ['a'] }],
      }),
    );
    expect(r.stages[0]?.votes).toEqual(['1.333333333', '0.333333333', '0.333333333']);
    expect(r.stages[0]?.roundingLoss).toBe('0.000000001');
  });

  it('breaks an exact tie by lot from the seed, records it, and without a seed draws from the ballots-hash seed', () => {
    const tie = json({
      title: 'tie',
      seats: 1,
      candidates: fiveCandidates.slice(0, 3),
      ballots: [
        { ranking: ['a'], weight: 3 },
        { ranking: ['b'], weight: 2 },
        { ranking: ['c'], weight: 2 },
      ],
    });
    const unseeded = countMeek(tie);
    expect(unseeded.seed).toMatch(/^ballots-sha256:[0-9a-f]{64}$/);
    expect(countMeek(tie)).toEqual(unseeded);
    const r = countMeek(tie, { seed: 'agm-2026' });
    const recorded = r.stages.flatMap((s) => s.ties);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.method).toBe('lot');
    expect(recorded[0]?.between).toEqual([1, 2]);
    expect(r.seed).toBe('agm-2026');
    expect(countMeek(tie, { seed: 'agm-2026' })).toEqual(r);
  });

  it('refuses more seats than standing candidates', () => {
    expect(() => countMeek(committee, { seats: 6 })).toThrow(StvInputError);
  });
});
