// The database going away under the API, and coming back: requests fail fast with 503 DATABASE_UNAVAILABLE
// (never a 500, never hanging) and succeed again on their own once the database answers.
// PostgreSQL only: restarting the shared server would break other test files running in parallel, and PGlite
// lives inside the process, so the outage is made two ways on the test's own scratch database — a TCP relay in
// front of the server that is shut and reopened, and every backend of the database terminated in a loop.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { openDatabase, type Database } from '@openslate/db';
import type { Express } from 'express';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

jest.setTimeout(60_000);

const onPostgres = process.env['DATABASE_URL'] ? describe : describe.skip;

/** A TCP relay to the PostgreSQL server that can be shut (connections cut, port refused) and reopened. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }

  async shut(): Promise<void> {
    const closed = new Promise((r) => this.server?.close(r));
    for (const s of this.sockets) s.destroy();
    await closed;
    this.server = null;
  }
}

interface Answer {
  status: number;
  code: string | undefined;
}

onPostgres('the database becoming unreachable', () => {
  let api: TestApi;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi();
    officer = (await officerToken(api)).token;
  });
  afterAll(() => api.close());

  /** A read (the public list) and a write (a new election in a transaction); each must answer, not hang. */
  async function probe(app: Express): Promise<Answer[]> {
    const answers = await Promise.all([
      request(app).get('/api/elections').timeout(20_000),
      request(app)
        .post('/api/officer/elections')
        .set(bearer(officer))
        .send({ title: 'during the outage' })
        .timeout(20_000),
    ]);
    return answers.map((r) => ({ status: r.status, code: r.body?.error?.code as string | undefined }));
  }

  /** Probes until both succeed (at most `tries`), checking every answer on the way is a success or a 503. */
  async function recovers(app: Express, tries: number): Promise<boolean> {
    for (let i = 0; i < tries; i++) {
      const answers = await probe(app);
      for (const a of answers) expectSuccessOrUnavailable(a);
      if (answers.every((a) => a.status < 300)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  function expectSuccessOrUnavailable(a: Answer): void {
    if (a.status < 300) return;
    expect(a).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  }

  test('the server disappears (relay shut): 503 DATABASE_UNAVAILABLE, then success when it is back', async () => {
    const target = new URL(api.database.url!);
    const relay = new Relay(20000 + Math.floor(Math.random() * 10000), {
      host: target.hostname,
      port: Number(target.port || 5432),
    });
    await relay.open();
    const viaRelay = new URL(target);
    viaRelay.port = String(relay.port);
    const database: Database = await openDatabase({ kind: 'postgres', url: viaRelay.toString() });
    const app = createApp({ ...api.ctx, database });
    try {
      expect((await probe(app)).map((a) => a.status)).toEqual([200, 201]);
      await relay.shut();
      // Pooled connections are cut and new ones refused: every request answers 503, none hangs or says 500.
      for (let i = 0; i < 3; i++)
        expect(await probe(app)).toEqual([
          { status: 503, code: 'DATABASE_UNAVAILABLE' },
          { status: 503, code: 'DATABASE_UNAVAILABLE' },
        ]);
      await relay.open();
      expect(await recovers(app, 30)).toBe(true);
    } finally {
      await relay.shut();
      await database.close();
    }
  });

  // Regression: a backend terminated while a request held its pooled client once crashed the API process
  // (node-postgres emitted 'error' on the checked-out client with no listener; services/db/src/connect.ts now
  // listens on every client).
  test('every backend of the database terminated in a loop: success or 503, and success once it stops', async () => {
    const name = new URL(api.database.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    let stop = false;
    let terminated = 0;
    const killer = (async () => {
      while (!stop) {
        const r = await admin.query(
          'select pg_terminate_backend(pid) as t from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        terminated += r.rowCount ?? 0;
        await new Promise((res) => setTimeout(res, 5));
      }
    })();
    const seen: Answer[] = [];
    try {
      for (let i = 0; i < 15; i++) seen.push(...(await probe(api.app)));
    } finally {
      stop = true;
      await killer;
      await admin.end();
    }
    for (const a of seen) expectSuccessOrUnavailable(a);
    expect(terminated).toBeGreaterThan(0);
    expect(seen.some((a) => a.status === 503)).toBe(true);
    expect(await recovers(api.app, 30)).toBe(true);
  });
});
