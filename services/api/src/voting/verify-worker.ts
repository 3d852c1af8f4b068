// A verification thread of verify-pool.ts: answers each { id, terms, ballot } message with { id, check }.
import { parentPort } from 'node:worker_threads';
import { loadNodeGroup } from '@openslate/ballot/node';
import { checkCast, type CastTerms } from './verify-cast.js';

// Compile libsodium's WebAssembly as the thread starts rather than on its first ballot. A failure is not an
// unhandled rejection here (it would end the thread): checkCast awaits the same promise and reports it per ballot.
loadNodeGroup().catch(() => undefined);

export interface VerifyRequest {
  readonly id: number;
  readonly terms: CastTerms;
  readonly ballot: unknown;
}

parentPort?.on('message', (request: VerifyRequest) => {
  void checkCast(request.terms, request.ballot).then(
    (check) => parentPort?.postMessage({ id: request.id, check }),
    (err: unknown) => parentPort?.postMessage({ id: request.id, failure: String(err) }),
  );
});
