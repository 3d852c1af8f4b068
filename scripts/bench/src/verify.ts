// `npm run bench:verify`: verifies the bundle of a synthetic election (verify-fixture.ts; the demo's shape) of
// each size in BENCH_VOTERS (default "10000,100000"), with the worker threads of '@openslate/verify/node' as
// `openslate verify` does, and prints the generation time (separately; cached bundles cost none), the
// verification's wall and CPU time, ballots verified per second, the time of each check, and the load average.
// Figures only: nothing is asserted.
import { availableParallelism, loadavg } from 'node:os';
import { createNodeBackend, loadNodeGroup } from '@openslate/ballot/node';
import { readFromMap, verifyBundle } from '@openslate/verify';
import { workerRunner } from '@openslate/verify/node';
import { verifyBundleFixture } from './verify-fixture.js';

const THREADS = Number(process.env['BENCH_THREADS'] ?? availableParallelism());
const SIZES = (process.env['BENCH_VOTERS'] ?? '10000,100000').split(',').map(Number);

async function benchOne(voters: number): Promise<void> {
  const fixture = await verifyBundleFixture(voters);
  const bytes = [...fixture.files.values()].reduce((n, d) => n + d.length, 0);
  console.log(
    `${voters} voters: bundle ${(bytes / 1e6).toFixed(1)} MB, ${fixture.files.size} files, ` +
      (fixture.builtSeconds === undefined
        ? `cached (${fixture.archive})`
        : `generated in ${fixture.builtSeconds.toFixed(1)} s (${fixture.archive})`) +
      `; load ${loadavg()[0]!.toFixed(1)}`,
  );
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let last = start;
  const report = await verifyBundle({
    read: readFromMap(fixture.files),
    backend: createNodeBackend(),
    group: await loadNodeGroup(),
    runner: workerRunner(THREADS),
    onLine: (line) => {
      const now = performance.now();
      console.log(
        `  ${line.check.padEnd(9)} ${((now - last) / 1000).toFixed(2).padStart(7)} s  ${line.ok ? 'ok' : `FAIL ${line.message}`}`,
      );
      last = now;
    },
  });
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const ballots = report.contests[0]?.ballots ?? 0;
  console.log(
    `  verify: ${report.ok ? 'ok' : `FAILED ${report.failure?.code}`}; ${wall.toFixed(2)} s wall, ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s (all threads); ${(ballots / wall).toFixed(0)} counted ballots/s; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load ${loadavg()[0]!.toFixed(1)}`,
  );
  const work = report.work;
  if (work)
    console.log(
      `  per-ballot work on ${THREADS} thread(s), thread-seconds summed: signatures ${(work.signatures / 1000).toFixed(1)}, ` +
        `ciphertext proofs ${(work.proofs / 1000).toFixed(1)}, decryption ${(work.decryption / 1000).toFixed(1)}`,
    );
}

for (const voters of SIZES) await benchOne(voters);
