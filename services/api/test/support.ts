// Test support for the API: a fresh migrated database (PGlite, or PostgreSQL with DATABASE_URL), a temporary
// publication folder and log key, and the app on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKey } from '@openslate/log';
import { openTestDatabase, type TestDatabase } from '@openslate/db/testing';
import { loadLogIdentity, PublicationDir, runPublisher } from '@openslate/publisher';
import type { Express } from 'express';
import request from 'supertest';
import { createApp, type AppOptions } from '../src/app.js';
import { hashPassword } from '../src/auth/password.js';
import { Sessions } from '../src/auth/session.js';
import type { AppContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { Metrics } from '../src/metrics.js';

export interface TestApi {
  app: Express;
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestApi(options: AppOptions = {}, logs?: string[]): Promise<TestApi> {
  const database = await openTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'openslate-api-'));
  const keyFile = path.join(dir, 'log.key');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(keyFile, generateKey('openslate.test').signerKey);
  const ctx: AppContext = {
    database,
    // With `logs`, every log line (debug and up) is kept, so tests can check what the logs never contain.
    logger: logs
      ? createLogger('debug', { write: (line: string) => void logs.push(line) })
      : createLogger('silent'),
    metrics: new Metrics(false),
    sessions: new Sessions('test-session-secret-test-session-secret'),
    publication: new PublicationDir(path.join(dir, 'publication')),
    identity: loadLogIdentity({ OPENSLATE_LOG_KEY_FILE: keyFile }),
    publicUrl: 'http://openslate.test',
    printInvitations: false,
  };
  const app = createApp(ctx, { signInPerMinute: 1000, ...options });
  return {
    app,
    ctx,
    database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The log publisher on the test API's database and publication folder, polling every 50 ms (the close's seal waits for it). */
export const startPublisher = (api: TestApi): ReturnType<typeof runPublisher> =>
  runPublisher({
    database: api.database,
    dir: api.ctx.publication,
    identity: api.ctx.identity,
    intervalMs: 50,
  });

let orgCounter = 0;

/** Creates an organisation with an officer and returns a bearer token for them. */
export async function officerToken(
  api: TestApi,
  opts: { totpSecret?: string } = {},
): Promise<{ token: string; email: string; password: string; org: string }> {
  const n = ++orgCounter;
  const org = `org-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `ro${n}@${org}.test`;
  const password = `correct horse ${n}`;
  await api.database.db
    .insertInto('organisations')
    .values({ id: org, name: `Org ${n}` })
    .execute();
  await api.database.db
    .insertInto('users')
    .values({
      id: `u-${org}`,
      organisation_id: org,
      email,
      name: `Officer ${n}`,
      role: 'admin',
      password_hash: await hashPassword(password),
      totp_secret: opts.totpSecret ?? null,
    })
    .execute();
  if (opts.totpSecret) return { token: '', email, password, org };
  const res = await request(api.app).post('/api/auth/officer').send({ email, password }).expect(200);
  return { token: res.body.token as string, email, password, org };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
