import type { Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { MIGRATIONS } from './migrations/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema exists
type AnyKysely = Kysely<any>;

export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED';
}

/** Brings the schema to the latest migration; throws `MigrationError` naming the migration that failed. */
export async function migrateToLatest(db: AnyKysely): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return results;
}
