// `openslate demo --two-tier`: a delegate body (issue #9). The executive elected by the demo's first election
// becomes the roll of a second, the steering-committee election: the roll is derived from the first election's
// result through the API (POST …/roll/derive, logged as roll.derived, docs/log-entries.md "Derived rolls"), each
// delegate carrying 2 votes; the delegates then vote with their own key ceremony, and the bundle is published
// beside the first one, at `<out>-steering`, for `openslate verify <out>-steering --source <out>`.
import type { ContestChoices } from '@openslate/ballot';
import { OpenslateClient } from '@openslate/client';
import { castBallots, closeAndPublish, openVoting } from './election-steps.js';
import type { EmbeddedApi } from './embedded-api.js';
import { weightedOrder } from './seeded-random.js';

/** The votes each delegate carries in the steering-committee election. */
export const DELEGATE_WEIGHT = 2;

// Fictional candidates for a 3-seat steering committee, each with its popularity among the delegates.
const STEERING = [
  ['Ana GARCÍA', 5],
  ['Ben OKORO', 4],
  ['Chloe FRASER', 3],
  ['Dara KAPOOR', 2],
  ['Ewan ROSS', 2],
] as const;

/** The membership number of the executive's `i`-th candidate (0-based) on the first election's roll. */
export const candidateMembership = (i: number): string => `C${String(i + 1).padStart(4, '0')}`;

/** Roll rows (CSV: membership_number,name,email,weight) making each executive candidate a member. */
export function candidateRollRows(names: readonly string[]): string[] {
  return names.map((name, i) => `${candidateMembership(i)},${name},candidate${i + 1}@demo.invalid,1`);
}

/** Where the steering committee's bundle goes: beside the first election's, with `-steering` appended. */
export const steeringBundleDir = (out: string): string => `${out}-steering`;

export interface SteeringOptions {
  /** The first (counted and published) election, and its contest whose winners become the roll. */
  readonly source: string;
  readonly contest: string;
  /** The first election's bundle folder; the steering bundle goes to `steeringBundleDir(out)`. */
  readonly out: string;
  /** The demo's seeded generator, continued: the seed decides the delegates' rankings too. */
  readonly random: () => number;
  readonly say: (line: string) => void;
}

export interface SteeringResult {
  readonly electionId: string;
  readonly bundleDir: string;
  readonly delegates: number;
  readonly ballots: number;
  /** By contest title: the elected. */
  readonly elected: Record<string, string[]>;
}

export async function runSteering(embedded: EmbeddedApi, options: SteeringOptions): Promise<SteeringResult> {
  const { officer } = embedded;
  const { id } = await officer.call<{ id: string }>('createElection', {
    body: {
      title: 'DEMO — Example Left Network steering committee (delegates: the elected executive)',
      contests: [
        {
          title: 'Steering committee (3 seats)',
          seats: 3,
          rules: 'ers97',
          candidates: STEERING.map(([name]) => ({ name })),
        },
      ],
    },
  });
  const derived = await officer.call<{ entries: number; weight: number }>('deriveRoll', {
    params: { election: id },
    body: { source: options.source, contests: [{ contest: options.contest, weight: DELEGATE_WEIGHT }] },
  });
  options.say(
    `steering election ${id}: roll of ${derived.entries} delegates (${derived.weight} votes) derived from ${options.source}`,
  );
  const election = await new OpenslateClient({ baseUrl: embedded.url }).call<{
    contests: Array<{ id: string; title: string; candidates: Array<{ id: string; name: string }> }>;
  }>('getElection', { params: { election: id } });
  const contest = election.contests[0]!;

  const { trustees, codes } = await openVoting(embedded, id);
  const popularity = STEERING.map(([, p]) => p);
  const plans = codes.map((): ContestChoices[] => [
    {
      [contest.id]: {
        ranking: weightedOrder(
          contest.candidates.map((c) => c.id),
          popularity,
          1 + Math.floor(options.random() * STEERING.length),
          options.random,
        ),
      },
    },
  ]);
  const ballots = await castBallots(embedded, codes, plans);
  const bundleDir = steeringBundleDir(options.out);
  const results = await closeAndPublish(embedded, id, trustees, bundleDir);
  options.say(`steering election: ${ballots} ballots cast; closed, revealed, counted, published`);
  const names = new Map(contest.candidates.map((c) => [c.id, c.name] as const));
  return {
    electionId: id,
    bundleDir,
    delegates: derived.entries,
    ballots,
    elected: Object.fromEntries(
      results.map((r) => [contest.title, r.elected.map((e) => names.get(e) ?? e)] as const),
    ),
  };
}
