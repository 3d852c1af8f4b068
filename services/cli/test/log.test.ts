import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateKey, MemoryTileLog, noteSigner, signCheckpoint, toBase64 } from '@openslate/log';
import { main } from '../src/main.js';

const ORIGIN = 'openslate.example/e1';
const key = generateKey(ORIGIN);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** Writes a signed publication of `size` entries to a fresh directory. */
function publish(size: number): { dir: string; log: MemoryTileLog } {
  const log = new MemoryTileLog();
  log.append(Array.from({ length: size }, (_, i) => new TextEncoder().encode(`{"entry":${i}}`)));
  const dir = mkdtempSync(join(tmpdir(), 'openslate-log-verify-'));
  for (const [path, data] of log.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  const checkpoint = signCheckpoint({ origin: ORIGIN, size, root: log.root, extensions: [] }, [
    noteSigner(key.signerKey),
  ]);
  writeFileSync(join(dir, 'checkpoint'), checkpoint);
  return { dir, log };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (size: number) => {
  const p = publish(size);
  dirs.push(p.dir);
  return p;
};

describe('openslate log verify', () => {
  it('prints ok <size> <root> for an honest directory, with the key inline or in a file', async () => {
    const { dir, log } = fresh(300);
    expect(await cli(['log', 'verify', dir, '--vkey', key.verifierKey])).toEqual({
      code: 0,
      out: `ok 300 ${toBase64(log.root)}\n`,
      err: '',
    });
    writeFileSync(join(dir, 'log.vkey'), `${key.verifierKey}\n`);
    expect((await cli(['log', 'verify', dir, '--vkey', join(dir, 'log.vkey')])).code).toBe(0);
  });

  it('names the first problem and exits 1', async () => {
    const { dir } = fresh(300);
    writeFileSync(join(dir, 'tile/entries/001.p/44'), Uint8Array.of(0, 9, 1));
    const r = await cli(['log', 'verify', dir, '--vkey', key.verifierKey]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/LOG_TRUNCATED_BUNDLE/);
    const other = generateKey(ORIGIN);
    expect((await cli(['log', 'verify', dir, '--vkey', other.verifierKey])).err).toMatch(/LOG_UNKNOWN_KEY/);
    const empty = mkdtempSync(join(tmpdir(), 'openslate-log-verify-'));
    dirs.push(empty);
    expect(await cli(['log', 'verify', empty, '--vkey', key.verifierKey])).toMatchObject({ code: 1 });
  });

  it('verifies over HTTP', async () => {
    const big = fresh(520);
    const checkpoint = signCheckpoint({ origin: ORIGIN, size: 520, root: big.log.root, extensions: [] }, [
      noteSigner(key.signerKey),
    ]);
    const files = new Map([...big.log.files, ['checkpoint', new TextEncoder().encode(checkpoint)]]);
    const server: Server = createServer((req, res) => {
      const data = files.get((req.url ?? '').replace(/^\/log\//, ''));
      res.writeHead(data ? 200 : 404).end(data);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/log/`;
    try {
      expect(await cli(['log', 'verify', url, '--vkey', key.verifierKey])).toMatchObject({
        code: 0,
        out: `ok 520 ${toBase64(big.log.root)}\n`,
      });
      files.delete('tile/1/000.p/2');
      expect((await cli(['log', 'verify', url, '--vkey', key.verifierKey])).err).toMatch(/LOG_MISSING_TILE/);
    } finally {
      server.close();
    }
  });

  it.each([
    [['log']],
    [['log', 'check', 'x']],
    [['log', 'verify', 'x']],
    [['log', 'verify', '--vkey', 'k']],
    [['log', 'verify', 'a', 'b', '--vkey', 'k']],
    [['log', 'verify', 'x', '--vkey', 'k', '--bogus']],
    [['log', 'verify', 'x', '--vkey', '/no/such/file']],
  ])('exits 2 with usage on stderr for %j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: openslate log verify/);
  });
});
