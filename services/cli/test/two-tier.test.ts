// `openslate demo --two-tier` (issue #9): the executive elected by the demo's election becomes the roll of a
// steering-committee election; `openslate verify` accepts both bundles, checks the derived roll against the
// first with --source, says it is not checked without it, and fails it against a different election's bundle.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, type CliRun } from './support/cli.js';

let dir: string;
let first: string;
let steering: string;
let demo: CliRun;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'openslate-two-tier-test-'));
  first = path.join(dir, 'bundle');
  steering = `${first}-steering`;
  demo = await cli(['demo', '--voters', '3', '--out', first, '--seed', 'jest-two-tier', '--two-tier']);
}, 600_000); // a safety limit for two elections on a busy machine, not a speed goal
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const electionOf = (bundle: string) =>
  (JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8')) as { election: string }).election;

test('the demo writes the steering bundle beside the first and prints both verify commands', () => {
  expect(demo.code).toBe(0);
  // The 3 members and the executive's 14 candidates are on the first roll; its 9 winners are the delegates.
  expect(demo.out).toMatch(/: 17 members, /);
  const executive = /Executive committee \(9 seats, at least 4 women\): (.+)\n/
    .exec(demo.out)![1]!
    .split(', ');
  expect(executive).toHaveLength(9);
  expect(demo.out).toMatch(/Steering committee election \S+: 9 delegates .*, 9 ballots\n/);
  expect(demo.out).toMatch(/Steering committee \(3 seats\): [^,\n]+, [^,\n]+, [^,\n]+\n/);
  for (const bundle of [first, steering]) {
    expect(existsSync(path.join(bundle, 'manifest.json'))).toBe(true);
    expect(existsSync(`${bundle}.tar.gz`)).toBe(true);
  }
  expect(electionOf(steering)).not.toBe(electionOf(first));
  const shown = (p: string) => path.relative(process.cwd(), p);
  expect(demo.out).toContain(`npx openslate verify ${shown(first)}\n`);
  expect(demo.out).toContain(`npx openslate verify ${shown(steering)} --source ${shown(first)}\n`);
});

test('verify passes on the first bundle, and on the steering bundle with the derived roll checked', async () => {
  const one = await cli(['verify', first]);
  expect([one.code, one.err]).toEqual([0, expect.not.stringContaining('failed')]);
  expect(one.out).toMatch(/^verified: every check holds/m);

  const two = await cli(['verify', steering, '--source', first]);
  expect(two.code).toBe(0);
  expect(two.out).toMatch(
    new RegExp(
      `^ok {3}derived roll: the 9 entries \\(weight 18\\) are exactly the winners of source election ${electionOf(first)}, verified from its bundle$`,
      'm',
    ),
  );
  expect(two.out).not.toMatch(/^-- /m);
  expect(two.out).toMatch(/^verified: every check holds/m);
});

test('without --source the derived roll is reported as not checked', async () => {
  const r = await cli(['verify', steering]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^-- {3}derived roll: not checked: source bundle not given/m);
  expect(r.out).toMatch(/^verified, except what was not checked: derived/m);
});

test('--source naming a different election’s bundle fails the derived check with its message', async () => {
  const r = await cli(['verify', steering, '--source', steering]);
  expect(r.code).toBe(1);
  const message = `roll.derived names source election ${electionOf(first)}; the source bundle is ${electionOf(steering)}`;
  expect(r.out).toContain(`FAIL ${message}\n`);
  expect(r.err).toContain(`check 'derived' failed: DERIVED_ROLL_MISMATCH: ${message}`);
});
