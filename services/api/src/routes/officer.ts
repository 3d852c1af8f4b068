import { initLog, json } from '@openslate/db';
import { Router } from 'express';
import { officerOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { candidateOf, contestOf, electionForOfficer, isUniqueViolation, conflict } from '../elections.js';
import { newId } from '../ids.js';
import {
  affiliateNominationInput,
  candidateInput,
  candidateParams,
  contestInput,
  contestParams,
  decisionInput,
  electionInput,
  electionParams,
  scheduleInput,
  transitionInput,
} from '@openslate/client';
import type { StateHooks } from '../state-hooks.js';
import { assertTakesCandidates, kindFields, kindValues } from '../contest-kind.js';
import type { z } from 'zod';
import type { Schema } from '@openslate/db';
import type { Transaction } from 'kysely';
import { assertSchedulable, normaliseSchedule } from '../scheduler.js';
import { transitionElection } from '../transition.js';

type ContestInput = z.infer<typeof contestInput>;

async function insertContest(
  trx: Transaction<Schema>,
  electionId: string,
  position: number,
  c: ContestInput,
  fixedCandidates: boolean,
) {
  const id = newId('ct');
  const kind = kindValues(c);
  await trx
    .insertInto('contests')
    .values({
      id,
      election_id: electionId,
      position,
      title: c.title,
      kind: kind.kind,
      seats: kind.seats,
      rules: kind.rules,
      question: json(kind.question),
      quorum: kind.quorum === null ? null : json(kind.quorum),
      mode: c.mode,
      constraints: json(c.constraints),
      nomination_threshold: json(c.nominationThreshold),
    })
    .execute();
  const index = await recordAudit(trx, electionId, 'contest.created', {
    contest: id,
    title: c.title,
    seats: kind.seats,
    rules: kind.rules,
    ...kindFields(kind),
    mode: c.mode,
    constraints: c.constraints,
    nominationThreshold: c.nominationThreshold,
  });
  for (const [i, k] of c.candidates.entries())
    await insertCandidate(trx, electionId, id, i + 1, k, fixedCandidates);
  return { id, logEntry: { index, type: 'contest.created' } };
}

async function insertCandidate(
  trx: Transaction<Schema>,
  electionId: string,
  contestId: string,
  position: number,
  k: z.infer<typeof candidateInput>,
  fixed: boolean,
) {
  const id = newId('cd');
  // Candidates an officer enters before nominations open are the ballot's candidates outright.
  const status = fixed ? 'shortlisted' : 'nominated';
  const reason = fixed ? 'entered by the returning officer' : null;
  await trx
    .insertInto('candidates')
    .values({
      id,
      contest_id: contestId,
      position,
      name: k.name,
      statement: k.statement,
      attributes: json(k.attributes),
      status,
      status_reason: reason,
      membership: k.membership ?? null,
    })
    .execute();
  const index = await recordAudit(trx, electionId, 'candidate.added', {
    contest: contestId,
    candidate: id,
    name: k.name,
    attributes: k.attributes,
    status,
    reason,
    ...(k.membership === undefined ? {} : { membership: k.membership }),
  });
  return { id, logEntry: { index, type: 'candidate.added' } };
}

/** Officer routes: the organisation's elections, their contests and candidates, the life cycle, shortlisting. */
export function officerRoutes(ctx: AppContext, hooks: StateHooks): Router {
  const router = Router();
  const { db } = ctx.database;

  router.get('/api/officer/elections', async (req, res) => {
    const officer = officerOf(req);
    const rows = await db
      .selectFrom('elections')
      .select(['id', 'title', 'state', 'is_demo', 'created_at'])
      .where('organisation_id', '=', officer.organisationId)
      .orderBy('created_at', 'desc')
      .execute();
    res.json({
      elections: rows.map(({ is_demo, created_at, ...e }) => ({
        ...e,
        demo: is_demo,
        createdAt: created_at,
      })),
    });
  });

  router.post('/api/officer/elections', async (req, res) => {
    const officer = officerOf(req);
    const body = electionInput.parse(req.body);
    const id = newId('el');
    const index = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('elections')
        .values({
          id,
          organisation_id: officer.organisationId,
          title: body.title,
          state: 'draft',
          updated_at: new Date(),
        })
        .execute();
      await initLog(trx, id);
      const created = await recordAudit(trx, id, 'election.created', {
        title: body.title,
        by: officer.userId,
      });
      for (const [i, c] of body.contests.entries()) await insertContest(trx, id, i + 1, c, true);
      return created;
    });
    res.status(201).json({ id, state: 'draft', logEntry: { index, type: 'election.created' } });
  });

  router.post('/api/officer/elections/:election/contests', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = contestInput.parse(req.body);
    const added = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ['draft'], 'adding a contest');
      const { max } = await trx
        .selectFrom('contests')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('election_id', '=', electionId)
        .executeTakeFirstOrThrow();
      return insertContest(trx, electionId, Number(max ?? 0) + 1, body, true);
    });
    res.status(201).json(added);
  });

  router.post('/api/officer/elections/:election/contests/:contest/candidates', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId, contest: contestId } = contestParams.parse(req.params);
    const body = candidateInput.parse(req.body);
    const added = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ['draft', 'nominations'], 'adding a candidate');
      assertTakesCandidates(await contestOf(trx, electionId, contestId));
      const { max } = await trx
        .selectFrom('candidates')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('contest_id', '=', contestId)
        .executeTakeFirstOrThrow();
      return insertCandidate(
        trx,
        electionId,
        contestId,
        Number(max ?? 0) + 1,
        body,
        election.state === 'draft',
      );
    });
    res.status(201).json(added);
  });

  router.post('/api/officer/elections/:election/transition', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const { to } = transitionInput.parse(req.body);
    const result = await transitionElection(db, hooks, electionId, to, officer.userId, (trx) =>
      electionForOfficer(trx, officer, electionId, { forUpdate: true }),
    );
    res.json(result);
  });

  router.put('/api/officer/elections/:election/schedule', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const schedule = normaliseSchedule(scheduleInput.parse(req.body));
    const index = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertSchedulable(election.state, schedule, new Date());
      await trx
        .updateTable('elections')
        .set({ settings: json({ ...election.settings, schedule }), updated_at: new Date() })
        .where('id', '=', electionId)
        .execute();
      return recordAudit(trx, electionId, 'election.scheduled', { ...schedule, by: officer.userId });
    });
    res.json({ schedule, logEntry: { index, type: 'election.scheduled' } });
  });

  router.post('/api/officer/elections/:election/candidates/:candidate/decision', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId, candidate: candidateId } = candidateParams.parse(req.params);
    const body = decisionInput.parse(req.body);
    const idx = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(
        election.state,
        body.status === 'withdrawn' ? ['draft', 'nominations', 'shortlist'] : ['nominations', 'shortlist'],
        'a shortlisting decision',
      );
      const candidate = await candidateOf(trx, electionId, candidateId);
      await trx
        .updateTable('candidates')
        .set({ status: body.status, status_reason: body.reason })
        .where('id', '=', candidateId)
        .execute();
      return recordAudit(trx, electionId, 'candidate.decision', {
        contest: candidate.contest_id,
        candidate: candidateId,
        name: candidate.name,
        from: candidate.status,
        to: body.status,
        reason: body.reason,
        by: officer.userId,
      });
    });
    res.json({ status: body.status, logIndex: idx });
  });

  router.post('/api/officer/elections/:election/nominations', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = affiliateNominationInput.parse(req.body);
    try {
      const idx = await db.transaction().execute(async (trx) => {
        const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
        assertState(election.state, ['nominations'], 'a nomination');
        const candidate = await candidateOf(trx, electionId, body.candidate);
        await trx
          .insertInto('nominations')
          .values({
            id: newId('nm'),
            candidate_id: candidate.id,
            nominator_kind: 'affiliate',
            nominator: body.affiliate,
          })
          .execute();
        return recordAudit(trx, electionId, 'nomination', {
          contest: candidate.contest_id,
          candidate: candidate.id,
          kind: 'affiliate',
          affiliate: body.affiliate,
          enteredBy: officer.userId,
        });
      });
      res.status(201).json({ logIndex: idx });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('ALREADY_NOMINATED', `${body.affiliate} has already nominated this candidate`);
      throw err;
    }
  });

  router.get('/api/officer/elections/:election/turnout', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    await electionForOfficer(db, officer, electionId);
    const count = (table: 'roll_entries' | 'credentials_issued') =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('election_id', '=', electionId);
    const [roll, issued, ballots] = await Promise.all([
      count('roll_entries').where('status', '=', 'active').executeTakeFirstOrThrow(),
      count('credentials_issued').executeTakeFirstOrThrow(),
      db
        .selectFrom('ballots')
        .select((eb) => eb.fn.count<string>('ballot_key').distinct().as('n'))
        .where('election_id', '=', electionId)
        .executeTakeFirstOrThrow(),
    ]);
    res.json({ roll: Number(roll.n), credentialsIssued: Number(issued.n), ballotsCast: Number(ballots.n) });
  });
  return router;
}
