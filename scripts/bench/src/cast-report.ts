// Figures for bench:cast: latency percentiles, throughput, errors by status and code, and a process's CPU time.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Reply } from './cast-http.js';

export interface Phase {
  readonly name: string;
  readonly replies: readonly Reply[];
  readonly seconds: number;
  readonly serverCpuSeconds: number;
  /** CPU of the log publisher's own process, when it runs beside the API (as docker-compose runs it). */
  readonly publisherCpuSeconds?: number | undefined;
  /** CPU of every PostgreSQL process on the machine (other users' included) during the phase. */
  readonly postgresCpuSeconds: number;
  /** CPU of this process (the simulated voters) during the phase. */
  readonly driverCpuSeconds: number;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

// proc(5): fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (USER_HZ, 100 on Linux).
const USER_HZ = 100;

/** CPU seconds (user + system, all threads) a process has used so far; 0 if it has gone. */
export function processCpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** Per process id, CPU seconds so far of every process named `postgres` (proc(5) comm field). */
export function postgresCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    cpu.set(Number(name), processCpuSeconds(Number(name)));
  }
  return cpu;
}

/** CPU used by PostgreSQL between two `postgresCpu()` readings (backends that started or ended included). */
export function postgresCpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>) {
  let sum = 0;
  for (const [pid, s] of after) sum += s - (before.get(pid) ?? 0);
  return sum;
}

/** The p99 latency of each tenth of `replies` (in the order sent): a warm-up or a stall shows in one tenth. */
function tenths(replies: readonly Reply[]): number[] {
  const size = Math.ceil(replies.length / 10);
  return Array.from({ length: 10 }, (_, i) =>
    quantile(
      replies
        .slice(i * size, (i + 1) * size)
        .map((r) => r.ms)
        .sort((a, b) => a - b),
      0.99,
    ),
  ).filter((x) => !Number.isNaN(x));
}

export function summarise(p: Phase): string {
  const ms = p.replies.map((r) => r.ms).sort((a, b) => a - b);
  const errors = new Map<string, number>();
  for (const r of p.replies) {
    if (r.status < 300) continue;
    const code = (r.body['error'] as { code?: string } | undefined)?.code ?? 'no code';
    const key = `${r.status} ${code}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  const n = p.replies.length;
  const perRequest = (seconds: number) => ((seconds * 1000) / n).toFixed(2);
  const errorText = errors.size === 0 ? '0' : [...errors].map(([k, c]) => `${c} × ${k}`).join(', ');
  return [
    `${p.name}: ${n} requests in ${p.seconds.toFixed(2)} s = ${(n / p.seconds).toFixed(0)}/s`,
    `  latency p50 ${quantile(ms, 0.5).toFixed(1)} ms, p99 ${quantile(ms, 0.99).toFixed(1)} ms, max ${ms.at(-1)?.toFixed(1)} ms`,
    `  p99 by tenth of the requests, in the order sent: ${tenths(p.replies)
      .map((t) => t.toFixed(0))
      .join(' ')} ms`,
    `  errors: ${errorText}`,
    `  CPU per request: API process ${perRequest(p.serverCpuSeconds)} ms, ` +
      (p.publisherCpuSeconds === undefined ? '' : `publisher ${perRequest(p.publisherCpuSeconds)} ms, `) +
      `PostgreSQL ${perRequest(p.postgresCpuSeconds)} ms, ` +
      `simulated voters ${perRequest(p.driverCpuSeconds)} ms (API ${p.serverCpuSeconds.toFixed(2)} s in all)`,
    '',
  ].join('\n');
}

/** Polls `url` until it answers; fails if the child exits first. */
export async function waitForHealth(url: URL, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
