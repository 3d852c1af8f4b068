// Worker thread of the verifier benchmark's generator: makes the voters [from, to) it is sent (verify-voters.ts).
import { parentPort } from 'node:worker_threads';
import { makeVoters, type VoterSetup } from './verify-voters.js';

parentPort!.on('message', (job: { setup: VoterSetup; from: number; to: number }) => {
  void makeVoters(job.setup, job.from, job.to).then((chunk) => parentPort!.postMessage(chunk));
});
