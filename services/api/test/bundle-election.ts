// A small real election run through the API (key ceremony, credentials, anonymous ballots with one revote, close,
// reveals, count, publish) whose published bundle the bundle and `openslate verify` tests check and tamper with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runPublisher } from '@openslate/publisher';
import request from 'supertest';
import { confirmAll, inviteAndReadCodes, reveal, runCeremony, Voter } from './flow.js';
import { bearer, officerToken, type TestApi } from './support.js';

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

export async function runBundledElection(api: TestApi): Promise<BundledElection> {
  const publisher = runPublisher({
    database: api.database,
    dir: api.ctx.publication,
    identity: api.ctx.identity,
    intervalMs: 50,
  });
  try {
    const { app } = api;
    const { token: officer } = await officerToken(api);
    const created = await request(app)
      .post('/api/officer/elections')
      .set(bearer(officer))
      .send({
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
      })
      .expect(201);
    const id = created.body.id as string;
    const contests = (await request(app).get(`/api/elections/${id}`)).body.contests as Array<{
      id: string;
      candidates: Array<{ id: string; name: string }>;
    }>;
    const [committee, delegate] = contests as [(typeof contests)[0], (typeof contests)[0]];
    const ranking = (c: typeof committee, ...names: string[]) => ({
      ranking: names.map((n) => c.candidates.find((x) => x.name === n)!.id),
    });
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
    const codeOf = (email: string) => codes.get(email)!;
    const choices: Record<string, [string[], string[]]> = {
      ada: [['Amir', 'Cal', 'Bea'], ['Yan']],
      ben: [['Bea', 'Dora'], ['Zoe']],
      cleo: [['Cal', 'Amir', 'Dora'], ['Yan']],
      dan: [['Dora', 'Bea', 'Amir'], ['Zoe']],
      branch7: [['Amir', 'Dora'], ['Yan']],
    };
    const receipts: Record<string, string> = {};
    let superseded = '';
    for (const [who, [c, d]] of Object.entries(choices)) {
      const voter = await Voter.signIn(app, id, codeOf(`${who}@example.org`));
      expect((await voter.obtainCredential()).status).toBe(201);
      if (who === 'ben') {
        // Ben votes, then changes his mind: his first ballot is superseded.
        const first = await voter.cast({ [committee.id]: ranking(committee, 'Cal') });
        expect(first.status).toBe(201);
        superseded = first.body.hash as string;
      }
      const res = await voter.cast({
        [committee.id]: ranking(committee, ...c),
        [delegate.id]: ranking(delegate, ...d),
      });
      expect(res.status).toBe(201);
      receipts[who] = res.body.hash as string;
    }
    await transition('closed');
    for (const t of [trustees[0]!, trustees[2]!]) {
      // Reveals are accepted once the sealed checkpoint is out: retry while the publisher catches up.
      for (let i = 0; i < 100 && (await reveal(app, id, t)).status !== 201; i++)
        await new Promise((r) => setTimeout(r, 50));
    }
    let counted = await request(app).post(`/api/officer/elections/${id}/count`).set(bearer(officer)).send({});
    for (let i = 0; i < 100 && counted.status === 409; i++) {
      await new Promise((r) => setTimeout(r, 50));
      counted = await request(app).post(`/api/officer/elections/${id}/count`).set(bearer(officer)).send({});
    }
    expect(counted.status).toBe(200);
    const elected: Record<string, string[]> = {};
    for (const r of counted.body.results as Array<{ contest: string; elected: string[] }>)
      elected[r.contest] = r.elected;
    const published = await request(app)
      .post(`/api/officer/elections/${id}/publish`)
      .set(bearer(officer))
      .send({})
      .expect(200);
    expect(published.body.bundle.files).toBeGreaterThan(5);
    const bundles = path.join(api.ctx.publication.root, 'bundles');
    return {
      id,
      bundleDir: path.join(bundles, id),
      archive: path.join(bundles, `${id}.tar.gz`),
      counted: receipts['ada']!,
      superseded,
      elected,
    };
  } finally {
    await publisher.stop();
  }
}
