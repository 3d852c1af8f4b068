import path from 'node:path';

/** Where the data lives: a PostgreSQL server (DATABASE_URL) or the embedded PGlite database in a folder. */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | null /* null: in memory */ };

/** The default data folder for the embedded database, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.openslate/pgdata';

/** DATABASE_URL selects PostgreSQL; otherwise PGlite in OPENSLATE_DATA_DIR (default `.openslate/pgdata`). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  if (url) return { kind: 'postgres', url };
  const dir = env['OPENSLATE_DATA_DIR']?.trim();
  if (dir === ':memory:') return { kind: 'pglite', dataDir: null };
  return { kind: 'pglite', dataDir: path.resolve(dir || DEFAULT_DATA_DIR) };
}

/** A connection string with any password replaced, fit for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
