// Worker for the ballot benchmark: prepares and warms up one workload, says 'ready', then on 'go' runs it for a
// fixed time and posts its count — so the timed window holds no thread start-up, module loading or JIT warm-up.
import { parentPort, workerData } from 'node:worker_threads';
import type { BenchData } from './ballot-fixture.js';
import { prepareWorkloads } from './ballot-workloads.js';
import type { Workload } from './ballot-workloads.js';

const { data, workload, seconds } = workerData as { data: BenchData; workload: Workload; seconds: number };
const run = (await prepareWorkloads(data))[workload];
run(0.3);
parentPort?.once('message', () => parentPort?.postMessage(run(seconds)));
parentPort?.postMessage('ready');
