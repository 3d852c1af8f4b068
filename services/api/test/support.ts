// Test support for the API: a fresh migrated database (PGlite, or PostgreSQL with DATABASE_URL) and an app on it.
import type { Database } from '@openslate/db';
import { openTestDatabase } from '@openslate/db/testing';
import type { Express } from 'express';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/logger.js';

export interface TestApi {
  app: Express;
  database: Database;
  close(): Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const database = await openTestDatabase();
  const app = createApp({ database, logger: createLogger('silent') });
  return { app, database, close: () => database.close() };
}
