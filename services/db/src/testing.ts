// Test support: a fresh, migrated database per test file, on the back-end the environment selects.
// With DATABASE_URL (CI's second run) each call creates its own database on that server and drops it on close,
// so test files running in parallel never share state; without it, an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseConfigFromEnv } from './config.js';
import { openDatabase, type Database } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** A test database; `url` is its connection string on a PostgreSQL server (null for PGlite). */
export type TestDatabase = Database & { readonly url: string | null };

export async function openTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const config = databaseConfigFromEnv(env);
  if (config.kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(database.db);
    return { ...database, url: null };
  }
  const scratch = await createScratchDatabase(config.url);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** The URL of a fresh empty database on the configured server, for tests that run a whole process. */
export async function createScratchDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `openslate_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
