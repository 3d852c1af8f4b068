// `openslate trustee` runs a trustee's part of the key ceremony from the command line, round by round, keeping
// its secrets in a private state file, and reveals the share after the close; the election then counts.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemberDevice, OpenslateClient } from '@openslate/client';
import { startEmbeddedApi, type EmbeddedApi } from '../src/demo/embedded-api.js';
import { main } from '../src/main.js';

let api: EmbeddedApi;
let dir: string;
beforeAll(async () => {
  api = await startEmbeddedApi();
  dir = mkdtempSync(path.join(tmpdir(), 'openslate-trustee-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

test('three trustees run the ceremony and two reveal with the CLI; the election counts', async () => {
  const { officer } = api;
  const { id } = await officer.call<{ id: string }>('createElection', {
    body: {
      title: 'CLI trustees',
      contests: [{ title: 'Chair', seats: 1, candidates: [{ name: 'Ana' }, { name: 'Bo' }] }],
    },
  });
  await officer.call('importRoll', {
    params: { election: id },
    body: { csv: 'membership_number,name,email\nA1,Ann,ann@x.test\nB2,Bob,bob@x.test' },
  });
  const { trustees } = await officer.call<{ trustees: Array<{ code: string }> }>('configureTrustees', {
    params: { election: id },
    body: { threshold: 2, trustees: [{ name: 'Rosa' }, { name: 'Karl' }, { name: 'Sylvia' }] },
  });
  const states = trustees.map((_, i) => path.join(dir, `trustee-${i + 1}.json`));

  // First run: each announces, then has to wait for the others.
  for (const [i, t] of trustees.entries()) {
    const run = await cli('trustee', '--api', api.url, '--code', t.code, '--state', states[i]!);
    expect(run.code).toBe(0);
    expect(run.out).toContain('announced your key');
  }
  expect(statSync(states[0]!).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(states[0]!, 'utf8')).device.secretKey).toMatch(/^[0-9a-f]+$/);

  // Later runs carry on from the state file until every trustee is done.
  const finished = new Set<number>();
  for (let round = 0; round < 6 && finished.size < 3; round++) {
    for (const [i] of trustees.entries()) {
      const run = await cli('trustee', '--state', states[i]!);
      expect(run.code).toBe(0);
      if (/done|complete/.test(run.out)) finished.add(i);
    }
  }
  expect(finished.size).toBe(3);
  const ceremony = await officer.call<{ complete: boolean }>('getCeremony', { params: { election: id } });
  expect(ceremony.complete).toBe(true);

  // Voting, then the close; a reveal before the close only waits.
  await officer.call('transition', { params: { election: id }, body: { to: 'voting' } });
  expect((await cli('trustee', '--state', states[0]!, '--reveal')).out).toContain('waiting');
  await officer.call('sendInvitations', { params: { election: id }, body: {} });
  const mails = await api.ctx.database.db.selectFrom('outbox').select('body').execute();
  const election = await officer.call<{ contests: Array<{ id: string; candidates: Array<{ id: string }> }> }>(
    'getElection',
    { params: { election: id } },
  );
  const contest = election.contests[0]!;
  for (const m of mails) {
    const code = /#code=([A-Z2-7]+)/.exec(m.body)![1]!;
    const member = await MemberDevice.signIn(new OpenslateClient({ baseUrl: api.url }), code);
    await member.obtainCredential();
    await member.cast({ [contest.id]: { ranking: [contest.candidates[0]!.id] } });
  }
  await officer.call('transition', { params: { election: id }, body: { to: 'closed' } });
  for (const i of [0, 2]) {
    const run = await cli('trustee', '--state', states[i]!, '--reveal');
    expect(run.code).toBe(0);
    expect(run.out).toContain('revealed your share');
  }
  const counted = await officer.call<{ counted: number; results: Array<{ elected: string[] }> }>('count', {
    params: { election: id },
  });
  expect(counted.counted).toBe(2);
  expect(counted.results[0]!.elected).toEqual([contest.candidates[0]!.id]);
});

test('bad arguments and a wrong code are refused clearly', async () => {
  expect((await cli('trustee')).code).toBe(2);
  expect((await cli('trustee', '--state', path.join(dir, 'none.json'))).err).toMatch(
    /needs --api and --code/,
  );
  const wrong = await cli(
    'trustee',
    '--api',
    api.url,
    '--code',
    'AAAA-BBBB-CCCC-DDDD',
    '--state',
    path.join(dir, 'wrong.json'),
  );
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/BAD_CREDENTIALS/);
});
