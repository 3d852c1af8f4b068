import { memberNomination } from '@openslate/client';
import { json } from '@openslate/db';
import { Router } from 'express';
import { memberOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { candidateOf, conflict, contestOf, electionById, isUniqueViolation } from '../elections.js';
import { newId } from '../ids.js';
import { assertTakesCandidates } from '../contest-kind.js';
import { electionParams } from '@openslate/client';

/** Nominations in the open: members nominate; anyone can see who was nominated, by how many, and every decision. */
export function nominationRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;

  router.post('/api/elections/:election/nominations', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const member = memberOf(req, electionId);
    const body = memberNomination.parse(req.body);
    try {
      const result = await db.transaction().execute(async (trx) => {
        const election = await electionById(trx, electionId, { forUpdate: true });
        assertState(election.state, ['nominations'], 'nominating');
        let candidateId: string;
        let contestId: string;
        if ('candidate' in body) {
          const c = await candidateOf(trx, electionId, body.candidate);
          candidateId = c.id;
          contestId = c.contest_id;
        } else {
          assertTakesCandidates(await contestOf(trx, electionId, body.contest));
          contestId = body.contest;
          const same = await trx
            .selectFrom('candidates')
            .select('id')
            .where('contest_id', '=', contestId)
            .where('name', '=', body.name)
            .executeTakeFirst();
          if (same) candidateId = same.id;
          else {
            candidateId = newId('cd');
            const { max } = await trx
              .selectFrom('candidates')
              .select((eb) => eb.fn.max('position').as('max'))
              .where('contest_id', '=', contestId)
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('candidates')
              .values({
                id: candidateId,
                contest_id: contestId,
                position: Number(max ?? 0) + 1,
                name: body.name,
                statement: body.statement,
                attributes: json({}),
                status: 'nominated',
              })
              .execute();
            await recordAudit(trx, electionId, 'candidate.added', {
              contest: contestId,
              candidate: candidateId,
              name: body.name,
              attributes: {},
              status: 'nominated',
              reason: 'nominated by a member',
            });
          }
        }
        await trx
          .insertInto('nominations')
          .values({
            id: newId('nm'),
            candidate_id: candidateId,
            nominator_kind: 'member',
            nominator: member.rollEntryId,
          })
          .execute();
        // The log records that a member nominated, not which member.
        const idx = await recordAudit(trx, electionId, 'nomination', {
          contest: contestId,
          candidate: candidateId,
          kind: 'member',
        });
        return { candidate: candidateId, logIndex: idx };
      });
      res.status(201).json(result);
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('ALREADY_NOMINATED', 'you have already nominated this candidate');
      throw err;
    }
  });

  router.get('/api/elections/:election/nominations', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    await electionById(db, electionId);
    const contests = await db
      .selectFrom('contests')
      .select(['id', 'title', 'nomination_threshold'])
      .where('election_id', '=', electionId)
      .orderBy('position')
      .execute();
    const candidates = await db
      .selectFrom('candidates')
      .innerJoin('contests', 'contests.id', 'candidates.contest_id')
      .select([
        'candidates.id',
        'candidates.contest_id',
        'candidates.name',
        'candidates.status',
        'candidates.status_reason',
      ])
      .where('contests.election_id', '=', electionId)
      .orderBy('candidates.position')
      .execute();
    const nominations = await db
      .selectFrom('nominations')
      .innerJoin('candidates', 'candidates.id', 'nominations.candidate_id')
      .innerJoin('contests', 'contests.id', 'candidates.contest_id')
      .select(['nominations.candidate_id', 'nominations.nominator_kind', 'nominations.nominator'])
      .where('contests.election_id', '=', electionId)
      .execute();
    res.json({
      contests: contests.map((c) => ({
        id: c.id,
        title: c.title,
        threshold: c.nomination_threshold,
        candidates: candidates
          .filter((k) => k.contest_id === c.id)
          .map((k) => {
            const mine = nominations.filter((n) => n.candidate_id === k.id);
            const members = mine.filter((n) => n.nominator_kind === 'member').length;
            const affiliates = mine
              .filter((n) => n.nominator_kind === 'affiliate')
              .map((n) => n.nominator)
              .sort();
            const t = c.nomination_threshold;
            const meetsThreshold =
              (t.members !== undefined && members >= t.members) ||
              (t.affiliates !== undefined && affiliates.length >= t.affiliates);
            return {
              id: k.id,
              name: k.name,
              status: k.status,
              reason: k.status_reason,
              memberNominations: members,
              affiliateNominations: affiliates,
              meetsThreshold,
            };
          }),
      })),
    });
  });
  return router;
}
