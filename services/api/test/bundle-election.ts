// Small real elections run through the API (key ceremony, credentials, anonymous ballots, revotes, close, reveals,
// count, publish) whose published bundles the bundle, question and `openslate verify` tests check and tamper with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContestChoices } from '@openslate/ballot';
import request from 'supertest';
import { confirmAll, inviteAndReadCodes, reveal, runCeremony, Voter } from './flow.js';
import { bearer, officerToken, startPublisher, type TestApi } from './support.js';

const ROLL = [
  'membership_number,name,email,weight',
  'M1,Ada,ada@example.org,1',
  'M2,Ben,ben@example.org,1',
  'M3,Cleo,cleo@example.org,1',
  'M4,Dan,dan@example.org,1',
  'D1,Branch 7 delegate,branch7@example.org,2',
].join('\n');

export interface BundledElection {
  readonly id: string;
  readonly bundleDir: string;
  readonly archive: string;
  /** Receipts: a counted ballot, and a ballot superseded by its voter's revote. */
  readonly counted: string;
  readonly superseded: string;
  /** Elected candidate ids per contest id, as the API's count reported them. */
  readonly elected: Record<string, string[]>;
}

/** Every file under `dir` by its '/'-separated path relative to `dir`. */
export function readTree(dir: string, base = ''): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(path.join(dir, base))) {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) for (const [p, d] of readTree(dir, rel)) files.set(p, d);
    else files.set(rel, new Uint8Array(readFileSync(path.join(dir, rel))));
  }
  return files;
}

/** One member's casts (a revote is a second cast), by their roll email's local part. */
export interface ElectionPlan {
  readonly title: string;
  readonly contests: readonly Record<string, unknown>[];
  /** Ballots to cast, in order; each a map from contest id to that contest's plaintext choice. */
  readonly casts: (contests: readonly PlanContest[]) => readonly { who: string; choices: ContestChoices }[];
  /** Builds the roll of the draft election (default: the five-member CSV roll); e.g. a derived roll. */
  readonly roll?: (officer: string, electionId: string) => Promise<void>;
  /** The officer's bearer token (default: a new organisation's officer). */
  readonly officer?: string;
}

export interface PlanContest {
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly { id: string; name: string }[];
}

export interface PublishedElection {
  readonly id: string;
  readonly bundleDir: string;
  readonly archive: string;
  /** Each cast's receipt hash, in the plan's order. */
  readonly receipts: readonly { who: string; hash: string }[];
  /** The count's answer: one result per contest. */
  readonly results: readonly Record<string, unknown>[];
  readonly contests: readonly PlanContest[];
}

/** Publishes a counted election: where its bundle's files and archive were written. */
export async function publishBundle(
  api: TestApi,
  officer: string,
  id: string,
): Promise<{ bundleDir: string; archive: string }> {
  const published = await request(api.app)
    .post(`/api/officer/elections/${id}/publish`)
    .set(bearer(officer))
    .send({})
    .expect(200);
  expect(published.body.bundle.files).toBeGreaterThan(5);
  const bundles = path.join(api.ctx.publication.root, 'bundles');
  return { bundleDir: path.join(bundles, id), archive: path.join(bundles, `${id}.tar.gz`) };
}

/** Runs a plan through the API: roll, ceremony, voting, close, reveals, count, publish (a publisher running). */
export async function runPublishedElection(api: TestApi, plan: ElectionPlan): Promise<PublishedElection> {
  const publisher = startPublisher(api);
  try {
    const { app } = api;
    const officer = plan.officer ?? (await officerToken(api)).token;
    const created = await request(app)
      .post('/api/officer/elections')
      .set(bearer(officer))
      .send({ title: plan.title, contests: plan.contests })
      .expect(201);
    const id = created.body.id as string;
    const contests = (await request(app).get(`/api/elections/${id}`)).body.contests as PlanContest[];
    if (plan.roll) await plan.roll(officer, id);
    else
      await request(app)
        .post(`/api/officer/elections/${id}/roll`)
        .set(bearer(officer))
        .set('content-type', 'text/csv')
        .send(ROLL)
        .expect(201);
    const trustees = await runCeremony(app, officer, id, ['Rosa', 'Karl', 'Sylvia'], 2);
    await confirmAll(app, id, trustees);
    const transition = (to: string) =>
      request(app)
        .post(`/api/officer/elections/${id}/transition`)
        .set(bearer(officer))
        .send({ to })
        .expect(200);
    await transition('voting');
    const codes = await inviteAndReadCodes(app, officer, api.database.db, id);
    const voters = new Map<string, Voter>();
    const receipts = [];
    for (const { who, choices } of plan.casts(contests)) {
      let voter = voters.get(who);
      if (voter === undefined) {
        voter = await Voter.signIn(app, id, codes.get(`${who}@example.org`)!);
        expect((await voter.obtainCredential()).status).toBe(201);
        voters.set(who, voter);
      }
      const res = await voter.cast(choices);
      expect(res.status).toBe(201);
      receipts.push({ who, hash: res.body.hash as string });
    }
    await transition('closed');
    for (const t of [trustees[0]!, trustees[2]!]) {
      // Reveals are accepted once the sealed checkpoint is out: retry while the publisher catches up.
      for (let i = 0; i < 100 && (await reveal(app, id, t)).status !== 201; i++)
        await new Promise((r) => setTimeout(r, 50));
    }
    let counted = await request(app).post(`/api/officer/elections/${id}/count`).set(bearer(officer)).send({});
    for (let i = 0; i < 100 && counted.status === 409 && counted.body.error?.code === 'NOT_SEALED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      counted = await request(app).post(`/api/officer/elections/${id}/count`).set(bearer(officer)).send({});
    }
    expect(counted.status).toBe(200);
    return {
      id,
      ...(await publishBundle(api, officer, id)),
      receipts,
      results: counted.body.results as Record<string, unknown>[],
      contests,
    };
  } finally {
    await publisher.stop();
  }
}

/** A ranking of a contest's candidates by name. */
export const rankingOf = (c: PlanContest, ...names: string[]) => ({
  ranking: names.map((n) => c.candidates.find((x) => x.name === n)!.id),
});

const BRANCH: ElectionPlan = {
  title: 'Branch committee 2026',
  contests: [
    {
      title: 'Committee',
      seats: 2,
      rules: 'scottish',
      candidates: [{ name: 'Amir' }, { name: 'Bea' }, { name: 'Cal' }, { name: 'Dora' }],
    },
    { title: 'Delegate', seats: 1, rules: 'ers97', candidates: [{ name: 'Yan' }, { name: 'Zoe' }] },
  ],
  casts: ([committee, delegate]) => {
    const choices: Record<string, [string[], string[]]> = {
      ada: [['Amir', 'Cal', 'Bea'], ['Yan']],
      ben: [['Bea', 'Dora'], ['Zoe']],
      cleo: [['Cal', 'Amir', 'Dora'], ['Yan']],
      dan: [['Dora', 'Bea', 'Amir'], ['Zoe']],
      branch7: [['Amir', 'Dora'], ['Yan']],
    };
    return Object.entries(choices).flatMap(([who, [c, d]]) => [
      // Ben votes, then changes his mind: his first ballot is superseded.
      ...(who === 'ben' ? [{ who, choices: { [committee!.id]: rankingOf(committee!, 'Cal') } }] : []),
      {
        who,
        choices: { [committee!.id]: rankingOf(committee!, ...c), [delegate!.id]: rankingOf(delegate!, ...d) },
      },
    ]);
  },
};

/** The branch election: two STV contests, five members (one a delegate with two votes), Ben revoting. */
export async function runBundledElection(api: TestApi): Promise<BundledElection> {
  const run = await runPublishedElection(api, BRANCH);
  const elected: Record<string, string[]> = {};
  for (const r of run.results) elected[r['contest'] as string] = r['elected'] as string[];
  const hash = (who: string, nth: number) => run.receipts.filter((r) => r.who === who)[nth]!.hash;
  return {
    id: run.id,
    bundleDir: run.bundleDir,
    archive: run.archive,
    counted: hash('ada', 0),
    superseded: hash('ben', 0),
    elected,
  };
}
