// `openslate demo` runs a whole election through the real service code; `openslate verify` must accept its bundle.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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
    expect(existsSync(path.join(bundle, 'manifest.json'))).toBe(true);
    expect(existsSync(`${bundle}.tar.gz`)).toBe(true);

    const verify = collect();
    expect(await main(['verify', bundle], verify.io)).toBe(0);
    expect(verify.out.join('')).toMatch(/verified: every check holds/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo refuses bad arguments with exit code 2', async () => {
  const missing = collect();
  expect(await main(['demo'], missing.io)).toBe(2);
  expect(missing.err.join('')).toMatch(/--out is required/);
  const bad = collect();
  expect(await main(['demo', '--out', '/tmp/x', '--voters', 'many'], bad.io)).toBe(2);
});
