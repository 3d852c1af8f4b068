// `npm run bench:cast`: the API (`services/api/dist/main.js`, the production start-up path) in its own process on
// a scratch database of the PostgreSQL server, driven from this process by BENCH_VOTERS simulated voters with
// BENCH_CONCURRENCY requests in flight (real cryptography). Phases: issuance (sign-in, identity key, blind-signed
// credential; each voter on its own loopback address), ballot building (client CPU, untimed), casting (anonymous,
// over shared keep-alive connections: BENCH_WARMUP casts, then the rest). Prints requests/s, p50/p99 latency and
// errors per phase, the CPU per request of the API, the publisher, PostgreSQL and this process, and the cast
// transactions' sizes.
// Not a test. Server: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_OFFICER } from '@openslate/api';
import { openDatabase } from '@openslate/db';
import { createScratchDatabase } from '@openslate/db/testing';
import { setUpElection } from './cast-election.js';
import { HttpClient, type Reply } from './cast-http.js';
import { profileSummary } from './cast-profile.js';
import {
  postgresCpu,
  postgresCpuBetween,
  processCpuSeconds,
  summarise,
  waitForHealth,
  type Phase,
} from './cast-report.js';
import { BenchVoter, type Manifest } from './cast-voter.js';

const SERVER_URL =
  process.env['BENCH_DATABASE_URL'] ||
  process.env['DATABASE_URL'] ||
  'postgres://postgres@127.0.0.1:5432/postgres';
const VOTERS = Number(process.env['BENCH_VOTERS'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 100);
// Casts before the timed ones (BENCH_WARMUP, default 500): the first ballots of a fresh process compile the cast
// path (JIT) on the event loop and in the verification thread; they are timed and printed on their own.
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 500);
const PROFILE = Boolean(process.env['BENCH_PROFILE']);
const SERVICES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../services');
const MAIN = path.join(SERVICES, 'api/dist/main.js');
const PUBLISHER = path.join(SERVICES, 'publisher/dist/main.js');
// As docker-compose runs them: the log publisher in its own process beside the API (BENCH_PUBLISHER=in-process:
// inside the API process, as the embedded demo does).
const SEPARATE_PUBLISHER = process.env['BENCH_PUBLISHER'] !== 'in-process';

/** Runs `task` over `items` with at most `limit` in flight; results in the order of `items`. */
async function inPool<T, R>(items: readonly T[], limit: number, task: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Times `replies` (all requests of a phase) on the wall clock and on the server process's CPU. */
async function phase(
  name: string,
  pid: number,
  publisherPid: number | undefined,
  clients: readonly HttpClient[],
  run: () => Promise<Reply[]>,
): Promise<Phase> {
  for (const c of clients) c.reconnect();
  const cpu0 = processCpuSeconds(pid);
  const publisher0 = publisherPid === undefined ? 0 : processCpuSeconds(publisherPid);
  const pg0 = postgresCpu();
  const driver0 = process.cpuUsage();
  const t0 = performance.now();
  const replies = await run();
  const seconds = (performance.now() - t0) / 1000;
  const driver = process.cpuUsage(driver0);
  return {
    name,
    replies,
    seconds,
    serverCpuSeconds: processCpuSeconds(pid) - cpu0,
    publisherCpuSeconds:
      publisherPid === undefined ? undefined : processCpuSeconds(publisherPid) - publisher0,
    postgresCpuSeconds: postgresCpuBetween(pg0, postgresCpu()),
    driverCpuSeconds: (driver.user + driver.system) / 1e6,
  };
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL);
  const dir = mkdtempSync(path.join(tmpdir(), 'openslate-bench-cast-'));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const base = new URL(`http://127.0.0.1:${port}`);
  const env = () => ({
    ...process.env,
    DATABASE_URL: scratch.url,
    OPENSLATE_KEY_DIR: path.join(dir, 'keys'),
    OPENSLATE_PUBLICATION_DIR: path.join(dir, 'publication'),
    LOG_LEVEL: 'warn',
  });
  const startApi = (profile: boolean) =>
    spawn(process.execPath, [...(profile ? ['--cpu-prof'] : []), MAIN], {
      cwd: dir,
      env: {
        ...env(),
        PORT: String(port),
        OPENSLATE_DEMO: '1',
        OPENSLATE_SESSION_SECRET: secret,
        ...(SEPARATE_PUBLISHER ? { OPENSLATE_PUBLISHER: 'off' } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const stopProcess = async (child: ChildProcess) => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  const secret = randomBytes(32).toString('base64url');
  let server = startApi(false);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url });
  let publisher: ChildProcess | undefined;
  try {
    await waitForHealth(new URL('/healthz', base), server);
    // Started once the API has made the log signing key, which both load from OPENSLATE_KEY_DIR.
    if (SEPARATE_PUBLISHER)
      publisher = spawn(process.execPath, [PUBLISHER], {
        cwd: dir,
        env: env(),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    console.log(
      `bench:cast — ${VOTERS} voters, ${CONCURRENCY} in flight; API pid ${server.pid} on a scratch database ` +
        `of ${new URL(SERVER_URL).host}, log publisher ${publisher ? `in its own process (pid ${publisher.pid})` : 'in the API process'}; ` +
        `load average ${loadavg()[0]!.toFixed(1)} on a shared machine\n`,
    );
    const election = await setUpElection(base, database, DEMO_OFFICER, VOTERS);
    const manifest = (await new HttpClient(base).expect(
      200,
      new HttpClient(base).get(`/api/elections/${election.id}/manifest`),
    )) as unknown as Manifest;
    const voters = election.codes.map((_, i) => new BenchVoter(HttpClient.forVoter(base, i), election.id));

    const members = await inPool(voters, CONCURRENCY, (v, i) => v.prepare(election.codes[i]!));
    const clients = voters.map((v) => v.client);
    const issuance = await phase(
      'credentials issued (client blinding included in the wall time)',
      server.pid!,
      publisher?.pid,
      clients,
      () => inPool(voters, CONCURRENCY, (v, i) => v.obtainCredential(manifest, members[i]!)),
    );
    const t0 = performance.now();
    const ballots = voters.map((v, i) =>
      JSON.stringify({
        ballot: v.ballot(manifest, {
          [election.contest]: { ranking: [election.candidates[i % election.candidates.length]!] },
        }),
      }),
    );
    console.log(
      `ballots built on the client in ${((performance.now() - t0) / 1000).toFixed(1)} s (untimed)\n`,
    );
    if (PROFILE) {
      // The profile covers the casting phase alone: the API restarts under --cpu-prof on the same database.
      await stopProcess(server);
      server = startApi(true);
      await waitForHealth(new URL('/healthz', base), server);
    }
    // Casting is anonymous (no session token, as the browser sends it) over CONCURRENCY keep-alive connections
    // shared by all voters, as a reverse proxy keeps them to the API.
    const caster = new HttpClient(base, '127.0.0.1', null, CONCURRENCY);
    const cast = (name: string, some: readonly string[]) =>
      phase(name, server.pid!, publisher?.pid, [caster], () =>
        inPool(some, CONCURRENCY, (ballot) => caster.post(`/api/elections/${election.id}/ballots`, ballot)),
      );
    const warmup = Math.min(WARMUP, Math.floor(ballots.length / 2));
    const warming =
      warmup > 0 ? [await cast(`warm-up casts (the first ${warmup})`, ballots.slice(0, warmup))] : [];
    const casting = await cast(
      warmup > 0 ? `ballots cast (the other ${ballots.length - warmup})` : 'ballots cast',
      ballots.slice(warmup),
    );
    caster.close();
    for (const p of [issuance, ...warming, casting]) console.log(summarise(p));
    const metrics = await (await fetch(new URL('/metrics', base))).text();
    const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1]);
    const batches = metric('openslate_cast_batch_size_count');
    console.log(
      `cast transactions: ${batches}, ${(metric('openslate_cast_batch_size_sum') / batches).toFixed(1)} ballots each on average`,
    );

    const stored = await database.db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('election_id', '=', election.id)
      .executeTakeFirstOrThrow();
    const accepted = [...warming, casting].flatMap((p) => p.replies).filter((r) => r.status === 201).length;
    console.log(`ballots stored: ${stored.n} (201 answers: ${accepted})`);
    for (const v of voters) v.client.close();
  } finally {
    if (publisher) await stopProcess(publisher);
    await stopProcess(server);
    await database.close();
    await scratch.drop();
    if (PROFILE) console.log(profileSummary(dir));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
