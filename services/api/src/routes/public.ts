import { electionParams } from '@openslate/client';
import { logOrigin } from '@openslate/publisher';
import type { AppContext } from '../context.js';
import { Router } from 'express';
import { notFound } from '../errors.js';
import { kindFields } from '../contest-kind.js';
import { scheduleOf } from '../scheduler.js';

/** Public read endpoints: no sign-in needed. */
export function publicRoutes(ctx: AppContext): Router {
  const { database } = ctx;
  const router = Router();
  const { db } = database;

  router.get('/api/elections', async (_req, res) => {
    const elections = await db
      .selectFrom('elections')
      .select(['id', 'title', 'state', 'is_demo', 'created_at'])
      .orderBy('created_at', 'desc')
      .execute();
    res.json({
      elections: elections.map(({ is_demo, created_at, ...e }) => ({
        ...e,
        demo: is_demo,
        createdAt: created_at,
      })),
    });
  });

  router.get('/api/elections/:election', async (req, res) => {
    const { election: id } = electionParams.parse(req.params);
    const election = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!election) throw notFound(`election '${id}'`);
    const contests = await db
      .selectFrom('contests')
      .selectAll()
      .where('election_id', '=', id)
      .orderBy('position')
      .execute();
    const candidates = contests.length
      ? await db
          .selectFrom('candidates')
          .selectAll()
          .where(
            'contest_id',
            'in',
            contests.map((c) => c.id),
          )
          .orderBy('contest_id')
          .orderBy('position')
          .execute()
      : [];
    res.json({
      id: election.id,
      title: election.title,
      state: election.state,
      demo: election.is_demo,
      // When voting opens and closes by itself (null: no schedule), and why a due transition was refused.
      schedule: scheduleOf(election.settings),
      // The log anyone can mirror and check: its origin line and the key that signs its checkpoints.
      log: {
        origin: logOrigin(ctx.identity, election.id),
        verifierKey: ctx.identity.verifierKey,
        url: `/log/${election.id}/`,
      },
      contests: contests.map((c) => ({
        id: c.id,
        title: c.title,
        seats: c.seats,
        rules: c.rules,
        kind: c.kind,
        ...kindFields(c),
        mode: c.mode,
        constraints: c.constraints,
        candidates: candidates
          .filter((k) => k.contest_id === c.id)
          .map((k) => ({
            id: k.id,
            name: k.name,
            statement: k.statement,
            attributes: k.attributes,
            status: k.status,
          })),
      })),
    });
  });
  return router;
}
