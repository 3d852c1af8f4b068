// Worker for the ballot benchmark: runs one workload for a fixed time and posts its rate.
import { parentPort, workerData } from 'node:worker_threads';
import type { BenchData } from './ballot-fixture.js';
import { runWorkload } from './ballot-workloads.js';
import type { Workload } from './ballot-workloads.js';

const { data, workload, seconds } = workerData as { data: BenchData; workload: Workload; seconds: number };
parentPort?.postMessage(runWorkload(data, workload, seconds));
