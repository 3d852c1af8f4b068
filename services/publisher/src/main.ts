// The publisher process (docker-compose `publisher` service): integrates audit-log entries into tiles and
// signed checkpoints under OPENSLATE_PUBLICATION_DIR. With the embedded database the API runs it in-process.
import { databaseConfigFromEnv, migrateToLatest, openDatabase } from '@openslate/db';
import pino from 'pino';
import { loadLogIdentity } from './log-key.js';
import { PublicationDir } from './publication-dir.js';
import { runPublisher } from './publisher.js';

const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' });
const config = databaseConfigFromEnv();
if (config.kind !== 'postgres') {
  console.error(
    'the standalone publisher needs DATABASE_URL; with the embedded database the API publishes in-process',
  );
  process.exit(2);
}
const database = await openDatabase(config);
await migrateToLatest(database.db);
const identity = loadLogIdentity();
const dir = new PublicationDir(process.env['OPENSLATE_PUBLICATION_DIR'] || '.openslate/publication');
logger.info({ verifierKey: identity.verifierKey, dir: dir.root }, 'publisher waiting for the lock');
const publisher = runPublisher({
  database,
  dir,
  identity,
  onPublished: (election, p) => logger.info({ election, size: p.size }, 'checkpoint'),
  onError: (err) => logger.error({ err }, 'integration failed; retrying'),
});
const stop = () =>
  void publisher
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await publisher.done;
