// The default entry point must run in a browser: nothing it reaches may import node:* modules or use Buffer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const src = join(__dirname, '..', 'src');

function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(src, file), 'utf8');
  for (const [, rel] of text.matchAll(/from '\.\/([\w-]+)\.js'/g)) reachable(`${rel}.ts`, seen);
  return seen;
}

test('@openslate/ballot (index.ts) reaches no node:* import and no Buffer', () => {
  const files = reachable('index.ts');
  expect(files.has('node-backend.ts')).toBe(false);
  expect(files.has('issuer.ts')).toBe(false);
  for (const file of files) {
    const code = readFileSync(join(src, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    expect([file, /from 'node:/.test(code) || /\bBuffer\b/.test(code)]).toEqual([file, false]);
  }
});

test('@openslate/ballot/node (node.ts) is where node:crypto lives', () => {
  expect(reachable('node.ts').has('node-backend.ts')).toBe(true);
});
