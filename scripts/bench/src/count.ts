// `npm run bench:count`: seeded synthetic STV elections (20 candidates, 9 seats; 100k and 1M voters with realistic
// preference depth) counted under every rule. Prints voters/s, distinct rankings and peak memory per rule.
// Each count runs in a fresh child process, so its peak RSS is its own. Targets: 1M voters under 2 s for
// scottish/ers97/wigm and under 10 s for meek, under 500 MB.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  count,
  candidateId,
  type Ballot,
  type CandidateId,
  type Election,
  type RuleName,
} from '@openslate/stv';

const CANDIDATES = 20;
const SEATS = 9;
const RULES: readonly RuleName[] = ['scottish', 'ers97', 'wigm', 'meek'];
const SIZES = [100_000, 1_000_000];

/** xorshift32: a small seeded integer generator, so every run counts the same elections. */
function generator(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/**
 * Voters rank candidates by popularity (Plackett–Luce draws with integer weights, two party blocs that prefer
 * their own candidates) and stop after a few preferences (1 to 20, most between 2 and 6).
 */
export function syntheticElection(voters: number, seed = 2026): Election {
  const random = generator(seed);
  const popularity = Array.from({ length: CANDIDATES }, (_, i) => 60 - 2 * i + random(20));
  const bloc = (c: number): number => c % 2;
  const groups = new Map<string, { weight: bigint; preferences: CandidateId[][] }>();
  const single = Array.from({ length: CANDIDATES }, (_, c) => [candidateId(c)]); // shared one-candidate ranks
  for (let v = 0; v < voters; v++) {
    const own = random(2);
    const depth = Math.min(
      CANDIDATES,
      1 + random(3) + random(3) + random(2) + (random(10) === 0 ? random(14) : 0),
    );
    const left = [...Array(CANDIDATES).keys()];
    const ranking: number[] = [];
    while (ranking.length < depth) {
      const weights = left.map((c) => (popularity[c] as number) * (bloc(c) === own ? 3 : 1));
      let ticket = random(weights.reduce((a, b) => a + b, 0));
      let k = 0;
      while (ticket >= (weights[k] as number)) ticket -= weights[k++] as number;
      ranking.push(left.splice(k, 1)[0] as number);
    }
    const key = ranking.join(' ');
    const group = groups.get(key);
    if (group) group.weight += 1n;
    else groups.set(key, { weight: 1n, preferences: ranking.map((c) => single[c] as CandidateId[]) });
  }
  const ballots: Ballot[] = [...groups.values()];
  return {
    title: `synthetic ${voters}`,
    seats: SEATS,
    candidates: Array.from({ length: CANDIDATES }, (_, i) => ({
      id: candidateId(i),
      name: `C${i + 1}`,
      attributes: {},
    })),
    withdrawn: [],
    ballots,
  };
}

interface Measure {
  rule: RuleName;
  voters: number;
  distinct: number;
  seconds: number;
  /** CPU time of the count (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** RSS once the election is built, before counting. */
  baseMB: number;
  peakMB: number;
  stages: number;
}

/** One count, in this process: the child's job. */
function measureOne(rule: RuleName, voters: number): Measure {
  const election = syntheticElection(voters);
  (globalThis as { gc?: () => void }).gc?.(); // the generator's garbage is not the count's
  const baseMB = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = count(election, { rule, seed: 'bench' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    rule,
    voters,
    distinct: election.ballots.length,
    seconds,
    cpuSeconds,
    baseMB,
    peakMB: process.resourceUsage().maxRSS / 1024,
    stages: report.stages.length,
  };
}

function main(): void {
  const [flag, rule, voters] = process.argv.slice(2);
  if (flag === '--one') {
    process.stdout.write(`${JSON.stringify(measureOne(rule as RuleName, Number(voters)))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  console.log(
    `Synthetic elections: ${CANDIDATES} candidates, ${SEATS} seats (seeded; each count in its own process)`,
  );
  console.log(
    'rule      voters     distinct  stages  count time    CPU time     voters/s  RSS before count  peak RSS',
  );
  for (const n of SIZES) {
    for (const r of RULES) {
      const child = spawnSync(process.execPath, ['--expose-gc', self, '--one', r, String(n)], {
        encoding: 'utf8',
      });
      if (child.status !== 0) {
        console.log(
          `${r.padEnd(9)} ${String(n).padStart(9)}  failed: ${child.stderr.trim().split('\n')[0] ?? ''}`,
        );
        continue;
      }
      const m = JSON.parse(child.stdout) as Measure;
      console.log(
        `${m.rule.padEnd(9)} ${String(m.voters).padStart(9)} ${String(m.distinct).padStart(9)} ${String(m.stages).padStart(7)}` +
          `  ${m.seconds.toFixed(3).padStart(8)} s  ${m.cpuSeconds.toFixed(3).padStart(8)} s  ${Math.round(
            m.voters / m.seconds,
          )
            .toLocaleString('en-GB')
            .padStart(11)}  ${m.baseMB.toFixed(0).padStart(13)} MB  ${m.peakMB.toFixed(0).padStart(5)} MB`,
      );
    }
  }
}

main();
