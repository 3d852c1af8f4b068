// Compatibility with programs we did not write: Go's golang.org/x/mod/sumdb/note and .../tlog (Debian
// golang-go + golang-golang-x-mod-dev) open our checkpoint, rebuild our tree and tiles, and prove the same.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateKey, noteSigner, signCheckpoint, toBase64 } from '../src/index.js';
import { entry, Publication } from './helpers.js';

const GOPATH = '/usr/share/gocode';
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) {
  console.warn(
    'go-compat: SKIPPED, `go` is not installed. Install it with: ' +
      'apt-get install -y golang-go golang-golang-x-mod-dev',
  );
}
const maybe = hasGo ? describe : describe.skip;

maybe('Go sumdb/note and sumdb/tlog agree with @openslate/log', () => {
  let work: string;
  let binary: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'openslate-go-compat-'));
    binary = join(work, 'checklog');
    execFileSync('go', ['build', '-o', binary, join(__dirname, 'go', 'checklog.go')], {
      env: { ...process.env, GO111MODULE: 'off', GOPATH, GOCACHE: join(work, 'gocache'), GOFLAGS: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const writeDir = (name: string, pub: Publication): string => {
    const dir = join(work, name);
    for (const [path, data] of pub.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    return dir;
  };

  it.each([
    [1, 0, 1],
    [300, 299, 256],
    [1000, 517, 700],
  ])('a log of %i entries: note.Open, tlog roots, tiles and proofs match', (size, leaf, old) => {
    const { signerKey, verifierKey } = generateKey('openslate.example/compat');
    const pub = new Publication();
    // Several batches, so partial tiles are rewritten on the way.
    pub.append(Array.from({ length: Math.floor(size / 3) }, (_, i) => entry(i, 200)));
    const result = pub.append(Array.from({ length: size - pub.size }, (_, i) => entry(pub.size + i, 200)));
    const dir = writeDir(`pub-${size}`, pub);
    const checkpoint = signCheckpoint(
      { origin: 'openslate.example/compat', size, root: result.root, extensions: [] },
      [noteSigner(signerKey)],
    );
    writeFileSync(join(dir, 'checkpoint'), checkpoint);

    const out = execFileSync(binary, [dir, verifierKey, String(leaf), String(old)], {
      encoding: 'utf8',
    }).split('\n');
    expect(out[0]).toBe(`ok ${size} ${toBase64(result.root)}`);
    expect(out[1]).toBe(['inclusion', ...pub.tree.inclusionProof(leaf).map(toBase64)].join(' '));
    expect(out[2]).toBe(['consistency', ...pub.tree.consistencyProof(old).map(toBase64)].join(' '));
  });

  it('Go refuses a checkpoint whose signature we did not make', () => {
    const ours = generateKey('openslate.example/compat');
    const theirs = generateKey('openslate.example/compat');
    const pub = new Publication();
    const { root } = pub.append([entry(0)]);
    const dir = writeDir('pub-wrong-key', pub);
    writeFileSync(
      join(dir, 'checkpoint'),
      signCheckpoint({ origin: 'openslate.example/compat', size: 1, root, extensions: [] }, [
        noteSigner(theirs.signerKey),
      ]),
    );
    const r = spawnSync(binary, [dir, ours.verifierKey, '0', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/note.Open/);
  });
});
