// Group commit (src/voting/group-commit.ts) and the revote rule over a batch (src/voting/cast-batch.ts), without a
// database: batches form while one is being written, stay within their bound, answer each member with its own
// outcome, and a failed batch either isolates the faulty member or fails everyone — never acknowledges a member
// whose write did not happen.
import { admitInOrder, type VerifiedCast } from '../src/voting/cast-batch.js';
import { GroupCommit, type Settled } from '../src/voting/group-commit.js';

/** A writer that records every batch and lets the test decide when each one finishes. */
function recordingWriter(outcome: (item: number) => Settled<string> = (i) => ({ ok: true, value: `w${i}` })) {
  const batches: number[][] = [];
  const release: Array<() => void> = [];
  let failNext: unknown = null;
  const write = async (_key: string, items: readonly number[]) => {
    batches.push([...items]);
    await new Promise<void>((r) => release.push(r));
    if (failNext !== null && items.length > 1) throw failNext;
    return items.map(outcome);
  };
  return {
    write,
    batches,
    /** Finishes the oldest unfinished batch. */
    finish: async () => {
      while (release.length === 0) await new Promise((r) => setImmediate(r));
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    },
    failBatchesWith: (error: unknown) => {
      failNext = error;
    },
  };
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

test('what arrives while a batch is written forms the next batch, in arrival order and within maxBatch', async () => {
  const w = recordingWriter();
  const group = new GroupCommit(w.write, { maxBatch: 3, maxWaitMs: 0, retryAlone: () => true });
  const first = group.submit('e1', 0);
  await new Promise((r) => setImmediate(r));
  const rest = [1, 2, 3, 4, 5].map((i) => group.submit('e1', i));
  await w.finish();
  await w.finish();
  await w.finish();
  expect(await Promise.all([first, ...rest])).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
  expect(w.batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  expect(group.pending).toBe(0);
});

test('each key has its own batches', async () => {
  const w = recordingWriter();
  const group = new GroupCommit(w.write, { maxBatch: 10, maxWaitMs: 0, retryAlone: () => true });
  const a = group.submit('e1', 1);
  const b = group.submit('e2', 2);
  const c = group.submit('e1', 3);
  await w.finish();
  await w.finish();
  expect(await Promise.all([a, b, c])).toEqual(['w1', 'w2', 'w3']);
  expect(w.batches).toEqual([[1, 3], [2]]);
});

test("a member's own refusal fails that member alone", async () => {
  const refused = new Error('stale');
  const w = recordingWriter((i) => (i === 2 ? { ok: false, error: refused } : { ok: true, value: `w${i}` }));
  const group = new GroupCommit(w.write, { maxBatch: 10, maxWaitMs: 0, retryAlone: () => true });
  const answers = [1, 2, 3].map((i) => settle(group.submit('e1', i)));
  await w.finish();
  expect(await Promise.all(answers)).toEqual([
    { ok: true, value: 'w1' },
    { ok: false, error: refused },
    { ok: true, value: 'w3' },
  ]);
});

test('a failed batch is retried member by member when the fault may be one member’s', async () => {
  const w = recordingWriter((i) => ({ ok: true, value: `w${i}` }));
  w.failBatchesWith(new Error('unique violation'));
  const group = new GroupCommit(w.write, { maxBatch: 10, maxWaitMs: 0, retryAlone: () => true });
  const answers = [1, 2, 3].map((i) => group.submit('e1', i));
  for (let k = 0; k < 4; k++) await w.finish();
  expect(await Promise.all(answers)).toEqual(['w1', 'w2', 'w3']);
  expect(w.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
});

test('a batch failing for everyone (database unavailable) fails every member, none acknowledged', async () => {
  const down = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
  const w = recordingWriter();
  w.failBatchesWith(down);
  const group = new GroupCommit(w.write, {
    maxBatch: 10,
    maxWaitMs: 0,
    retryAlone: (e) => (e as { code?: string }).code !== 'ECONNREFUSED',
  });
  const answers = [1, 2, 3].map((i) => settle(group.submit('e1', i)));
  await w.finish();
  expect(await Promise.all(answers)).toEqual([1, 2, 3].map(() => ({ ok: false, error: down })));
  expect(w.batches).toHaveLength(1);
});

test('maxWaitMs holds the first member of an idle key until company arrives', async () => {
  const w = recordingWriter();
  const group = new GroupCommit(w.write, { maxBatch: 10, maxWaitMs: 20, retryAlone: () => true });
  const a = group.submit('e1', 1);
  await new Promise((r) => setTimeout(r, 5));
  const b = group.submit('e1', 2);
  await w.finish();
  expect(await Promise.all([a, b])).toEqual(['w1', 'w2']);
  expect(w.batches).toEqual([[1, 2]]);
});

describe('the revote rule over a batch', () => {
  const cast = (ballotKey: string, counter: number): VerifiedCast => ({
    ballotKey,
    counter,
    weight: 1,
    hash: `${ballotKey}${counter}`,
    entry: new Uint8Array(),
  });

  test('accepts rising counters in arrival order and numbers them from the log size', () => {
    const { outcomes, accepted } = admitInOrder(
      [cast('a', 0), cast('b', 3), cast('a', 1), cast('a', 1), cast('a', 0), cast('c', 0)],
      new Map([['b', 2]]),
      10,
    );
    expect(accepted.map((c) => c.hash)).toEqual(['a0', 'b3', 'a1', 'c0']);
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as { code: string }).code))).toEqual([
      10,
      11,
      12,
      'STALE_COUNTER',
      'STALE_COUNTER',
      13,
    ]);
  });

  test('refuses a counter not above the stored one', () => {
    const { outcomes, accepted } = admitInOrder([cast('a', 4), cast('a', 5)], new Map([['a', 5]]), 0);
    expect(accepted).toEqual([]);
    expect(outcomes.every((o) => !o.ok && (o.error as { status: number }).status === 409)).toBe(true);
  });
});
