import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config.js';
import type { Schema } from './schema.js';

// PostgreSQL type OIDs whose JavaScript form we pin, so that PostgreSQL and PGlite return the same values.
const INT8 = 20;
const BYTEA = 17;

/** bigint columns hold log indexes and sizes: plain numbers, refused beyond 2^53 rather than rounded. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} is beyond 2^53`);
  return n;
}

export interface Database {
  readonly db: Kysely<Schema>;
  readonly kind: DatabaseConfig['kind'];
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** Opens kysely over PostgreSQL (`pg` pool) or over PGlite, with identical type handling. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === BYTEA) {
          const parse = pg.types.getTypeParser(BYTEA, 'text') as (t: string) => Buffer;
          return (t: string) => new Uint8Array(parse(t));
        }
        return format === 'binary'
          ? pg.types.getTypeParser(oid, 'binary')
          : pg.types.getTypeParser(oid, 'text');
      },
    };
    const pool = new pg.Pool({
      connectionString: config.url,
      types: types as pg.CustomTypesConfig,
      max: Number(process.env['OPENSLATE_DB_POOL'] ?? 10),
      // In pg this bounds both opening a connection and waiting for a free pooled one. A refused connection
      // (server down) fails at once whatever it says, so callers answer 503 fast; a busy pool must queue instead.
      connectionTimeoutMillis: Number(process.env['OPENSLATE_DB_WAIT_MS'] ?? 15_000),
      idleTimeoutMillis: 30_000,
    });
    // An idle client's connection dropping (server restart) must not crash the process.
    pool.on('error', () => undefined);
    // A checked-out client whose backend is terminated emits 'error' too: without a listener Node would crash the
    // process. The query it was running still fails (the caller answers 503) and the pool drops the client.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir !== null) mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir ?? undefined, {
    parsers: { [INT8]: parseInt8 },
  });
  const db = new Kysely<Schema>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
