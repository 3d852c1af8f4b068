// Worker thread of '@openslate/verify/node': checks the ballot jobs it is sent (ballot-work.ts) with node:crypto
// signatures and libsodium's ristretto255, and answers with the verdicts and its thread time per kind of work.
import { parentPort } from 'node:worker_threads';
import { createNodeBackend, loadNodeGroup } from '@openslate/ballot/node';
import {
  ballotWorker,
  noTimes,
  type BallotJob,
  type BallotWorker,
  type BallotWorkSetup,
} from './ballot-work.js';

const backend = createNodeBackend();
let current: { setup: BallotWorkSetup; worker: BallotWorker } | undefined;

parentPort!.on('message', (message: { setup?: BallotWorkSetup; jobs: BallotJob[] }) => {
  void (async () => {
    if (message.setup)
      current = { setup: message.setup, worker: ballotWorker(message.setup, backend, await loadNodeGroup()) };
    const times = noTimes();
    const verdicts = current!.worker.run(message.jobs, times);
    parentPort!.postMessage({ verdicts, times });
  })();
});
