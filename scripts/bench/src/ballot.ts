// `npm run bench:ballot`: credentials issued/s, ballots verified/s (signatures only, and with the ciphertext
// proofs), ciphertext proofs checked/s and ballots decrypted/s with each group back-end — on one core and on all
// cores with worker_threads (timed from a common start, after each worker has warmed up). Prints figures; not a
// test. BENCH_ONLY=issue,verifySignatures runs only the named workloads.
// Each figure is given per wall-clock second and per CPU-second of this process (process.cpuUsage), because
// the machine is shared: the second is what a core would do if it were ours alone.
import { constants, generateKeyPairSync, privateDecrypt, sign, verify } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildBenchData } from './ballot-fixture.js';
import type { BenchData } from './ballot-fixture.js';
import { prepareWorkloads, WORKLOADS } from './ballot-workloads.js';
import type { Workload } from './ballot-workloads.js';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const LABELS: Record<Workload, string> = {
  issue: 'credentials issued: RFC 9474 BlindSign, RSA-2048, node:crypto, s^e = m checked',
  verifySignatures: 'ballots verified, node back-end: Ed25519 + issuer RSA-PSS, no ciphertext proof',
  verifyFull:
    'ballots verified, node back-ends: Ed25519 + RSA-PSS + ciphertext proof (libsodium ristretto255)',
  verifyFullPure:
    'ballots verified, pure back-ends (browser verifier): Ed25519 + RSA-PSS + proof, all @noble/BigInt',
  proofs: 'ciphertext proofs checked alone (checkEncryptedChoices), node group back-end (libsodium)',
  proofsPure: 'ciphertext proofs checked alone (checkEncryptedChoices), pure group back-end (@noble)',
  decrypt:
    'ballots decrypted with the reconstructed key, node group back-end (libsodium + XChaCha20-Poly1305)',
  decryptPure: 'ballots decrypted with the reconstructed key, pure group back-end (@noble)',
};

interface Figure {
  readonly perWallSecond: number;
  readonly perCpuSecond: number;
}

async function measure(run: () => Promise<number>): Promise<Figure> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const count = await run();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perWallSecond: count / wall, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6) };
}

/** A worker that has prepared and warmed up `workload`; `go()` runs it and resolves to its count. */
function startWorker(
  data: BenchData,
  workload: Workload,
  seconds: number,
): Promise<{ go: () => Promise<number> }> {
  const worker = new Worker(new URL('./ballot-worker.js', import.meta.url), {
    workerData: { data, workload, seconds },
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const go = async (): Promise<number> => {
    const count = next<number>();
    worker.postMessage('go');
    const n = await count;
    await worker.terminate();
    return n;
  };
  return next<string>().then(() => ({ go }));
}

const fmt = (x: number) => Math.round(x).toLocaleString('en');

// Reference figures measured on this machine when it was idle (/work/shared/notes/ecosystem.md).
const IDLE_ED25519_VERIFY = 8000;
const IDLE_RSA_PRIVATE = 2600;

/**
 * How much slower a CPU-second is now than on the idle machine: the same two raw node:crypto operations the
 * notes measured, per CPU-second now. Figures × this factor estimate an idle core.
 */
async function calibrate(): Promise<number> {
  const ed = generateKeyPairSync('ed25519');
  const message = new Uint8Array(1300);
  const signature = sign(null, message, ed.privateKey);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const block = new Uint8Array(256).fill(1);
  const loop = (op: () => unknown) => async () => {
    const end = performance.now() + 1000;
    let n = 0;
    for (; performance.now() < end; n++) op();
    return n;
  };
  const edRate = await measure(loop(() => verify(null, message, ed.publicKey, signature)));
  const rsaRate = await measure(
    loop(() => privateDecrypt({ key: rsa.privateKey, padding: constants.RSA_NO_PADDING }, block)),
  );
  const factor = (IDLE_ED25519_VERIFY / edRate.perCpuSecond + IDLE_RSA_PRIVATE / rsaRate.perCpuSecond) / 2;
  console.log(
    `calibration: Ed25519 verify ${fmt(edRate.perCpuSecond)}/CPU-s (idle ${fmt(IDLE_ED25519_VERIFY)}), ` +
      `RSA-2048 private op ${fmt(rsaRate.perCpuSecond)}/CPU-s (idle ${fmt(IDLE_RSA_PRIVATE)}) → factor ${factor.toFixed(2)}\n`,
  );
  return factor;
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  const t0 = performance.now();
  const data = buildBenchData(BALLOTS);
  console.log(
    `ballot benchmark: ${BALLOTS} ballots (1 contest, rankings of 1–10 of 10 candidates), ${SECONDS} s per figure`,
  );
  console.log(
    `setup (issuer key, 3-trustee ceremony, ballots): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `node ${process.version}, ${cores} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const factor = await calibrate();
  const workloads = await prepareWorkloads(data);
  const only = process.env.BENCH_ONLY?.split(',');
  for (const workload of WORKLOADS.filter((w) => only === undefined || only.includes(w))) {
    workloads[workload](0.3); // warm-up (JIT)
    const one = await measure(async () => workloads[workload](SECONDS));
    const workers = await Promise.all(
      Array.from({ length: cores }, () => startWorker(data, workload, SECONDS)),
    );
    const all = await measure(async () => {
      const counts = await Promise.all(workers.map((w) => w.go()));
      return counts.reduce((a, b) => a + b, 0);
    });
    console.log(LABELS[workload]);
    console.log(
      `  1 core: ${fmt(one.perWallSecond)}/s wall, ${fmt(one.perCpuSecond)}/CPU-s` +
        `   ${cores} cores (worker_threads): ${fmt(all.perWallSecond)}/s wall, ${fmt(all.perCpuSecond * cores)}/s at ${cores} × CPU-s rate`,
    );
    console.log(
      `  estimated on the idle machine: 1 core ${fmt(one.perCpuSecond * factor)}/s, ` +
        `${cores} cores ${fmt(all.perCpuSecond * cores * factor)}/s`,
    );
  }
}

await main();
