export { databaseConfigFromEnv, redactUrl, DEFAULT_DATA_DIR, type DatabaseConfig } from './config.js';
export { openDatabase, type Database } from './connect.js';
export { migrateToLatest, MigrationError } from './migrate.js';
export { appendLogEntry, initLog, lockLogHead, writeLockedEntries, LogAppendError } from './log-append.js';
export * from './schema.js';
