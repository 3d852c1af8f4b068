import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { readTar, writeTar, VerifyError } from '../src/index.js';

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,40}$/);
const filePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/'));
const files = fc
  .uniqueArray(fc.tuple(filePath, fc.uint8Array({ maxLength: 1500 })), { selector: ([p]) => p, maxLength: 8 })
  .filter((entries) => {
    // A path may not also be a folder of another path (a tar of files only).
    const names = entries.map(([p]) => p);
    return names.every((a) => names.every((b) => !b.startsWith(`${a}/`)));
  });

test('any set of files survives writeTar → readTar, in order and byte for byte', () => {
  fc.assert(
    fc.property(files, (entries) => {
      const archive = writeTar(new Map(entries));
      expect(archive.length % 512).toBe(0);
      expect([...readTar(archive)]).toEqual(entries.map(([p, d]) => [p, new Uint8Array(d)]));
    }),
    { numRuns: 100 },
  );
});

test('a path longer than 100 bytes goes into the ustar prefix field', () => {
  const long = `${'a'.repeat(90)}/${'b'.repeat(60)}/c.json`;
  const data = new TextEncoder().encode('{}');
  expect(readTar(writeTar(new Map([[long, data]]))).get(long)).toEqual(data);
});

test('malformed archives are refused with TAR_MALFORMED, never a crash', () => {
  const archive = writeTar(new Map([['a.txt', new TextEncoder().encode('hello')]]));
  const badChecksum = new Uint8Array(archive);
  badChecksum[0] = 0x62;
  const truncated = archive.slice(0, 512 + 2);
  for (const bad of [badChecksum, truncated, archive.slice(0, 1024)]) {
    expect(() => readTar(bad)).toThrow(VerifyError);
    try {
      readTar(bad);
    } catch (e) {
      expect((e as VerifyError).code).toBe('TAR_MALFORMED');
    }
  }
});

const hasTar = (() => {
  try {
    execFileSync('tar', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

(hasTar ? test : test.skip)(
  'GNU tar lists and extracts our archive; we read the archive GNU tar writes',
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openslate-tar-'));
    try {
      const content = new Map([
        ['e1/manifest.json', new TextEncoder().encode('{"format":"x"}\n')],
        ['e1/log/tile/entries/000.p/3', new Uint8Array([0, 1, 2, 255])],
      ]);
      writeFileSync(path.join(dir, 'ours.tar'), writeTar(content));
      execFileSync('tar', ['-xf', 'ours.tar'], { cwd: dir });
      for (const [p, d] of content) expect(new Uint8Array(readFileSync(path.join(dir, p)))).toEqual(d);
      execFileSync('tar', ['--format=ustar', '-cf', 'theirs.tar', 'e1'], { cwd: dir });
      const theirs = readTar(new Uint8Array(readFileSync(path.join(dir, 'theirs.tar'))));
      for (const [p, d] of content) expect(theirs.get(p)).toEqual(d);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
