import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, createLogger, hashPassword, Metrics, Sessions, type AppContext } from '@openslate/api';
import { OpenslateClient } from '@openslate/client';
import { migrateToLatest, openDatabase, type Database } from '@openslate/db';
import { generateKey } from '@openslate/log';
import { loadLogIdentity, PublicationDir, runPublisher } from '@openslate/publisher';

export interface EmbeddedApi {
  readonly ctx: AppContext;
  readonly url: string;
  /** A client signed in as the returning officer of a fresh organisation. */
  readonly officer: OpenslateClient;
  /** The members' one-time codes in the outbox's invitations (to `electionId`, or to every election). */
  invitationCodes(electionId?: string): Promise<string[]>;
  /** That officer's sign-in (a random password made for this run). */
  readonly officerLogin: { readonly email: string; readonly password: string };
  close(): Promise<void>;
}

/**
 * The real API on a fresh in-memory PGlite, listening on a free loopback port, with its publisher running and a
 * returning officer signed in: what `openslate demo` (and the CLI's tests) run elections against.
 */
export interface EmbeddedApiOptions {
  /** A migrated database to use (and close) instead of a fresh in-memory PGlite. */
  readonly database?: Database;
  /** Built web forms to serve (services/web/dist). */
  readonly webRoot?: string;
}

export async function startEmbeddedApi(options: EmbeddedApiOptions = {}): Promise<EmbeddedApi> {
  const work = mkdtempSync(path.join(tmpdir(), 'openslate-embedded-'));
  const keyFile = path.join(work, 'log.key');
  writeFileSync(keyFile, generateKey('demo.openslate.localhost').signerKey, { mode: 0o600 });
  const database = options.database ?? (await openDatabase({ kind: 'pglite', dataDir: null }));
  await migrateToLatest(database.db);
  // Listen first, so invitation links carry the real address.
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx: AppContext = {
    database,
    logger: createLogger('silent'),
    metrics: new Metrics(false),
    sessions: new Sessions(randomBytes(32).toString('base64url')),
    publication: new PublicationDir(path.join(work, 'publication')),
    identity: loadLogIdentity({ OPENSLATE_LOG_KEY_FILE: keyFile }),
    publicUrl: url,
    printInvitations: false,
  };
  server.on(
    'request',
    createApp(ctx, { signInPerMinute: 1e9, issuancePerMinute: 1e9, webRoot: options.webRoot ?? null }),
  );
  const publisher = runPublisher({ database, dir: ctx.publication, identity: ctx.identity, intervalMs: 50 });
  const password = randomBytes(12).toString('base64url');
  await database.db
    .insertInto('organisations')
    .values({ id: 'demo', name: 'Example Left Network (demo)' })
    .execute();
  await database.db
    .insertInto('users')
    .values({
      id: 'ro',
      organisation_id: 'demo',
      email: 'ro@demo.invalid',
      name: 'Returning Officer',
      role: 'admin',
      password_hash: await hashPassword(password),
    })
    .execute();
  const api = new OpenslateClient({ baseUrl: url });
  const { token } = await api.call<{ token: string }>('officerSignIn', {
    body: { email: 'ro@demo.invalid', password },
  });
  return {
    ctx,
    url,
    officer: api.withToken(token),
    officerLogin: { email: 'ro@demo.invalid', password },
    invitationCodes: async (electionId) => {
      const mails = await database.db
        .selectFrom('outbox')
        .select('body')
        .where('subject', 'like', 'Your ballot:%')
        .orderBy('to_address')
        .execute();
      const link = new RegExp(`/vote/${electionId ?? '[^#]+'}#code=([A-Z2-7]+)`);
      return mails.map((m) => link.exec(m.body)?.[1]).filter((c): c is string => !!c);
    },
    close: async () => {
      await publisher.stop();
      await new Promise((r) => server.close(r));
      await database.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
