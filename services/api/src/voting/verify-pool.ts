// Ballot verification off the event loop: a small pool of node:worker_threads (verify-worker.ts), each request
// going to the thread with the fewest in flight. Used by main.ts; tests verify in process (verify-cast.ts).
import { Worker } from 'node:worker_threads';
import type { CastCheck, CastTerms, CastVerifier } from './verify-cast.js';
import type { VerifyRequest } from './verify-worker.js';

type Reply = { id: number; check: CastCheck } | { id: number; failure: string };

interface Pending {
  resolve(check: CastCheck): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class VerifyPool implements CastVerifier {
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private closing = false;

  constructor(
    private readonly size: number,
    private readonly script = new URL('./verify-worker.js', import.meta.url),
  ) {}

  /**
   * Starts the threads now (main.ts, at start-up), so the first casts do not wait for a thread to start and load
   * libsodium. Without it they start with the first cast, and a process that never sees one pays nothing.
   */
  start(): void {
    while (this.threads.length < this.size) this.threads.push(this.spawn());
  }

  verify(terms: CastTerms, ballot: unknown): Promise<CastCheck> {
    this.start();
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, terms, ballot } satisfies VerifyRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(this.script), pending: new Map() };
    thread.worker.on('message', (reply: Reply) => {
      const waiting = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if ('check' in reply) waiting?.resolve(reply.check);
      else waiting?.reject(new Error(`ballot verification failed: ${reply.failure}`));
    });
    // A thread that dies fails what it was checking (500s, nothing stored) and is replaced.
    const fail = (error: Error) => {
      for (const p of thread.pending.values()) p.reject(error);
      thread.pending.clear();
      if (this.closing) return;
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads[i] = this.spawn();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => fail(new Error(`verification thread exited with code ${code}`)));
    thread.worker.unref();
    return thread;
  }
}
