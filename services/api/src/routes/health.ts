import type { Database } from '@openslate/db';
import { Router, type Response } from 'express';
import { sql } from 'kysely';
import { toErrorResponse } from '../errors.js';

/** `/healthz`: the process is up and the database answers. `/readyz`: the same, and migrations have run. */
export function healthRoutes(database: Database): Router {
  const router = Router();
  const probe = async (res: Response, extra: () => Promise<Record<string, unknown>>) => {
    try {
      await sql`select 1`.execute(database.db);
      res.json({ status: 'ok', database: database.kind, ...(await extra()) });
    } catch (err) {
      const { body } = toErrorResponse(err);
      res.status(503).json({ status: 'unavailable', database: database.kind, error: body.error });
    }
  };
  router.get('/healthz', (_req, res) => probe(res, async () => ({})));
  router.get('/readyz', (_req, res) =>
    probe(res, async () => {
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from kysely_migration`.execute(
        database.db,
      );
      return { migrations: Number(rows[0]?.n ?? 0) };
    }),
  );
  return router;
}
