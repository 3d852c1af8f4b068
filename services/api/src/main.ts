// `npm start`: the API on PORT (default 3000), on PostgreSQL when DATABASE_URL is set, else on embedded PGlite
// with a demo election created on first start. The log publisher runs in-process unless OPENSLATE_PUBLISHER=off
// (docker-compose runs it as its own service; on PostgreSQL an advisory lock lets only one integrate at a time).
import fs from 'node:fs';
import path from 'node:path';
import { databaseConfigFromEnv, migrateToLatest, openDatabase, redactUrl } from '@openslate/db';
import {
  keyDir,
  loadLogIdentity,
  loadOrCreateSecret,
  PublicationDir,
  runPublisher,
} from '@openslate/publisher';
import { randomBytes } from 'node:crypto';
import { createApp } from './app.js';
import { Sessions } from './auth/session.js';
import { seedDemo } from './demo.js';
import { startScheduler } from './scheduler.js';
import { createLogger } from './logger.js';
import { startMailer } from './mailer.js';
import { Metrics } from './metrics.js';
import { VerifyPool } from './voting/verify-pool.js';

const logger = createLogger();
const config = databaseConfigFromEnv();
const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '127.0.0.1';
const publicUrl =
  process.env['OPENSLATE_PUBLIC_URL'] ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;

// Threads that check cast ballots (signatures and proofs) beside the event loop; 0: on the event loop.
const verifyThreads = Number(process.env['OPENSLATE_VERIFY_THREADS'] ?? 1);
const database = await openDatabase(config);
await migrateToLatest(database.db);
const secret =
  process.env['OPENSLATE_SESSION_SECRET'] ||
  loadOrCreateSecret(path.join(keyDir(), 'session.key'), () => randomBytes(32).toString('base64url'));
const ctx = {
  database,
  logger,
  metrics: new Metrics(),
  metricsToken: process.env['OPENSLATE_METRICS_TOKEN'] || undefined,
  sessions: new Sessions(secret),
  publication: new PublicationDir(process.env['OPENSLATE_PUBLICATION_DIR'] || '.openslate/publication'),
  identity: loadLogIdentity(),
  publicUrl,
  printInvitations: config.kind === 'pglite',
  castVerifier: verifyThreads > 0 ? new VerifyPool(verifyThreads) : undefined,
};
ctx.castVerifier?.start();
const withDemo = config.kind === 'pglite' || process.env['OPENSLATE_DEMO'] === '1';
if (withDemo) {
  const demo = await seedDemo(database);
  console.log(`Demo officer: ${demo.email} / ${demo.password}  (demo data only)`);
}
const publisher =
  process.env['OPENSLATE_PUBLISHER'] === 'off'
    ? null
    : runPublisher({
        database,
        dir: ctx.publication,
        identity: ctx.identity,
        onError: (err) => logger.error({ err }, 'log integration failed; retrying'),
      });

const stopMailer = startMailer(database, logger);
// Scheduled opening and closing of voting (OPENSLATE_SCHEDULER_MS, default every 15 s).
const scheduler = startScheduler(ctx, {
  intervalMs: Number(process.env['OPENSLATE_SCHEDULER_MS'] ?? 15_000),
});
// The built web forms next to this service in the monorepo (services/web/dist), unless OPENSLATE_WEB_ROOT is set.
const webDir =
  process.env['OPENSLATE_WEB_ROOT'] || path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');
const webRoot = fs.existsSync(path.join(webDir, 'index.html')) ? webDir : null;
if (!webRoot) logger.warn('web forms not built (npm run build): serving the API only');
const app = createApp(ctx, { webRoot });
const server = app.listen(port, host, () => {
  const where =
    config.kind === 'postgres'
      ? `PostgreSQL ${redactUrl(config.url)}`
      : `embedded PGlite in ${config.dataDir}`;
  logger.info({ port, database: config.kind }, 'listening');
  console.log(`Openslate API: ${publicUrl}/  (database: ${where}; log key ${ctx.identity.verifierKey})`);
});

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  stopMailer?.();
  server.close(
    () =>
      void scheduler
        .stop()
        .then(() => publisher?.stop())
        .then(() => ctx.castVerifier?.close())
        .then(() => database.close())
        .then(() => process.exit(0)),
  );
  setTimeout(() => process.exit(1), 5000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
