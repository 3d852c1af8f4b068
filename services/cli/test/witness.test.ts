import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  cosignatureVerifier,
  generateKey,
  MemoryTileLog,
  noteSigner,
  openNote,
  parseVerifierKey,
  proveConsistency,
  signCheckpoint,
  SIG_COSIGNATURE_V1,
  tileHashReader,
  toBase64,
} from '@openslate/log';
import { main } from '../src/main.js';

const ORIGIN = 'openslate.example/e1';
const logKey = generateKey(ORIGIN);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const entries = (from: number, to: number, tag = 'honest'): Uint8Array[] =>
  Array.from({ length: to - from }, (_, i) => new TextEncoder().encode(`{"${tag}":${from + i}}`));

/**
 * A tiny log server over a directory the package wrote (C2SP tlog-tiles layout with a checkpoint at its top),
 * with the proof endpoint answered from those tiles, and an inbox for cosignatures.
 */
class LogServer {
  dir = '';
  readonly cosignatures: { checkpoint: string; cosignature: string }[] = [];
  private readonly server: Server;

  constructor(private readonly work: string) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => res.writeHead(500).end(e.message));
    });
  }

  private readonly fetch = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      return await readFile(join(this.dir, path));
    } catch {
      return undefined;
    }
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/cosignatures') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      this.cosignatures.push(JSON.parse(body) as { checkpoint: string; cosignature: string });
      res.writeHead(204).end();
    } else if (url.pathname === '/proof/consistency') {
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      const proof = await proveConsistency(tileHashReader(to, this.fetch), from, to);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ from, to, proof: proof.map(toBase64) }));
    } else {
      const data = await this.fetch(url.pathname.slice(1));
      res.writeHead(data ? 200 : 404).end(data);
    }
  }

  /** Writes `log` and its signed checkpoint to a fresh directory and serves that. */
  publish(log: MemoryTileLog): void {
    this.dir = mkdtempSync(join(this.work, 'pub-'));
    for (const [path, data] of log.files) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), data);
    }
    const checkpoint = signCheckpoint({ origin: ORIGIN, size: log.size, root: log.root, extensions: [] }, [
      noteSigner(logKey.signerKey),
    ]);
    writeFileSync(join(this.dir, 'checkpoint'), checkpoint);
  }

  get checkpoint(): string {
    return readFileSync(join(this.dir, 'checkpoint'), 'utf8');
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): void {
    this.server.close();
  }
}

const logOf = (...batches: Uint8Array[][]): MemoryTileLog => {
  const log = new MemoryTileLog();
  for (const b of batches) log.append(b);
  return log;
};

describe('openslate witness', () => {
  let work: string;
  let server: LogServer;
  let url: string;
  let witnessVkey: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'openslate-witness-'));
    server = new LogServer(work);
    url = await server.start();
    const generated = await cli([
      'witness',
      '--generate',
      'witness.example/w1',
      '--key',
      join(work, 'w.key'),
    ]);
    expect(generated.code).toBe(0);
    witnessVkey = generated.out.trim();
  });
  afterAll(() => {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const witnessOnce = () =>
    cli([
      'witness',
      '--log',
      url,
      '--vkey',
      logKey.verifierKey,
      '--key',
      join(work, 'w.key'),
      '--state',
      join(work, 'state.json'),
      '--once',
    ]);

  it('--generate writes a cosignature signer key and prints its verifier key', async () => {
    expect(parseVerifierKey(witnessVkey)).toMatchObject({
      name: 'witness.example/w1',
      type: SIG_COSIGNATURE_V1,
    });
    expect(readFileSync(join(work, 'w.key'), 'utf8')).toMatch(
      /^PRIVATE\+KEY\+witness\.example\/w1\+[0-9a-f]{8}\+/,
    );
    // It never overwrites a key.
    expect((await cli(['witness', '--generate', 'w2', '--key', join(work, 'w.key')])).code).toBe(2);
  });

  it('cosigns the first checkpoint it sees, and the cosignature verifies', async () => {
    const log = logOf(entries(0, 5));
    server.publish(log);
    const r = await witnessOnce();
    expect(r).toMatchObject({ code: 0, out: `cosigned ${ORIGIN} 5 ${toBase64(log.root)}\n` });
    const posted = server.cosignatures.at(-1)!;
    expect(server.checkpoint.startsWith(posted.checkpoint)).toBe(true);
    const opened = openNote(`${server.checkpoint}${posted.cosignature}\n`, [
      cosignatureVerifier(witnessVkey),
    ]);
    expect(opened.verified.map((s) => s.name)).toEqual(['witness.example/w1']);
    expect(JSON.parse(readFileSync(join(work, 'state.json'), 'utf8'))).toMatchObject({ size: 5 });
  });

  it('cosigns a grown log after checking the consistency proof', async () => {
    server.publish(logOf(entries(0, 5), entries(5, 300)));
    const r = await witnessOnce();
    expect(r.code).toBe(0);
    expect(server.cosignatures).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(work, 'state.json'), 'utf8'))).toMatchObject({ size: 300 });
  });

  it('refuses (exit 1) a log that rewrote history, and does not cosign or move its state', async () => {
    // Same key, larger size, but entry 2 was changed: the proof from 300 cannot be consistent.
    const rewritten = logOf([...entries(0, 2), ...entries(2, 3, 'forged'), ...entries(3, 400)]);
    server.publish(rewritten);
    const r = await witnessOnce();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED.*LOG_INCONSISTENT/);
    expect(server.cosignatures).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(work, 'state.json'), 'utf8'))).toMatchObject({ size: 300 });
  });

  it('refuses a log that went back to a smaller size', async () => {
    server.publish(logOf(entries(0, 200)));
    const r = await witnessOnce();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED.*went back/);
  });

  it('refuses a different root for the same size', async () => {
    server.publish(logOf([...entries(0, 299), ...entries(299, 300, 'forged')]));
    const r = await witnessOnce();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED/);
  });

  it('reports a checkpoint not signed by the log key (exit 1 with --once)', async () => {
    server.publish(logOf(entries(0, 300), entries(300, 301)));
    const other = generateKey(ORIGIN);
    const r = await cli([
      'witness',
      '--log',
      url,
      '--vkey',
      other.verifierKey,
      '--key',
      join(work, 'w.key'),
      '--once',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/LOG_UNKNOWN_KEY/);
  });

  it.each([
    [['witness']],
    [['witness', '--key', 'k']],
    [['witness', '--log', 'http://x', '--vkey', 'v']],
    [['witness', '--log', 'http://x', '--vkey', 'v', '--key', '/no/such/key', '--once']],
    [['witness', '--bogus']],
  ])('exits 2 with usage for %j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: openslate witness/);
    expect(existsSync('k')).toBe(false);
  });
});
