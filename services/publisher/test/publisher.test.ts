// Runs on PGlite by default and on PostgreSQL with DATABASE_URL (CI runs both).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendLogEntry, initLog } from '@openslate/db';
import { openTestDatabase, type TestDatabase } from '@openslate/db/testing';
import {
  consistencyProof,
  fromBase64,
  generateKey,
  MemoryTree,
  noteVerifier,
  openCheckpoint,
  parseSignerKey,
  tileHashLookup,
  toBase64,
  verifyConsistency,
  verifyPublishedLog,
  formatVerifierKey,
  noteSigner,
} from '@openslate/log';
import {
  integrateElection,
  logOrigin,
  PublicationDir,
  publishPending,
  runPublisher,
  type LogIdentity,
} from '../src/index.js';

let database: TestDatabase;
let root: string;
const signerKey = generateKey('openslate.test').signerKey;
const identity: LogIdentity = (() => {
  const info = parseSignerKey(signerKey);
  return { name: info.name, signer: noteSigner(info), verifierKey: formatVerifierKey(info) };
})();

beforeAll(async () => {
  database = await openTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), 'openslate-pub-'));
});
afterAll(async () => {
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

async function newElection(id: string): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: `o-${id}`, name: 'o' })
      .execute();
    await trx
      .insertInto('elections')
      .values({ id, organisation_id: `o-${id}`, title: id, state: 'draft', updated_at: new Date() })
      .execute();
    await initLog(trx, id);
  });
}

const entry = (election: string, i: number) =>
  new TextEncoder().encode(JSON.stringify({ type: 'test', election, body: { i, pad: 'x'.repeat(i % 50) } }));

async function append(election: string, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++)
    await database.db.transaction().execute((trx) => appendLogEntry(trx, election, entry(election, i)));
}

async function verifyDir(dir: PublicationDir, election: string) {
  const checkpoint = new TextDecoder().decode(dir.read(election, 'checkpoint')!);
  return verifyPublishedLog({
    checkpoint,
    verifierKey: identity.verifierKey,
    origin: logOrigin(identity, election),
    fetch: async (p) => dir.read(election, p),
  });
}

test('publishes tiles and a signed checkpoint whose root is the RFC 9162 root of the entries', async () => {
  const dir = new PublicationDir(path.join(root, 'a'));
  await newElection('e1');
  await append('e1', 0, 300);
  const published = await publishPending({ database, dir, identity });
  expect(published.get('e1')?.size).toBe(300);

  const tree = new MemoryTree();
  for (let i = 0; i < 300; i++) tree.append(entry('e1', i));
  const result = await verifyDir(dir, 'e1');
  expect(result.ok).toBe(true);
  if (result.ok) expect(toBase64(result.root)).toBe(toBase64(tree.root()));
  const stored = await database.db
    .selectFrom('checkpoints')
    .selectAll()
    .where('election_id', '=', 'e1')
    .execute();
  expect(stored.map((c) => c.size)).toEqual([300]);

  // Nothing new: nothing written.
  expect((await publishPending({ database, dir, identity })).size).toBe(0);
});

test('each new checkpoint is consistent with the previous one', async () => {
  const dir = new PublicationDir(path.join(root, 'b'));
  await newElection('e2');
  const sizes = [1, 255, 256, 257, 600];
  let previous: { size: number; root: Uint8Array } | null = null;
  let appended = 0;
  for (const size of sizes) {
    await append('e2', appended, size);
    appended = size;
    const p = await integrateElection(database, dir, identity, 'e2');
    expect(p?.size).toBe(size);
    const opened = openCheckpoint(p!.checkpoint, [noteVerifier(identity.verifierKey)]);
    if (previous) {
      const proof = consistencyProof(
        tileHashLookup(size, (f) => dir.read('e2', f)),
        previous.size,
        size,
      );
      expect(() =>
        verifyConsistency(previous!.size, size, proof, previous!.root, opened.checkpoint.root),
      ).not.toThrow();
    }
    previous = { size, root: opened.checkpoint.root };
    expect((await verifyDir(dir, 'e2')).ok).toBe(true);
  }
});

test('a publisher that dies mid-integration loses nothing and stays consistent when it restarts', async () => {
  await newElection('e3');
  await append('e3', 0, 100);
  const dir = new PublicationDir(path.join(root, 'c'));
  const first = await integrateElection(database, dir, identity, 'e3');
  await append('e3', 100, 700);

  // Die after writing a few files of the next integration (before the checkpoint).
  class DyingDir extends PublicationDir {
    writes = 0;
    override write(election: string, rel: string, data: Uint8Array | string): void {
      if (++this.writes > 3) throw new Error('killed');
      super.write(election, rel, data);
    }
  }
  await expect(integrateElection(database, new DyingDir(dir.root), identity, 'e3')).rejects.toThrow('killed');
  // The published checkpoint is still the old one, and the log as published still verifies.
  const still = await verifyDir(dir, 'e3');
  expect(still.ok && still.size).toBe(100);

  const second = await integrateElection(database, dir, identity, 'e3');
  expect(second?.size).toBe(700);
  const result = await verifyDir(dir, 'e3');
  expect(result.ok).toBe(true);
  const proof = consistencyProof(
    tileHashLookup(700, (f) => dir.read('e3', f)),
    100,
    700,
  );
  expect(() =>
    verifyConsistency(100, 700, proof, fromBase64(first!.root), fromBase64(second!.root)),
  ).not.toThrow();
});

test('the running publisher signs a checkpoint soon after entries arrive', async () => {
  await newElection('e4');
  const dir = new PublicationDir(path.join(root, 'd'));
  const seen: number[] = [];
  const publisher = runPublisher({
    database,
    dir,
    identity,
    intervalMs: 20,
    onPublished: (e, p) => e === 'e4' && seen.push(p.size),
  });
  try {
    await append('e4', 0, 5);
    for (let i = 0; i < 200 && !seen.includes(5); i++) await new Promise((r) => setTimeout(r, 25));
    expect(seen).toContain(5);
  } finally {
    await publisher.stop();
  }
});

// Advisory locks exist only on a PostgreSQL server (the embedded database has a single process), so this test
// runs in CI's PostgreSQL pass and is skipped on PGlite.
const onServer = process.env['DATABASE_URL'] ? test : test.skip;
onServer('a second publisher waits for the first one to stop before it integrates anything', async () => {
  await newElection('e5');
  const dir = new PublicationDir(path.join(root, 'e'));
  const { openDatabase } = await import('@openslate/db');
  // Each publisher on its own pool, as two processes would be.
  const firstSeen: number[] = [];
  const secondSeen: number[] = [];
  const first = runPublisher({
    database,
    dir,
    identity,
    intervalMs: 20,
    onPublished: (e, p) => e === 'e5' && firstSeen.push(p.size),
  });
  await new Promise((r) => setTimeout(r, 100));
  const otherDb = await openDatabase({ kind: 'postgres', url: database.url! });
  const second = runPublisher({
    database: otherDb,
    dir,
    identity,
    intervalMs: 20,
    onPublished: (e, p) => e === 'e5' && secondSeen.push(p.size),
  });
  try {
    await append('e5', 0, 3);
    for (let i = 0; i < 200 && !firstSeen.includes(3); i++) await new Promise((r) => setTimeout(r, 25));
    expect(firstSeen).toContain(3);
    expect(secondSeen).toEqual([]);
    await first.stop();
    await append('e5', 3, 4);
    for (let i = 0; i < 200 && !secondSeen.includes(4); i++) await new Promise((r) => setTimeout(r, 25));
    expect(secondSeen).toEqual([4]);
  } finally {
    await first.stop();
    await second.stop();
    await otherDb.close();
  }
});
