import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  countQuestion,
  type CastBallot,
  type Question,
  type QuestionOption,
  type QuestionReport,
  type Quorum,
  type YesNoQuestion,
} from '../src/index.js';
import { counted } from './helpers.js';

const ELIGIBLE = 1000n; // more than any generated turnout (40 ballots of weight at most 5)

const quorums: fc.Arbitrary<Quorum | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.bigInt({ min: 1n, max: 60n }).map((weight): Quorum => ({ kind: 'weight', weight })),
  fc
    .integer({ min: 1, max: 40 })
    .map((n): Quorum => ({ kind: 'fraction-of-eligible', numerator: n, denominator: 1000 })),
);

const motions: fc.Arbitrary<YesNoQuestion> = fc.record({
  kind: fc.constant('yes-no-abstain' as const),
  id: fc.constant('m'),
  title: fc.constant('Motion'),
  majority: fc.constantFrom('simple' as const, 'two-thirds' as const, 'of-eligible' as const),
  abstentions: fc.constantFrom('excluded' as const, 'included' as const),
  quorum: quorums,
});

const optionLists: fc.Arbitrary<QuestionOption[]> = fc
  .integer({ min: 2, max: 5 })
  .map((n) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` })));

const questions: fc.Arbitrary<Question> = fc.oneof(
  motions,
  fc.record({ options: optionLists, quorum: quorums }).chain(({ options, quorum }) =>
    fc.record({
      kind: fc.constant('approval' as const),
      id: fc.constant('a'),
      title: fc.constant('Approval'),
      options: fc.constant(options),
      winners: fc.option(fc.integer({ min: 1, max: options.length }), { nil: undefined }),
      quorum: fc.constant(quorum),
    }),
  ),
  fc.record({
    kind: fc.constant('choose-one' as const),
    id: fc.constant('c'),
    title: fc.constant('Choose one'),
    options: optionLists,
    requireMajority: fc.boolean(),
    abstentions: fc.constantFrom('excluded' as const, 'included' as const),
    quorum: quorums,
  }),
);

/** Mostly valid choices for the question, with some invalid ones of every kind. */
function choices(q: Question): fc.Arbitrary<unknown> {
  const junk = fc.constantFrom<unknown>('maybe', 7, null, ['x'], { yes: true });
  if (q.kind === 'yes-no-abstain') return fc.oneof(fc.constantFrom('yes', 'no', 'abstain'), junk);
  const ids = q.options.map((o) => o.id);
  if (q.kind === 'approval')
    return fc.oneof(
      { arbitrary: fc.subarray(ids), weight: 4 },
      fc.array(fc.constantFrom(...ids, 'zz'), { maxLength: 4 }),
      junk,
    );
  return fc.oneof(
    { arbitrary: fc.constantFrom<unknown>(...ids, null), weight: 4 },
    fc.subarray(ids, { minLength: 2 }),
    junk,
  );
}

const weighted = (q: Question): fc.Arbitrary<CastBallot[]> =>
  fc.array(fc.record({ choice: choices(q), weight: fc.bigInt({ min: 1n, max: 5n }) }), { maxLength: 40 });

const cases = questions.chain((q) =>
  fc.record({ q: fc.constant(q), ballots: weighted(q), seed: fc.string() }),
);

const count = (q: Question, ballots: readonly CastBallot[], seed?: string): QuestionReport =>
  counted(q, ballots, { eligible: ELIGIBLE, ...(seed === undefined ? {} : { seed }) });

const sum = (xs: readonly string[]): bigint => xs.reduce((a, x) => a + BigInt(x), 0n);

describe('properties', () => {
  it('permuting the ballots changes nothing', () => {
    fc.assert(
      fc.property(
        cases.chain((c) =>
          fc.record({
            c: fc.constant(c),
            order: fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length }),
          }),
        ),
        ({ c, order }) => {
          expect(count(c.q, order)).toEqual(count(c.q, c.ballots));
          expect(count(c.q, order, c.seed)).toEqual(count(c.q, c.ballots, c.seed));
        },
      ),
    );
  });

  it('a ballot of weight w counts exactly as w ballots of weight 1', () => {
    fc.assert(
      fc.property(cases, ({ q, ballots }) => {
        const repeated = ballots.flatMap((b) =>
          Array.from({ length: Number(b.weight) }, () => ({ choice: b.choice })),
        );
        expect(count(q, repeated)).toEqual(count(q, ballots));
      }),
    );
  });

  it('totals add up', () => {
    fc.assert(
      fc.property(cases, ({ q, ballots }) => {
        const r = count(q, ballots);
        const t = r.turnout;
        expect(BigInt(t.valid) + BigInt(t.invalid)).toBe(BigInt(t.received));
        expect(sum(Object.values(t.invalidByCode))).toBe(BigInt(t.invalid));
        expect(BigInt(t.received)).toBe(ballots.reduce((a, b) => a + (b.weight ?? 1n), 0n));
        const options = sum(r.totals.map((o) => o.votes));
        const choosing = BigInt(t.valid) - BigInt(r.abstained);
        if (r.kind === 'approval') {
          expect(options >= choosing).toBe(true);
          for (const o of r.totals) expect(BigInt(o.votes) <= choosing).toBe(true);
        } else expect(options).toBe(choosing);
      }),
    );
  });

  it('a threshold is met exactly when the votes reach the votes needed, and two thirds is 3·yes ≥ 2·base', () => {
    fc.assert(
      fc.property(cases, ({ q, ballots }) => {
        const r = count(q, ballots);
        if (r.kind === 'approval' || r.threshold === null) return;
        const { votes, needed, baseVotes, met } = r.threshold;
        expect(met).toBe(BigInt(baseVotes) > 0n && BigInt(votes) >= BigInt(needed));
        if (r.threshold.rule === 'two-thirds')
          expect(met).toBe(BigInt(baseVotes) > 0n && 3n * BigInt(votes) >= 2n * BigInt(baseVotes));
        else expect(met).toBe(2n * BigInt(votes) > BigInt(baseVotes));
      }),
    );
  });

  it('adding a yes never turns a carried motion into one not carried', () => {
    fc.assert(
      fc.property(
        motions.chain((q) =>
          fc.record({ q: fc.constant(q), ballots: weighted(q), weight: fc.bigInt({ min: 1n, max: 5n }) }),
        ),
        ({ q, ballots, weight }) => {
          const before = count(q, ballots);
          const after = count(q, [...ballots, { choice: 'yes', weight }]);
          if (before.carried) expect(after.carried).toBe(true);
        },
      ),
    );
  });

  it('approval winners are as many as wanted (or as were approved) and out-poll everyone else', () => {
    fc.assert(
      fc.property(cases, ({ q, ballots, seed }) => {
        const r = count(q, ballots, seed);
        if (r.kind !== 'approval' || r.winnersWanted === null || r.quorum?.reached === false) return;
        const votes = new Map(r.totals.map((o) => [o.id, BigInt(o.votes)]));
        const approved = r.totals.filter((o) => o.votes !== '0').length;
        expect(r.winners).toHaveLength(Math.min(r.winnersWanted, approved));
        for (const w of r.winners)
          for (const o of r.totals)
            if (!r.winners.includes(o.id)) expect((votes.get(w) ?? 0n) >= BigInt(o.votes)).toBe(true);
      }),
    );
  });

  it('never fails to count a well-defined question, whatever the ballots', () => {
    fc.assert(
      fc.property(cases, ({ q, ballots }) =>
        expect(countQuestion(q, ballots, { eligible: ELIGIBLE }).ok).toBe(true),
      ),
    );
  });
});
