// The real API (the CLI's embedded server) on the test database — PGlite, or a scratch PostgreSQL database when
// DATABASE_URL is set — serving the built web forms from services/web/dist.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedApi, type EmbeddedApi } from '@openslate/cli';
import { openTestDatabase } from '@openslate/db/testing';

export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'dist');

export async function startWebServer(): Promise<EmbeddedApi> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error(`the web forms are not built: run "npm run build" first (${WEB_ROOT})`);
  return startEmbeddedApi({ database: await openTestDatabase(), webRoot: WEB_ROOT });
}
