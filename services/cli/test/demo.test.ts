// `openslate demo` runs a whole election through the real service code; `openslate verify` must accept its bundle.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../src/main.js';

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) },
    out,
    err,
  };
}

test('demo writes a bundle that the independent verifier accepts', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'openslate-demo-test-'));
  const bundle = path.join(dir, 'bundle');
  try {
    const demo = collect();
    expect(await main(['demo', '--voters', '12', '--out', bundle, '--seed', 'jest'], demo.io)).toBe(0);
    const summary = demo.out.join('');
    expect(summary).toMatch(/12 members, 1[2-9] ballots/);
    expect(summary).toContain('Executive committee (9 seats, at least 4 women):');
    // The motion's result in words, and the approval question's two chosen delegates.
    expect(summary).toMatch(/Motion: affiliate .*: (carried|not carried)/);
    expect(summary).toMatch(/Conference delegates \(approve any; 2 chosen\): [^,\n]+, [^,\n]+\n/);
    // The proposal's outcome in words, after its amendment's (resolved at the count).
    expect(summary).toMatch(
      /Proposal: a branch hardship fund: Amendment \S+ (carried|fell)\. The proposal \S+, put to the vote as (amended|originally drafted), was (carried|not carried)\./,
    );
    expect(existsSync(path.join(bundle, 'manifest.json'))).toBe(true);
    expect(existsSync(`${bundle}.tar.gz`)).toBe(true);

    const verify = collect();
    expect(await main(['verify', bundle], verify.io)).toBe(0);
    expect(verify.out.join('')).toMatch(/verified: every check holds/);
    expect(verify.out.join('')).toMatch(/ok +proposals: 2 drafted.*outcomes equal the recount: Amendment/);
    const files = ['json', 'txt', 'explain'];
    const manifest = JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8')) as {
      contests: Array<{ id: string; kind?: string }>;
    };
    const motion = manifest.contests.find((c) => c.kind === 'yes-no-abstain')!;
    for (const ext of files)
      expect(existsSync(path.join(bundle, 'results', `${motion.id}.${ext}`))).toBe(true);
    expect(existsSync(path.join(bundle, 'results', `${motion.id}.blt`))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000); // a safety limit for a whole election on a busy machine (52 s seen at load 19), not a speed goal

test('demo refuses bad arguments with exit code 2', async () => {
  const missing = collect();
  expect(await main(['demo'], missing.io)).toBe(2);
  expect(missing.err.join('')).toMatch(/--out is required/);
  const bad = collect();
  expect(await main(['demo', '--out', '/tmp/x', '--voters', 'many'], bad.io)).toBe(2);
});
