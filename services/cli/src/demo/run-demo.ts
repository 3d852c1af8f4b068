// `openslate demo`: a complete election through the real service code — the API on an embedded database,
// real cryptography, trustees and members as the client package's devices talking HTTP — ending in the
// published bundle. The members' choices come from a seeded generator, so a seed gives the same votes.
import type { ContestChoices } from '@openslate/ballot';
import { OpenslateClient } from '@openslate/client';
import { castBallots, closeAndPublish, openVoting } from './election-steps.js';
import { startEmbeddedApi } from './embedded-api.js';
import { demoProposalOutcomes, scheduleDemoProposals } from './proposals.js';
import { seededRandom, weightedOrder } from './seeded-random.js';
import { candidateMembership, candidateRollRows, runSteering, type SteeringResult } from './two-tier.js';

export interface DemoOptions {
  readonly voters: number;
  readonly out: string;
  readonly seed: string;
  /** Also run the steering-committee election whose roll is the executive's winners (two-tier.ts). */
  readonly twoTier?: boolean;
  /** Progress lines (stderr in the CLI). */
  readonly progress?: (line: string) => void;
}

export interface DemoResult {
  readonly electionId: string;
  readonly bundleDir: string;
  /** Entries on the roll: the members, and with `twoTier` the executive's candidates too. */
  readonly members: number;
  readonly ballots: number;
  readonly revotes: number;
  /** By contest title: the elected (STV), the chosen options (approval), or a motion's result in words. */
  readonly elected: Record<string, string[]>;
  readonly seconds: number;
  /** With `twoTier`: the second election, its roll derived from the executive's winners. */
  readonly steering?: SteeringResult;
}

// Fictional candidates: a 9-seat executive with at least 4 women, and a single-seat youth representative.
const EXECUTIVE = [
  ['Aisha BELLO', 'woman', 9],
  ['Brendan CALLAGHAN', 'man', 8],
  ['Carys DAVIES', 'woman', 4],
  ['Dev PATEL', 'man', 7],
  ['Eilidh MACLEOD', 'woman', 3],
  ['Femi ADEYEMI', 'man', 6],
  ['Grace O’NEILL', 'woman', 2],
  ['Harvey SMITH', 'man', 6],
  ['Imogen WRIGHT', 'woman', 2],
  ['Jordan REID', 'non-binary', 4],
  ['Kamala SINGH', 'woman', 3],
  ['Liam MURPHY', 'man', 5],
  ['Marek NOWAK', 'man', 5],
  ['Nadia HASSAN', 'woman', 1],
] as const;
const YOUTH = [
  ['Maya CHEN', 5],
  ['Niall BYRNE', 4],
  ['Olu OKAFOR', 3],
] as const;
// Questions beside the STV contests (packages/questions): a motion needing two thirds of those voting for or
// against, with a quorum of a third of the roll's votes, and an approval question choosing two delegates, each
// option with the chance a member approves it.
const MOTION = {
  kind: 'yes-no-abstain',
  title: 'Motion: affiliate to the Example Left Network (two thirds, quorum a third of the roll)',
  text: 'That this branch affiliates to the Example Left Network and pays its affiliation fee from branch funds.',
  majority: 'two-thirds',
  quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 3 },
} as const;
const DELEGATES = [
  ['Pat QUINN', 0.6],
  ['Rae SOTO', 0.45],
  ['Sam TAYLOR', 0.35],
  ['Uma VARMA', 0.2],
] as const;

const answer = (r: number) => (r < 0.7 ? 'yes' : r < 0.9 ? 'no' : 'abstain');

/** A motion's result in words, for the summary beside the elected names. */
function motionOutcome(r: { carried?: boolean; quorumReached?: boolean }): string {
  if (r.carried) return 'carried';
  return r.quorumReached === false ? 'not carried (quorum not reached)' : 'not carried';
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const say = options.progress ?? (() => undefined);
  const random = seededRandom(options.seed);
  const embedded = await startEmbeddedApi();
  const { officer } = embedded;
  const api = new OpenslateClient({ baseUrl: embedded.url });
  try {
    const { id } = await officer.call<{ id: string }>('createElection', {
      body: {
        title: `DEMO — Example Left Network ballot (seed ${options.seed})`,
        contests: [
          {
            title: 'Executive committee (9 seats, at least 4 women)',
            seats: 9,
            rules: 'ers97',
            constraints: [{ attribute: 'gender', value: 'woman', min: 4 }],
            candidates: EXECUTIVE.map(([name, gender], i) => ({
              name,
              attributes: { gender },
              ...(options.twoTier ? { membership: candidateMembership(i) } : {}),
            })),
          },
          {
            title: 'Youth representative (1 seat)',
            seats: 1,
            rules: 'ers97',
            candidates: YOUTH.map(([name]) => ({ name })),
          },
          MOTION,
          {
            kind: 'approval',
            title: 'Conference delegates (approve any; 2 chosen)',
            winners: 2,
            candidates: DELEGATES.map(([name]) => ({ name })),
          },
        ],
      },
    });
    say(`election ${id} created`);
    const proposals = await scheduleDemoProposals(officer, id);
    say('a proposal and its amendment drafted, supported by two affiliates and scheduled');
    const election = await api.call<{
      contests: Array<{ id: string; title: string; candidates: Array<{ id: string; name: string }> }>;
    }>('getElection', { params: { election: id } });
    const [executive, youth, motion, delegates] = election.contests;

    // The roll: members, and one branch delegate in every 25 carrying 3 votes.
    const rows = ['membership_number,name,email,weight'];
    for (let i = 1; i <= options.voters; i++)
      rows.push(`D${String(i).padStart(6, '0')},Member ${i},member${i}@demo.invalid,${i % 25 === 0 ? 3 : 1}`);
    // Two-tier: the executive's candidates are members too, so that its winners can form the next roll.
    if (options.twoTier) rows.push(...candidateRollRows(EXECUTIVE.map(([name]) => name)));
    await officer.call('importRoll', { params: { election: id }, body: { csv: rows.join('\n') } });
    say(`roll of ${rows.length - 1} imported`);

    const { trustees, codes } = await openVoting(embedded, id);
    say('key ceremony complete; voting open');

    const popularity = EXECUTIVE.map(([, , p]) => p);
    const choose = (): ContestChoices => ({
      [executive!.id]: {
        ranking: weightedOrder(
          executive!.candidates.map((c) => c.id),
          popularity,
          1 + Math.floor(random() * 9),
          random,
        ),
      },
      [youth!.id]: {
        ranking: weightedOrder(
          youth!.candidates.map((c) => c.id),
          YOUTH.map(([, p]) => p),
          1 + Math.floor(random() * 3),
          random,
        ),
      },
      // About 70 % for, 20 % against, 10 % abstaining: near the two-thirds line, so seeds differ.
      [motion!.id]: { answer: answer(random()) },
      [delegates!.id]: {
        approve: delegates!.candidates.filter((_, i) => random() < DELEGATES[i]![1]).map((c) => c.id),
      },
      ...proposals.answer(random),
    });
    // Choices are drawn in roll order before casting, so the seed alone decides them.
    // A member's second ballot (about one in twenty) is a revote.
    const plans = codes.map(() => {
      const first = choose();
      return random() < 0.05 ? [first, choose()] : [first];
    });
    const ballots = await castBallots(embedded, codes, plans, (done) => {
      if (done % 100 === 0) say(`${done} members have voted`);
    });
    const revotes = ballots - codes.length;
    say(`${codes.length} ballots cast, ${revotes} changed`);

    const results = await closeAndPublish(embedded, id, trustees, options.out);
    say('closed, revealed, counted, published');
    const steering = options.twoTier
      ? await runSteering(embedded, { source: id, contest: executive!.id, out: options.out, random, say })
      : undefined;
    const names = new Map(election.contests.flatMap((c) => c.candidates.map((k) => [k.id, k.name] as const)));
    const titles = new Map(election.contests.map((c) => [c.id, c.title] as const));
    return {
      electionId: id,
      bundleDir: options.out,
      members: rows.length - 1,
      ballots,
      revotes,
      elected: {
        ...Object.fromEntries(
          results.map((r) => [
            titles.get(r.contest) ?? r.contest,
            r.contest === motion!.id || proposals.contests.includes(r.contest)
              ? [motionOutcome(r)]
              : r.elected.map((e) => names.get(e) ?? e),
          ]),
        ),
        ...(await demoProposalOutcomes(api, id)),
      },
      seconds: (Date.now() - started) / 1000,
      ...(steering ? { steering } : {}),
    };
  } finally {
    await embedded.close();
  }
}
