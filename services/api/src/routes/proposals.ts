// Proposals (motions) within an election (issue #9; log entries in docs/log-entries.md "Proposals"): drafted by a
// member or by an officer for an affiliate, supported and withdrawn before voting opens, eligible at the
// election's threshold, scheduled by the officer as yes-no-abstain contests (amendments first), resolved at the
// count with packages/questions resolveAmendments.
import {
  affiliateProposalInput,
  affiliateSupportInput,
  electionParams,
  proposalInput,
  proposalParams,
  proposalSettingsInput,
  scheduleProposalInput,
} from '@openslate/client';
import { json, type Schema } from '@openslate/db';
import {
  resolveAmendments,
  type ManifestContest,
  type QuestionSettings,
  type YesNoReport,
} from '@openslate/verify';
import { Router } from 'express';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { memberOf, officerOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { kindFields } from '../contest-kind.js';
import { assertState } from '../election-state.js';
import { conflict, electionById, electionForOfficer, isUniqueViolation } from '../elections.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';

type Db = Kysely<Schema> | Transaction<Schema>;
type Trx = Transaction<Schema>;

/** The election's proposal rules (`elections.settings.proposals`), set by the officer before any proposal. */
export interface ProposalSettings {
  readonly threshold: { readonly members?: number; readonly affiliates?: number };
  readonly supporters: 'public' | 'counted';
}

/** Without the officer's settings: 10 members or 1 affiliate, supporters only counted. */
export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = {
  threshold: { members: 10, affiliates: 1 },
  supporters: 'counted',
};

/** Proposals may be drafted, supported and scheduled only before voting opens. */
const BEFORE_VOTING = ['draft', 'nominations', 'shortlist'] as const;

const settingsOf = (settings: Record<string, unknown>): ProposalSettings =>
  (settings['proposals'] as ProposalSettings | undefined) ?? DEFAULT_PROPOSAL_SETTINGS;

interface Support {
  readonly members: number;
  readonly affiliates: number;
}

/** Either threshold met (an unset one never is). */
export const meetsThreshold = (t: ProposalSettings['threshold'], s: Support): boolean =>
  (t.members !== undefined && s.members >= t.members) ||
  (t.affiliates !== undefined && s.affiliates >= t.affiliates);

async function supportOf(db: Db, proposalId: string): Promise<Support> {
  const rows = await db
    .selectFrom('proposal_supports')
    .select(['supporter_kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('proposal_id', '=', proposalId)
    .groupBy('supporter_kind')
    .execute();
  const n = (kind: string) => Number(rows.find((r) => r.supporter_kind === kind)?.n ?? 0);
  return { members: n('member'), affiliates: n('affiliate') };
}

async function proposalOf(db: Db, electionId: string, proposalId: string) {
  const p = await db
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (!p) throw notFound(`proposal '${proposalId}'`);
  return p;
}

/** Logs an entry about `proposals` (the first is the subject) and indexes it for the public page. */
async function logProposal(
  trx: Trx,
  electionId: string,
  proposals: readonly string[],
  type: string,
  body: Record<string, unknown>,
): Promise<{ index: number; type: string }> {
  const index = await recordAudit(trx, electionId, type, { proposal: proposals[0], ...body });
  for (const id of proposals)
    await trx
      .insertInto('proposal_log')
      .values({ election_id: electionId, log_idx: index, proposal_id: id, type })
      .execute();
  return { index, type };
}

type Supporter =
  { kind: 'member'; rollEntryId: string } | { kind: 'affiliate'; affiliate: string; by: string };

/** Who, as the log and the public page may say it: names only when supporters are public. */
async function publicSupporter(
  db: Db,
  settings: ProposalSettings,
  who: Supporter,
): Promise<Record<string, unknown>> {
  if (who.kind === 'affiliate')
    return {
      kind: 'affiliate',
      ...(settings.supporters === 'public' && { affiliate: who.affiliate }),
      enteredBy: who.by,
    };
  if (settings.supporters === 'counted') return { kind: 'member' };
  const entry = await db
    .selectFrom('roll_entries')
    .select('name')
    .where('id', '=', who.rollEntryId)
    .executeTakeFirstOrThrow();
  return { kind: 'member', name: entry.name };
}

/** A member off the roll (removed since signing in) may not draft or support. */
async function assertOnRoll(db: Db, rollEntryId: string): Promise<void> {
  const entry = await db
    .selectFrom('roll_entries')
    .select('status')
    .where('id', '=', rollEntryId)
    .executeTakeFirst();
  if (entry?.status !== 'active')
    throw new ApiError(403, 'NOT_ON_ROLL', 'only a member on the roll may do this');
}

async function draft(
  trx: Trx,
  electionId: string,
  body: z.infer<typeof proposalInput>,
  who: Supporter,
): Promise<{ id: string; logEntry: { index: number; type: string } }> {
  const election = await electionById(trx, electionId, { forUpdate: true });
  assertState(election.state, BEFORE_VOTING, 'drafting a proposal');
  if (body.amends !== undefined) {
    const amended = await proposalOf(trx, electionId, body.amends);
    if (amended.amends !== null)
      throw conflict('AMENDS_AN_AMENDMENT', 'an amendment amends a proposal, not another amendment');
    if (amended.state === 'scheduled')
      throw conflict(
        'PROPOSAL_SCHEDULED',
        'the proposal is already on the ballot: it can no longer be amended',
      );
  }
  const { max } = await trx
    .selectFrom('proposals')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  const id = newId('pp');
  await trx
    .insertInto('proposals')
    .values({
      id,
      election_id: electionId,
      position: Number(max ?? 0) + 1,
      title: body.title,
      text: body.text,
      amends: body.amends ?? null,
      drafter_kind: who.kind,
      drafter: who.kind === 'member' ? who.rollEntryId : who.affiliate,
    })
    .execute();
  const logEntry = await logProposal(trx, electionId, [id], 'proposal.drafted', {
    title: body.title,
    text: body.text,
    amends: body.amends ?? null,
    drafter: await publicSupporter(trx, settingsOf(election.settings), who),
  });
  return { id, logEntry };
}

/**
 * Adds or withdraws one supporter's support and logs it with the counts after it; when the proposal thereby
 * crosses its threshold (up or down), that is logged once as `proposal.eligible` or `proposal.ineligible`.
 */
async function changeSupport(
  trx: Trx,
  electionId: string,
  proposalId: string,
  who: Supporter,
  change: 'support' | 'withdraw',
) {
  const election = await electionById(trx, electionId, { forUpdate: true });
  assertState(election.state, BEFORE_VOTING, 'supporting a proposal');
  const proposal = await proposalOf(trx, electionId, proposalId);
  if (proposal.state === 'scheduled')
    throw conflict('PROPOSAL_SCHEDULED', 'the proposal is on the ballot: support can no longer change');
  const key = {
    proposal_id: proposalId,
    supporter_kind: who.kind,
    supporter: who.kind === 'member' ? who.rollEntryId : who.affiliate,
  };
  if (change === 'support') {
    try {
      await trx.insertInto('proposal_supports').values(key).execute();
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('ALREADY_SUPPORTED', 'this proposal already has that support');
      throw err;
    }
  } else {
    const removed = await trx
      .deleteFrom('proposal_supports')
      .where('proposal_id', '=', key.proposal_id)
      .where('supporter_kind', '=', key.supporter_kind)
      .where('supporter', '=', key.supporter)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n)
      throw conflict('NOT_SUPPORTED', 'there is no such support to withdraw');
  }
  const settings = settingsOf(election.settings);
  const support = await supportOf(trx, proposalId);
  const logEntry = await logProposal(
    trx,
    electionId,
    [proposalId],
    change === 'support' ? 'proposal.supported' : 'proposal.withdrawn',
    { supporter: await publicSupporter(trx, settings, who), ...support },
  );
  const eligible = meetsThreshold(settings.threshold, support);
  const crossed = eligible !== (proposal.state === 'eligible');
  if (!crossed) return { state: proposal.state, ...support, logEntry };
  const state = eligible ? 'eligible' : 'draft';
  await trx.updateTable('proposals').set({ state }).where('id', '=', proposalId).execute();
  const stateEntry = await logProposal(
    trx,
    electionId,
    [proposalId],
    eligible ? 'proposal.eligible' : 'proposal.ineligible',
    { threshold: settings.threshold, ...support },
  );
  return { state, ...support, logEntry, stateEntry };
}

/** Inserts one scheduled motion as a yes-no-abstain contest and logs `contest.created` and `proposal.scheduled`. */
async function scheduleOne(
  trx: Trx,
  electionId: string,
  position: number,
  proposal: { id: string; title: string; text: string; amends: string | null },
  title: string,
  rules: z.infer<typeof scheduleProposalInput>,
  by: string,
) {
  const contestId = newId('ct');
  const question: QuestionSettings = {
    majority: rules.majority,
    ...(rules.abstentions !== undefined && { abstentions: rules.abstentions }),
    text: proposal.text,
    proposal: { id: proposal.id, ...(proposal.amends !== null && { amends: proposal.amends }) },
  };
  const row = { kind: 'yes-no-abstain' as const, question, quorum: rules.quorum ?? null };
  await trx
    .insertInto('contests')
    .values({
      id: contestId,
      election_id: electionId,
      position,
      title,
      kind: row.kind,
      seats: 1,
      rules: row.kind,
      question: json(question),
      quorum: row.quorum === null ? null : json(row.quorum),
      mode: 'secret',
      constraints: json([]),
      nomination_threshold: json({}),
    })
    .execute();
  // The same body as an officer's contest (routes/officer.ts), so the verifier reads both alike.
  await recordAudit(trx, electionId, 'contest.created', {
    contest: contestId,
    title,
    seats: 1,
    rules: row.kind,
    ...kindFields(row),
    mode: 'secret',
    constraints: [],
    nominationThreshold: {},
  });
  await trx
    .updateTable('proposals')
    .set({ state: 'scheduled', contest_id: contestId })
    .where('id', '=', proposal.id)
    .execute();
  const logEntry = await logProposal(trx, electionId, [proposal.id], 'proposal.scheduled', {
    contest: contestId,
    amends: proposal.amends,
    position,
    by,
  });
  return { contest: contestId, logEntry };
}

/**
 * Schedules an eligible proposal: each of its eligible amendments becomes a motion, in drafting order, followed by
 * the proposal's own motion; all take the officer's majority and quorum. Amendments not eligible are left out.
 */
async function schedule(
  trx: Trx,
  electionId: string,
  proposalId: string,
  rules: z.infer<typeof scheduleProposalInput>,
  by: string,
) {
  const proposal = await proposalOf(trx, electionId, proposalId);
  if (proposal.amends !== null)
    throw conflict('SCHEDULE_THE_PROPOSAL', 'an amendment is scheduled with the proposal it amends');
  if (proposal.state !== 'eligible')
    throw new ApiError(
      409,
      'NOT_ELIGIBLE',
      proposal.state === 'scheduled'
        ? 'the proposal is already scheduled'
        : 'the proposal has not reached its threshold of supporters',
      { state: proposal.state },
    );
  const amendments = await trx
    .selectFrom('proposals')
    .selectAll()
    .where('amends', '=', proposalId)
    .where('state', '=', 'eligible')
    .orderBy('position')
    .execute();
  const { max } = await trx
    .selectFrom('contests')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  const motions = [
    ...amendments.map((a) => ({ row: a, title: `Amendment to "${proposal.title}": ${a.title}` })),
    { row: proposal, title: proposal.title },
  ];
  const scheduled = [];
  for (const [i, m] of motions.entries()) {
    const position = Number(max ?? 0) + i + 1;
    const done = await scheduleOne(trx, electionId, position, m.row, m.title, rules, by);
    scheduled.push({ proposal: m.row.id, ...done });
  }
  return scheduled;
}

/** One counted contest's question report, by contest id. */
export type CountedReports = ReadonlyMap<string, Record<string, unknown>>;

/**
 * At the count: for every scheduled proposal, its amendments' and its own motion's reports through
 * resolveAmendments (ids are proposal ids, so the words name proposals); stored and logged as `proposal.outcome`.
 */
export async function recordProposalOutcomes(
  trx: Trx,
  electionId: string,
  contests: readonly ManifestContest[],
  reports: CountedReports,
): Promise<
  { proposal: string; carried: boolean; words: string; logEntry: { index: number; type: string } }[]
> {
  const motions = contests.flatMap((c) => {
    const link = c.question?.proposal;
    const report = reports.get(c.id);
    return link && report
      ? [{ contest: c.id, ...link, report: { ...report, id: link.id } as YesNoReport }]
      : [];
  });
  const outcomes = [];
  for (const m of motions.filter((x) => x.amends === undefined)) {
    const amendments = motions.filter((a) => a.amends === m.id);
    const resolved = resolveAmendments(
      amendments.map((a) => a.report),
      m.report,
    );
    if (!resolved.ok) throw new ApiError(409, 'CANNOT_COUNT', resolved.error.message, { proposal: m.id });
    const outcome = resolved.value;
    for (const a of amendments)
      await trx
        .updateTable('proposals')
        .set({ outcome: json({ carried: a.report.carried }) })
        .where('id', '=', a.id)
        .execute();
    await trx
      .updateTable('proposals')
      .set({ outcome: json(outcome) })
      .where('id', '=', m.id)
      .execute();
    const logEntry = await logProposal(
      trx,
      electionId,
      [m.id, ...amendments.map((a) => a.id)],
      'proposal.outcome',
      {
        contest: m.contest,
        amendments: amendments.map((a) => ({
          proposal: a.id,
          contest: a.contest,
          carried: a.report.carried,
        })),
        adopted: outcome.adopted,
        rejected: outcome.rejected,
        text: outcome.text,
        carried: outcome.carried,
        words: outcome.words,
      },
    );
    outcomes.push({ proposal: m.id, carried: outcome.carried, words: outcome.words, logEntry });
  }
  return outcomes;
}

/** The counted proposals for the results page: each motion's proposal and whether it carried, with the words. */
export async function proposalOutcomes(db: Db, electionId: string) {
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'title', 'amends', 'contest_id', 'outcome'])
    .where('election_id', '=', electionId)
    .where('outcome', 'is not', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    proposal: r.id,
    title: r.title,
    amends: r.amends,
    contest: r.contest_id,
    ...outcomeOf(r),
  }));
}

const outcomeOf = (r: { outcome: unknown }) => {
  const o = r.outcome as { carried: boolean; words?: string } | null;
  return o === null ? {} : { carried: o.carried, ...(o.words !== undefined && { words: o.words }) };
};

/** A proposal's public state: its stored state until the count, then carried or not carried. */
const publicState = (r: { state: string; outcome: unknown }) => {
  const o = r.outcome as { carried: boolean } | null;
  return o === null ? r.state : o.carried ? 'carried' : 'not-carried';
};

async function listProposals(db: Db, electionId: string) {
  const election = await electionById(db, electionId);
  const settings = settingsOf(election.settings);
  const proposals = await db
    .selectFrom('proposals')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('position')
    .execute();
  const supports = await db
    .selectFrom('proposal_supports')
    .innerJoin('proposals', 'proposals.id', 'proposal_supports.proposal_id')
    .leftJoin('roll_entries', 'roll_entries.id', 'proposal_supports.supporter')
    .select([
      'proposal_supports.proposal_id',
      'proposal_supports.supporter_kind',
      'proposal_supports.supporter',
      'roll_entries.name',
    ])
    .where('proposals.election_id', '=', electionId)
    .execute();
  const log = await db
    .selectFrom('proposal_log')
    .select(['proposal_id', 'log_idx', 'type'])
    .where('election_id', '=', electionId)
    .orderBy('log_idx')
    .execute();
  const named = settings.supporters === 'public';
  return {
    settings,
    proposals: proposals.map((p) => {
      const mine = supports.filter((s) => s.proposal_id === p.id);
      const members = mine.filter((s) => s.supporter_kind === 'member');
      const affiliates = mine.filter((s) => s.supporter_kind === 'affiliate');
      return {
        id: p.id,
        title: p.title,
        text: p.text,
        amends: p.amends,
        amendments: proposals.filter((a) => a.amends === p.id).map((a) => a.id),
        drafterKind: p.drafter_kind,
        state: publicState(p),
        contest: p.contest_id,
        supporters: {
          members: members.length,
          affiliates: affiliates.length,
          ...(named && {
            memberNames: members.map((s) => s.name ?? '').sort(),
            affiliateNames: affiliates.map((s) => s.supporter).sort(),
          }),
        },
        outcome: p.outcome,
        logEntries: log
          .filter((l) => l.proposal_id === p.id)
          .map((l) => ({ index: Number(l.log_idx), type: l.type })),
      };
    }),
  };
}

export function proposalRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;

  router.get('/api/elections/:election/proposals', async (req, res) => {
    const { election } = electionParams.parse(req.params);
    res.json(await listProposals(db, election));
  });

  router.post('/api/elections/:election/proposals', async (req, res) => {
    const { election } = electionParams.parse(req.params);
    const member = memberOf(req, election);
    const body = proposalInput.parse(req.body);
    await assertOnRoll(db, member.rollEntryId);
    const who = { kind: 'member', rollEntryId: member.rollEntryId } as const;
    res.status(201).json(await db.transaction().execute((trx) => draft(trx, election, body, who)));
  });

  for (const change of ['support', 'withdraw'] as const) {
    router.post(`/api/elections/:election/proposals/:proposal/${change}`, async (req, res) => {
      const { election, proposal } = proposalParams.parse(req.params);
      const member = memberOf(req, election);
      await assertOnRoll(db, member.rollEntryId);
      const who = { kind: 'member', rollEntryId: member.rollEntryId } as const;
      const result = await db
        .transaction()
        .execute((trx) => changeSupport(trx, election, proposal, who, change));
      res.status(change === 'support' ? 201 : 200).json(result);
    });

    router.post(`/api/officer/elections/:election/proposals/:proposal/${change}`, async (req, res) => {
      const officer = officerOf(req);
      const { election, proposal } = proposalParams.parse(req.params);
      const { affiliate } = affiliateSupportInput.parse(req.body);
      await electionForOfficer(db, officer, election);
      const who = { kind: 'affiliate', affiliate, by: officer.userId } as const;
      const result = await db
        .transaction()
        .execute((trx) => changeSupport(trx, election, proposal, who, change));
      res.status(change === 'support' ? 201 : 200).json(result);
    });
  }

  router.post('/api/officer/elections/:election/proposals', async (req, res) => {
    const officer = officerOf(req);
    const { election } = electionParams.parse(req.params);
    const { affiliate, ...body } = affiliateProposalInput.parse(req.body);
    await electionForOfficer(db, officer, election);
    const who = { kind: 'affiliate', affiliate, by: officer.userId } as const;
    res.status(201).json(await db.transaction().execute((trx) => draft(trx, election, body, who)));
  });

  router.post('/api/officer/elections/:election/proposal-settings', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const settings: ProposalSettings = proposalSettingsInput.parse(req.body);
    const logEntry = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, BEFORE_VOTING, 'setting the proposal rules');
      // Eligibility already logged must stay true: the rules are fixed once the first proposal exists.
      const any = await trx
        .selectFrom('proposals')
        .select('id')
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      if (any)
        throw conflict('PROPOSALS_EXIST', 'the proposal rules cannot change once a proposal is drafted');
      await trx
        .updateTable('elections')
        .set({ settings: json({ ...election.settings, proposals: settings }), updated_at: new Date() })
        .where('id', '=', electionId)
        .execute();
      const index = await recordAudit(trx, electionId, 'proposal.settings', {
        ...settings,
        by: officer.userId,
      });
      return { index, type: 'proposal.settings' };
    });
    res.json({ settings, logEntry });
  });

  router.post('/api/officer/elections/:election/proposals/:proposal/schedule', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId, proposal } = proposalParams.parse(req.params);
    const rules = scheduleProposalInput.parse(req.body);
    const scheduled = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, BEFORE_VOTING, 'scheduling a proposal');
      return schedule(trx, electionId, proposal, rules, officer.userId);
    });
    res.status(201).json({ scheduled });
  });
  return router;
}
