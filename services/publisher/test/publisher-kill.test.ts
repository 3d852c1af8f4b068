// SIGKILL the real publisher process in the middle of an integration, restart it: the published log stays
// consistent with every earlier checkpoint and ends complete. A separate process needs a database both can open,
// so this runs in CI's PostgreSQL pass (DATABASE_URL) and is skipped on the embedded PGlite.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initLog, migrateToLatest, openDatabase, type Database } from '@openslate/db';
import { createScratchDatabase } from '@openslate/db/testing';
import {
  consistencyProof,
  fromBase64,
  generateKey,
  noteVerifier,
  openCheckpoint,
  tileHashLookup,
  verifyConsistency,
  verifyPublishedLog,
} from '@openslate/log';
import { sql } from 'kysely';
import { integrateElection, loadLogIdentity, PublicationDir } from '../src/index.js';

const MAIN = path.resolve(__dirname, '../dist/main.js');
const serverUrl = process.env['DATABASE_URL'];
const onServer = serverUrl ? test : test.skip;

async function appendMany(database: Database, election: string, from: number, to: number): Promise<void> {
  // Bulk append straight in SQL, keeping the log head in step (as appendLogEntry would, one by one).
  await database.db.transaction().execute(async (trx) => {
    await sql`insert into log_entries (election_id, idx, entry)
              select ${election}, g, convert_to('{"type":"test","i":' || g || '}', 'UTF8') from generate_series(${from}::bigint, ${to - 1}::bigint) g`.execute(
      trx,
    );
    await trx.updateTable('log_heads').set({ size: to }).where('election_id', '=', election).execute();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

onServer('a publisher killed mid-integration restarts into a consistent, complete log', async () => {
  const scratch = await createScratchDatabase(serverUrl!);
  const dir = mkdtempSync(path.join(tmpdir(), 'openslate-kill-'));
  const keyFile = path.join(dir, 'log.key');
  writeFileSync(keyFile, generateKey('openslate.kill').signerKey);
  const env = {
    ...process.env,
    DATABASE_URL: scratch.url,
    OPENSLATE_PUBLICATION_DIR: path.join(dir, 'pub'),
    OPENSLATE_LOG_KEY_FILE: keyFile,
    LOG_LEVEL: 'warn',
  };
  const identity = loadLogIdentity(env);
  const pub = new PublicationDir(env.OPENSLATE_PUBLICATION_DIR);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url });
  const children: ChildProcess[] = [];
  const start = () => {
    const child = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    children.push(child);
    return child;
  };
  const published = () => {
    const text = pub.read('e', 'checkpoint');
    return text
      ? openCheckpoint(new TextDecoder().decode(text), [noteVerifier(identity.verifierKey)]).checkpoint
      : null;
  };
  try {
    await migrateToLatest(database.db);
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ id: 'o', name: 'o' }).execute();
      await trx
        .insertInto('elections')
        .values({ id: 'e', organisation_id: 'o', title: 'e', state: 'draft', updated_at: new Date() })
        .execute();
      await initLog(trx, 'e');
    });
    await appendMany(database, 'e', 0, 100);
    const first = await integrateElection(database, pub, identity, 'e');
    expect(first?.size).toBe(100);

    const total = 100 + 120_000;
    await appendMany(database, 'e', 100, total);
    // Kill it as soon as it has written some of the new tiles, before it can sign the new checkpoint.
    const victim = start();
    const marker = path.join(pub.logDir('e'), 'tile', 'entries', '010');
    for (let i = 0; i < 600 && !existsSync(marker); i++) await sleep(50);
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    expect(existsSync(marker)).toBe(true);

    // Whatever checkpoint is published now verifies and is consistent with the first one.
    const afterKill = published()!;
    expect(afterKill.size).toBeLessThan(total); // it really died mid-integration
    const check = async () => {
      const cp = published()!;
      const verified = await verifyPublishedLog({
        checkpoint: new TextDecoder().decode(pub.read('e', 'checkpoint')),
        verifierKey: identity.verifierKey,
        fetch: async (p) => pub.read('e', p),
      });
      expect(verified.ok).toBe(true);
      const proof = consistencyProof(
        tileHashLookup(cp.size, (p) => pub.read('e', p)),
        100,
        cp.size,
      );
      expect(() => verifyConsistency(100, cp.size, proof, fromBase64(first!.root), cp.root)).not.toThrow();
      return cp;
    };
    expect((await check()).size).toBe(afterKill.size);

    // Restarted, it completes the log.
    const again = start();
    for (let i = 0; i < 1200 && published()?.size !== total; i++) await sleep(50);
    again.kill('SIGTERM');
    await new Promise((r) => again.once('exit', r));
    expect((await check()).size).toBe(total);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await database.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
