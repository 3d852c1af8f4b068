// Killing the API mid-cast: the real process (dist/main.js, as `npm start` runs it) takes ballots, is SIGKILLed
// half-way, and restarts on the same database. Every ballot that got a receipt (201) is stored and in the log;
// no ballot row lacks its log entry and no `ballot.cast` entry lacks its row; voters who never saw an answer can
// send the same ballot again (201 if it was lost, 409 STALE_COUNTER if it had committed).
// PostgreSQL only: the embedded PGlite is a single in-process database that a second process cannot open, so the
// election is prepared in-process and handed to the spawned API through the server's scratch database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inPool, openElection, votersWithCredentials } from './flow.js';
import { officerToken, startTestApi, type TestApi } from './support.js';

const MAIN = path.resolve(__dirname, '../dist/main.js');
const VOTERS = 60;
jest.setTimeout(150_000);

const onPostgres = process.env['DATABASE_URL'] ? describe : describe.skip;

interface Answer {
  status: number;
  body?: { hash?: string; logIndex?: number; error?: { code: string } };
}

onPostgres('the API killed while ballots are being cast', () => {
  let api: TestApi;
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    api = await startTestApi({ issuancePerMinute: 100_000 });
    dir = mkdtempSync(path.join(tmpdir(), 'openslate-kill-'));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts dist/main.js on the test's database and waits until it answers /healthz. */
  async function startProcess(): Promise<{ child: ChildProcess; base: string }> {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: api.database.url!,
        PORT: String(port),
        OPENSLATE_KEY_DIR: path.join(dir, 'keys'),
        OPENSLATE_PUBLICATION_DIR: path.join(dir, 'publication'),
        OPENSLATE_SESSION_SECRET: 'kill-test-session-secret-kill-test-session-secret',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return { child, base };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const cast = (base: string, electionId: string, body: string): Promise<Answer> =>
    fetch(`${base}/api/elections/${electionId}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then(
      async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'] }),
      () => ({ status: 0 }), // the connection died with the process
    );

  test('every receipt survives a SIGKILL; the log and the ballots agree; lost casts can be resent', async () => {
    const { token } = await officerToken(api);
    const election = await openElection(api.app, api.database.db, token, VOTERS);
    const voters = await votersWithCredentials(api.app, election.id, election.codes);
    const bodies = await inPool(voters, 8, async (v) =>
      JSON.stringify({
        ballot: await v.ballot({ [election.contest.id]: { ranking: [election.contest.candidates[1]!] } }),
      }),
    );

    // Cast with 6 in flight; SIGKILL once 20 answers are in, while others are on the wire.
    const first = await startProcess();
    const answers: Answer[] = new Array(VOTERS).fill({ status: -1 });
    let answered = 0;
    await inPool(
      bodies.map((b, i) => ({ b, i })),
      6,
      async ({ b, i }) => {
        if (first.child.signalCode !== null) return;
        answers[i] = await cast(first.base, election.id, b);
        if (++answered === 20) first.child.kill('SIGKILL');
      },
    );
    await new Promise((r) =>
      first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r),
    );
    const receipts = answers.filter((a) => a.status === 201);
    expect(receipts.length).toBeGreaterThanOrEqual(20);
    expect(receipts.length).toBeLessThan(VOTERS);
    // Before the kill nothing failed: every answer is a receipt, or the connection died with the process.
    for (const a of answers) expect([201, 0, -1]).toContain(a.status);

    await checkConsistency(election.id, receipts);

    // Restart on the same database; the voters without a receipt send the same ballot again.
    const second = await startProcess();
    const retried = await inPool(
      answers.flatMap((a, i) => (a.status === 201 ? [] : [i])),
      6,
      async (i) => ({ i, answer: await cast(second.base, election.id, bodies[i]!) }),
    );
    for (const { answer } of retried) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body?.error?.code).toBe('STALE_COUNTER');
    }
    const all = [...receipts, ...retried.map((r) => r.answer).filter((a) => a.status === 201)];
    const rows = await checkConsistency(election.id, all);
    // Each voter's ballot is stored exactly once, whether its first answer arrived or not.
    expect(rows).toBe(VOTERS);
    second.child.kill('SIGTERM');
  });

  /** Receipts ⊆ stored; ballots rows ↔ ballot.cast entries one to one; the log is gap-free. Returns the rows. */
  async function checkConsistency(electionId: string, receipts: Answer[]): Promise<number> {
    const db = api.database.db;
    const rows = await db
      .selectFrom('ballots')
      .select(['hash', 'log_idx', 'ballot_key', 'counter'])
      .where('election_id', '=', electionId)
      .orderBy('log_idx')
      .execute();
    const entries = await db
      .selectFrom('log_entries')
      .select(['idx', 'entry'])
      .where('election_id', '=', electionId)
      .orderBy('idx')
      .execute();
    const head = await db
      .selectFrom('log_heads')
      .select('size')
      .where('election_id', '=', electionId)
      .executeTakeFirstOrThrow();
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    expect(head.size).toBe(entries.length);
    const decoded = entries.map((e) => JSON.parse(new TextDecoder().decode(e.entry)));
    const castAt = decoded.flatMap((d, i) => (d.type === 'ballot.cast' ? [i] : []));
    expect(rows.map((r) => r.log_idx)).toEqual(castAt);
    for (const r of rows)
      expect(decoded[r.log_idx].body.ballot).toMatchObject({ ballotKey: r.ballot_key, counter: r.counter });
    const byHash = new Map(rows.map((r) => [r.hash, r.log_idx]));
    for (const a of receipts) expect(byHash.get(a.body!.hash!)).toBe(a.body!.logIndex);
    return rows.length;
  }
});
