// `openslate verify` on the bundle of a real election run through the API (services/api/test/bundle-election.ts):
// the folder, the .tar.gz, --json, --receipt, and a tampered copy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKey } from '@openslate/log';
import { runBundledElection, type BundledElection } from '../../api/test/bundle-election.js';
import { startTestApi, type TestApi } from '../../api/test/support.js';
import { cli } from './support/cli.js';

let api: TestApi;
let election: BundledElection;
let scratch: string;
beforeAll(async () => {
  api = await startTestApi();
  election = await runBundledElection(api);
  scratch = mkdtempSync(path.join(tmpdir(), 'openslate-verify-cli-'));
});
afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

test('a folder bundle: one ok line per check, exit 0', async () => {
  const r = await cli(['verify', election.bundleDir]);
  expect(r.code).toBe(0);
  const lines = r.out.trim().split('\n');
  expect(lines.map((l) => l.split(' ')[0])).toEqual([
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'verified:',
  ]);
  expect(r.out).toMatch(/^ok {3}log: checkpoint signed by .*, \d+ entries rebuild its root/m);
  expect(r.err).toMatch(/ballots: \d+\/\d+ signatures checked/);
});

test('the .tar.gz with --json and --receipt: the summary names the recomputed winners', async () => {
  const r = await cli(['verify', election.archive, '--json', '--receipt', election.counted]);
  expect(r.code).toBe(0);
  const summary = JSON.parse(r.out) as {
    ok: boolean;
    format: string;
    contests: { contest: string; elected: { id: string }[] }[];
    checks: { check: string }[];
  };
  expect(summary).toMatchObject({ ok: true, format: 'openslate/bundle/v1' });
  expect(summary.checks.at(-1)!.check).toBe('receipt');
  for (const c of summary.contests) expect(c.elected.map((e) => e.id)).toEqual(election.elected[c.contest]);
});

test('a superseded receipt and a tampered BLT each fail with exit 1 naming the check', async () => {
  const superseded = await cli(['verify', election.bundleDir, '--receipt', election.superseded]);
  expect(superseded.code).toBe(1);
  expect(superseded.err).toMatch(/check 'receipt' failed: RECEIPT_NOT_COUNTED/);

  const copy = path.join(scratch, 'tampered');
  cpSync(election.bundleDir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as {
    contests: { id: string }[];
  };
  const blt = path.join(copy, 'results', `${manifest.contests[0]!.id}.blt`);
  writeFileSync(
    blt,
    readFileSync(blt, 'utf8').replace(/^(\d+) /m, (_, w: string) => `${Number(w) + 1} `),
  );
  const r = await cli(['verify', copy]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/^FAIL results\/.*\.blt differs from the decrypted ballots at line \d+$/m);
  expect(r.err).toMatch(/check 'recount' failed: BLT_MISMATCH/);
});

test('bad arguments: exit 2 with the usage', async () => {
  const r = await cli(['verify']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/usage: openslate verify/);
});

test('a --vkey other than the one the bundle names fails the log check', async () => {
  const other = generateKey('openslate.test').verifierKey;
  const r = await cli(['verify', election.bundleDir, '--vkey', other]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/check 'log' failed: LOG_INVALID: manifest.json names log key .*, not the key given/);
  const same = await cli(['verify', election.bundleDir, '--vkey', api.ctx.identity.verifierKey]);
  expect(same.code).toBe(0);
});
