// `npm start`: the API on PORT (default 3000), on PostgreSQL when DATABASE_URL is set, else on embedded PGlite
// with a demo election created on first start.
import { databaseConfigFromEnv, migrateToLatest, openDatabase, redactUrl } from '@openslate/db';
import { createApp } from './app.js';
import { seedDemoElection } from './demo.js';
import { createLogger } from './logger.js';

const logger = createLogger();
const config = databaseConfigFromEnv();
const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '127.0.0.1';

const database = await openDatabase(config);
await migrateToLatest(database.db);
const withDemo = config.kind === 'pglite' || process.env['OPENSLATE_DEMO'] === '1';
if (withDemo && (await seedDemoElection(database))) logger.info('created the demo election');

const app = createApp({ database, logger });
const server = app.listen(port, host, () => {
  const where =
    config.kind === 'postgres'
      ? `PostgreSQL ${redactUrl(config.url)}`
      : `embedded PGlite in ${config.dataDir}`;
  logger.info({ port, database: config.kind }, 'listening');
  console.log(
    `Openslate API: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/  (database: ${where})`,
  );
});

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  server.close(() => void database.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(1), 5000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
