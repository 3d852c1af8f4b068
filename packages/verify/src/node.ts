// '@openslate/verify/node': the per-ballot work of checks 3 and 4 spread over worker threads (node:worker_threads),
// one per core by default. Each worker verifies signatures with node:crypto and ciphertext proofs and decryptions
// with libsodium's ristretto255 (loadNodeGroup); the main thread hands out chunks of log entries and gathers the
// verdicts in log order, so the first failing ballot is named exactly as in one thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createNodeBackend, loadNodeGroup } from '@openslate/ballot/node';
import {
  CHUNK,
  inThreadRunner,
  noTimes,
  type BallotJob,
  type BallotRunner,
  type BallotVerdict,
  type BallotWorkTimes,
} from './ballot-work.js';

const WORKER = new URL('./ballot-worker.js', import.meta.url);

type Answer = { verdicts: BallotVerdict[]; times: BallotWorkTimes };

/**
 * The jobs as sent: each entry copied out of the buffer it was read from (a view of a whole tile bundle, or of the
 * whole unpacked archive, which structured cloning would copy in full for every message), without the parsed ballot.
 */
const packed = (jobs: readonly BallotJob[]): BallotJob[] =>
  jobs.map((j) =>
    j.entry
      ? { logIndex: j.logIndex, entry: j.entry.slice(), decrypt: j.decrypt }
      : { logIndex: j.logIndex, ballot: j.ballot, decrypt: j.decrypt },
  );

/** Posts one message to a worker and waits for its answer (or its failure). */
function ask(worker: Worker, message: unknown): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const stop = () => {
      worker.off('message', done);
      worker.off('error', fail);
      worker.off('exit', exit);
    };
    const fail = (e: Error) => (stop(), reject(e));
    const exit = () => fail(new Error('ballot worker stopped'));
    const done = (answer: Answer) => (stop(), resolve(answer));
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', exit);
    worker.postMessage(message);
  });
}

/** This thread with the Node back-ends (where the compiled worker script is absent, e.g. running from sources). */
export async function nodeInThreadRunner(): Promise<BallotRunner> {
  return inThreadRunner(createNodeBackend(), await loadNodeGroup());
}

/** Checks ballots on `threads` worker threads (default: one per core), started per verification and ended after. */
export function workerRunner(threads: number = availableParallelism()): BallotRunner {
  return async (setup, jobs, progress, signal) => {
    if (!existsSync(fileURLToPath(WORKER)))
      return (await nodeInThreadRunner())(setup, jobs, progress, signal);
    const chunks: (readonly BallotJob[])[] = [];
    for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
    const results: BallotVerdict[][] = new Array<BallotVerdict[]>(chunks.length);
    const times: BallotWorkTimes = noTimes();
    let next = 0;
    let done = 0;
    const run = async () => {
      const worker = new Worker(WORKER);
      const abort = () => void worker.terminate();
      signal?.addEventListener('abort', abort);
      let first = true;
      try {
        while (next < chunks.length) {
          signal?.throwIfAborted();
          const i = next++;
          const answer = await ask(worker, { ...(first ? { setup } : {}), jobs: packed(chunks[i]!) });
          first = false;
          results[i] = answer.verdicts;
          for (const kind of Object.keys(times) as (keyof BallotWorkTimes)[])
            times[kind] += answer.times[kind];
          done += answer.verdicts.length;
          progress(done, jobs.length);
        }
      } finally {
        signal?.removeEventListener('abort', abort);
        await worker.terminate();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, chunks.length)) }, run));
    return { verdicts: results.flat(), times };
  };
}
