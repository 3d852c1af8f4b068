// `npm run migrate`: brings the configured database (DATABASE_URL, or the embedded one) to the latest schema.
import { databaseConfigFromEnv, redactUrl } from './config.js';
import { openDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';

const config = databaseConfigFromEnv();
const where = config.kind === 'postgres' ? redactUrl(config.url) : `PGlite at ${config.dataDir ?? 'memory'}`;
const database = await openDatabase(config);
try {
  const results = await migrateToLatest(database.db);
  for (const r of results)
    console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
  console.log(`${where}: schema is up to date (${results.length} migration(s) applied now)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await database.close();
}
