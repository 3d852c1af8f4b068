import {
  checkElectionKey,
  decryptBallot,
  reconstructElectionSecret,
  resolveRevotes,
  type SignedBallot,
} from '@openslate/ballot';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { json } from '@openslate/db';
import { parseEntry } from '@openslate/log';
import { contestKind, countContest, resultEntry } from '@openslate/verify';
import { Router } from 'express';
import { officerOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { electionById, electionForOfficer } from '../elections.js';
import { writeElectionBundle } from '../bundle/write-bundle.js';
import { ApiError } from '../errors.js';
import { electionParams } from '@openslate/client';
import { loadCeremony } from './ceremony-state.js';
import { loadManifest } from './manifest.js';
import { proposalOutcomes, recordProposalOutcomes } from '../routes/proposals.js';
import { sha256Hex } from './voting-routes.js';

/** The count: after the seal and the trustees' reveals, decrypt the counted ballots and count every contest. */
export function countRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;

  router.post('/api/officer/elections/:election/count', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const summary = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ['closed'], 'counting');
      const sealedSize = election.settings['sealedSize'] as number;
      const sealed = await trx
        .selectFrom('checkpoints')
        .select(['root', 'sealed'])
        .where('election_id', '=', electionId)
        .where('size', '=', sealedSize)
        .executeTakeFirst();
      if (!sealed?.sealed)
        throw new ApiError(409, 'NOT_SEALED', 'the log has not been sealed with a final checkpoint yet');
      const { manifest } = await loadManifest(trx, electionId);
      const key = checkElectionKey(manifest.electionKey);
      if (!key.ok) throw new ApiError(409, key.error.code, key.error.message);
      const ceremony = await loadCeremony(trx, electionId);
      const reveals = ceremony.trustees.filter((t) => t.reveal).map((t) => t.reveal);
      const secret = reconstructElectionSecret(key.value, reveals);
      if (!secret.ok) {
        throw new ApiError(
          409,
          'NOT_ENOUGH_SHARES',
          `${reveals.length} of the ${manifest.electionKey.threshold} key shares needed have been revealed`,
          { reason: secret.error.message },
        );
      }

      // Only ballots inside the sealed log count; of each credential's ballots, the published revote rule picks one.
      // Each ballot is read from its `ballot.cast` entry in the log (migration 0006), the record the verifier reads.
      const rows = await trx
        .selectFrom('ballots')
        .innerJoin('log_entries', (j) =>
          j
            .onRef('log_entries.election_id', '=', 'ballots.election_id')
            .onRef('log_entries.idx', '=', 'ballots.log_idx'),
        )
        .select([
          'ballots.log_idx',
          'ballots.ballot_key',
          'ballots.counter',
          'ballots.weight',
          'log_entries.entry',
        ])
        .where('ballots.election_id', '=', electionId)
        .where('ballots.log_idx', '<', sealedSize)
        .orderBy('ballots.log_idx')
        .execute();
      const { counted, superseded } = resolveRevotes(
        rows.map((r) => ({ ...r, logIndex: r.log_idx, ballotKey: r.ballot_key })),
      );
      const decrypted = counted.map((r) => {
        const ballot = parseEntry(r.entry).body['ballot'] as SignedBallot;
        const plain = decryptBallot(key.value, secret.value, ballot);
        if (!plain.ok)
          throw new ApiError(
            409,
            plain.error.code,
            `ballot at log index ${r.log_idx}: ${plain.error.message}`,
          );
        return { contests: plain.value.contests as Record<string, unknown>, weight: r.weight };
      });

      // The tie-break seed is the sealed root: nobody could know it before the close. The eligible weight is the
      // roll's at the close (logged with it); elections closed before question contests have none.
      const seed = sealed.root;
      const eligibleAtClose = election.settings['eligible'] as number | undefined;
      const context = { seed, ...(eligibleAtClose && { eligible: BigInt(eligibleAtClose) }) };
      const results = [];
      const reports = new Map<string, Record<string, unknown>>();
      for (const contest of manifest.contests) {
        const choices = decrypted.map((d) => ({ value: d.contests[contest.id], weight: d.weight }));
        const result = countContest(contest, choices, context);
        if (!result.ok)
          throw new ApiError(409, 'CANNOT_COUNT', `contest "${contest.title}": ${result.error.message}`, {
            contest: contest.id,
            reason: result.error.code,
          });
        const counted = result.value;
        reports.set(contest.id, counted.report);
        await trx
          .insertInto('results')
          .values({
            contest_id: contest.id,
            election_id: electionId,
            report: json(counted.report),
            blt: counted.blt,
            stage_table: counted.text,
            explanation: counted.explanation,
            quorum: counted.kind === 'stv' && counted.quorum !== null ? json(counted.quorum) : null,
          })
          .execute();
        const entry = resultEntry(contest, counted, {
          ballots: decrypted.length,
          seed,
          reportHash: sha256Hex(canonicalize(counted.report as JsonValue)),
          bltHash: counted.blt === null ? null : sha256Hex(counted.blt),
        });
        const resultIndex = await recordAudit(trx, electionId, 'result', entry);
        results.push({
          contest: contest.id,
          kind: counted.kind,
          elected: counted.elected,
          ...(counted.carried !== null && { carried: counted.carried }),
          ...(counted.quorum !== null && { quorumReached: counted.quorum.reached }),
          logEntry: { index: resultIndex, type: 'result' },
        });
      }
      // Each scheduled proposal's outcome after its amendments (docs/log-entries.md "proposal.outcome").
      const proposals = await recordProposalOutcomes(trx, electionId, manifest.contests, reports);
      await trx
        .updateTable('elections')
        .set({ state: 'counted', updated_at: new Date() })
        .where('id', '=', electionId)
        .execute();
      const index = await recordAudit(trx, electionId, 'election.state', {
        from: 'closed',
        to: 'counted',
        by: officer.userId,
        counted: counted.length,
        superseded: superseded.length,
      });
      return {
        counted: counted.length,
        superseded: superseded.length,
        results,
        ...(proposals.length > 0 && { proposals }),
        logEntry: { index, type: 'election.state' },
      };
    });
    res.json(summary);
  });

  router.get('/api/elections/:election/results', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const election = await electionById(db, electionId);
    if (!['counted', 'published'].includes(election.state))
      throw new ApiError(409, 'NOT_COUNTED', 'the count has not been run yet');
    const { manifest } = await loadManifest(db, electionId);
    const rows = await db
      .selectFrom('results')
      .select(['contest_id', 'report', 'quorum'])
      .where('election_id', '=', electionId)
      .execute();
    res.json({
      election: { id: electionId, title: election.title, state: election.state },
      contests: manifest.contests.map((c) => {
        const row = rows.find((r) => r.contest_id === c.id);
        const { id, title, seats, rules, question, candidates } = c;
        // A question's quorum is inside its report; an STV contest's is beside it.
        const quorum = contestKind(c) === 'stv' ? (row?.quorum ?? null) : null;
        const options = contestKind(c) === 'stv' ? {} : { question: question ?? {}, candidates };
        return { id, title, kind: contestKind(c), seats, rules, ...options, report: row?.report, quorum };
      }),
      proposals: await proposalOutcomes(db, electionId),
    });
  });

  router.get('/api/elections/:election/results/:contest.:format', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const { contest, format } = req.params as { contest: string; format: string };
    const row = await db
      .selectFrom('results')
      .select(['report', 'blt', 'stage_table', 'explanation'])
      .where('election_id', '=', electionId)
      .where('contest_id', '=', contest)
      .executeTakeFirst();
    if (!row) throw new ApiError(404, 'NOT_FOUND', 'no result for this contest');
    if (format === 'blt' && row.blt === null)
      throw new ApiError(
        404,
        'NOT_FOUND',
        'a question contest has no BLT file (try .json, .txt or .explain)',
      );
    if (format === 'blt') return void res.type('text/plain; charset=utf-8').send(row.blt);
    if (format === 'json') return void res.json(row.report);
    if (format === 'txt') return void res.type('text/plain; charset=utf-8').send(row.stage_table);
    if (format === 'explain') return void res.type('text/plain; charset=utf-8').send(row.explanation);
    throw new ApiError(404, 'NOT_FOUND', `no ${format} rendering (try .json, .txt, .explain or .blt)`);
  });

  router.post('/api/officer/elections/:election/publish', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    // Publishing again rewrites the bundle (a bundle write that failed after the transition can be retried);
    // the transition and its log entry happen once.
    const idx = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ['counted', 'published'], 'publishing');
      if (election.state === 'published') return null;
      await trx
        .updateTable('elections')
        .set({ state: 'published', updated_at: new Date() })
        .where('id', '=', electionId)
        .execute();
      return recordAudit(trx, electionId, 'election.state', {
        from: 'counted',
        to: 'published',
        by: officer.userId,
      });
    });
    // The bundle anyone can verify offline (docs/bundle-format.md): log with a checkpoint covering this entry too.
    const bundle = await writeElectionBundle(ctx, electionId);
    res.json({ state: 'published', logIndex: idx, bundle: { size: bundle.size, files: bundle.files } });
  });
  return router;
}
