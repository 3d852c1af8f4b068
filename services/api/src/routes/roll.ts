import {
  invitationsInput,
  memberParams,
  rollAddInput,
  rollCsvBody,
  rollDeriveInput,
  rollRemoveInput,
} from '@openslate/client';
import { randomBytes } from 'node:crypto';
import { json, type Schema } from '@openslate/db';
import { toBase64 } from '@openslate/log';
import express, { Router } from 'express';
import type { Transaction } from 'kysely';
import { codeHash, formatCode, newCode } from '../auth/codes.js';
import { memberOf, officerOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { electionById, electionForOfficer } from '../elections.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { deriveRoll } from '../derived-roll.js';
import { parseRollCsv } from '../roll-csv.js';
import { commitRoll } from '../roll-commitment.js';
import { rollLeaves } from '../roll-leaves.js';
import { concerns, RollViews } from '../roll-view.js';
import { loadManifest } from '../voting/manifest.js';
import { electionParams } from '@openslate/client';

const ROLL_OPEN = ['draft', 'nominations', 'shortlist', 'voting'] as const;

async function nextPosition(trx: Transaction<Schema>, electionId: string): Promise<number> {
  const { max } = await trx
    .selectFrom('roll_entries')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  return Number(max ?? 0) + 1;
}

/** A roll change during voting moves the commitment: log the new root with the change. */
async function commitmentIfVoting(trx: Transaction<Schema>, electionId: string, state: string) {
  if (state !== 'voting') return {};
  const c = commitRoll(await rollLeaves(trx, electionId));
  return { roll: { size: c.size, root: c.root } };
}

export function rollRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const rollViews = new RollViews(db);
  const outbox = (trx: Transaction<Schema>, to: string, subject: string, body: string) =>
    trx
      .insertInto('outbox')
      .values({ id: newId('ob'), to_address: to, subject, body })
      .execute();

  // CSV import: all or nothing; every bad line reported by number.
  router.post(
    '/api/officer/elections/:election/roll',
    express.text({ type: ['text/csv', 'text/plain'], limit: '20mb' }),
    async (req, res) => {
      const officer = officerOf(req);
      const { election: electionId } = electionParams.parse(req.params);
      const text = typeof req.body === 'string' ? req.body : rollCsvBody.parse(req.body).csv;
      const { rows, problems } = parseRollCsv(text);
      if (problems.length) {
        throw new ApiError(
          422,
          'ROLL_INVALID',
          `${problems.length} line(s) of the roll are wrong; nothing was imported`,
          { problems },
        );
      }
      const result = await db.transaction().execute(async (trx) => {
        const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
        assertState(election.state, ['draft', 'nominations', 'shortlist'], 'importing the roll');
        const existing = await trx
          .selectFrom('roll_entries')
          .select('membership_number')
          .where('election_id', '=', electionId)
          .execute();
        const taken = new Set(existing.map((e) => e.membership_number));
        const clashes = rows
          .filter((r) => taken.has(r.membershipNumber))
          .map((r) => ({
            line: r.line,
            message: `membership number ${r.membershipNumber} is already on the roll`,
          }));
        if (clashes.length)
          throw new ApiError(
            422,
            'ROLL_INVALID',
            `${clashes.length} line(s) clash with the roll; nothing was imported`,
            { problems: clashes },
          );
        let position = await nextPosition(trx, electionId);
        const first = position;
        for (let i = 0; i < rows.length; i += 1000) {
          await trx
            .insertInto('roll_entries')
            .values(
              rows.slice(i, i + 1000).map((r) => ({
                id: newId('re'),
                election_id: electionId,
                position: position++,
                membership_number: r.membershipNumber,
                name: r.name,
                email: r.email,
                weight: r.weight,
                attributes: json(r.attributes),
                salt: randomBytes(32),
              })),
            )
            .execute();
        }
        const weight = rows.reduce((s, r) => s + r.weight, 0);
        const idx = await recordAudit(trx, electionId, 'roll.imported', {
          entries: rows.length,
          weight,
          positions: [first, position - 1],
          by: officer.userId,
        });
        return { imported: rows.length, weight, logIndex: idx };
      });
      res.status(201).json(result);
    },
  );

  // A draft election's roll from the winners of an earlier counted election (delegate bodies): roll.derived.
  router.post('/api/officer/elections/:election/roll/derive', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = rollDeriveInput.parse(req.body);
    const result = await db.transaction().execute((trx) => deriveRoll(trx, officer, electionId, body));
    res.status(201).json({ ...result, logEntry: { index: result.logIndex, type: 'roll.derived' } });
  });

  router.post('/api/officer/elections/:election/roll/entries', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = rollAddInput.parse(req.body);
    const result = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ROLL_OPEN, 'changing the roll');
      if (election.state === 'voting') {
        // Issuer keys exist per weight from the opening on; a new weight would leave this member without one.
        const { manifest } = await loadManifest(trx, electionId);
        if (!manifest.issuerKeys.keys.some((k) => k.weight === body.weight)) {
          throw new ApiError(
            409,
            'NO_ISSUER_FOR_WEIGHT',
            `voting opened with no member of weight ${body.weight}; such a member cannot be added now`,
          );
        }
      }
      const clash = await trx
        .selectFrom('roll_entries')
        .select('id')
        .where('election_id', '=', electionId)
        .where('membership_number', '=', body.membershipNumber)
        .executeTakeFirst();
      if (clash)
        throw new ApiError(
          409,
          'ALREADY_ON_ROLL',
          `membership number ${body.membershipNumber} is already on the roll`,
        );
      const position = await nextPosition(trx, electionId);
      await trx
        .insertInto('roll_entries')
        .values({
          id: newId('re'),
          election_id: electionId,
          position,
          membership_number: body.membershipNumber,
          name: body.name,
          email: body.email.toLowerCase(),
          weight: body.weight,
          attributes: json(body.attributes),
          salt: randomBytes(32),
        })
        .execute();
      const idx = await recordAudit(trx, electionId, 'roll.added', {
        position,
        weight: body.weight,
        reason: body.reason,
        by: officer.userId,
        ...(await commitmentIfVoting(trx, electionId, election.state)),
      });
      return { position, logIndex: idx };
    });
    res.status(201).json(result);
  });

  router.post('/api/officer/elections/:election/roll/entries/:membership/remove', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId, membership } = memberParams.parse(req.params);
    const body = rollRemoveInput.parse(req.body);
    const idx = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ROLL_OPEN, 'changing the roll');
      const entry = await trx
        .selectFrom('roll_entries')
        .selectAll()
        .where('election_id', '=', electionId)
        .where('membership_number', '=', membership)
        .forUpdate()
        .executeTakeFirst();
      if (!entry) throw notFound(`membership number ${membership} on this roll`);
      if (entry.status === 'removed')
        throw new ApiError(409, 'ALREADY_REMOVED', 'this entry was already removed');
      await trx
        .updateTable('roll_entries')
        .set({ status: 'removed', status_reason: body.reason })
        .where('id', '=', entry.id)
        .execute();
      // The member is told, with the reason: nobody should find out only when no ballot arrives.
      await outbox(
        trx,
        entry.email,
        `You have been removed from the roll: ${election.title}`,
        `Dear ${entry.name},\n\nYou have been removed from the roll of "${election.title}".\nReason: ${body.reason}${body.note ? ` (${body.note})` : ''}.\n\nIf you think this is wrong, contact the returning officer before the close of voting. The change is recorded in the election's public audit log.`,
      );
      return recordAudit(trx, electionId, 'roll.removed', {
        position: entry.position,
        reason: body.reason,
        by: officer.userId,
        ...(await commitmentIfVoting(trx, electionId, election.state)),
      });
    });
    res.json({ status: 'removed', logIndex: idx });
  });

  router.get('/api/officer/elections/:election/roll', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    await electionForOfficer(db, officer, electionId);
    const entries = await db
      .selectFrom('roll_entries')
      .select([
        'position',
        'membership_number',
        'name',
        'email',
        'weight',
        'attributes',
        'status',
        'status_reason',
      ])
      .where('election_id', '=', electionId)
      .orderBy('position')
      .execute();
    res.json({
      entries: entries.map((e) => ({
        position: e.position,
        membershipNumber: e.membership_number,
        name: e.name,
        email: e.email,
        weight: e.weight,
        attributes: e.attributes,
        status: e.status,
        reason: e.status_reason,
      })),
    });
  });

  // Invitations: a one-time code per active member without a usable one, sent through the outbox.
  router.post('/api/officer/elections/:election/invitations', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = invitationsInput.parse(req.body ?? {});
    const links: Array<{ name: string; link: string; code: string }> = [];
    const { created, index } = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, ['nominations', 'shortlist', 'voting'], 'sending invitations');
      let q = trx
        .selectFrom('roll_entries as r')
        .select(['r.id', 'r.name', 'r.email'])
        .where('r.election_id', '=', electionId)
        .where('r.status', '=', 'active')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('invitations as i')
                .select('i.id')
                .whereRef('i.roll_entry_id', '=', 'r.id')
                .where('i.used_at', 'is', null)
                .where('i.expires_at', '>', new Date()),
            ),
          ),
        );
      if (body.membershipNumber) q = q.where('r.membership_number', '=', body.membershipNumber);
      const entries = await q.orderBy('r.position').execute();
      const expires = new Date(Date.now() + body.hours * 3_600_000);
      for (const e of entries) {
        const code = newCode();
        await trx
          .insertInto('invitations')
          .values({
            id: newId('iv'),
            election_id: electionId,
            roll_entry_id: e.id,
            code_hash: codeHash(code),
            expires_at: expires,
          })
          .execute();
        const link = `${ctx.publicUrl}/vote/${electionId}#code=${code}`;
        await outbox(
          trx,
          e.email,
          `Your ballot: ${election.title}`,
          `Dear ${e.name},\n\nSign in to vote in "${election.title}" with this link:\n${link}\n\nor enter the code ${formatCode(code)} at ${ctx.publicUrl}/vote/${electionId}.\nThe code works once and expires on ${expires.toUTCString()}.`,
        );
        links.push({ name: e.name, link, code });
      }
      // Nothing sent, nothing logged.
      const logged = entries.length
        ? await recordAudit(trx, electionId, 'invitations.sent', {
            count: entries.length,
            by: officer.userId,
          })
        : null;
      return { created: entries.length, index: logged };
    });
    if (ctx.printInvitations) {
      // Embedded demo only: no mail server, so the links go to the console (never to the structured logs).
      for (const l of links) console.log(`[demo] invitation for ${l.name}: ${l.link}`);
    }
    res.status(201).json({
      created,
      logEntry: index === null ? null : { index, type: 'invitations.sent' },
    });
  });

  // "Am I on the roll?": the member's own entry, its history, and the proof of inclusion in the commitment.
  router.get('/api/elections/:election/me', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const member = memberOf(req, electionId);
    const election = await electionById(db, electionId);
    const entry = await db
      .selectFrom('roll_entries')
      .selectAll()
      .where('id', '=', member.rollEntryId)
      .executeTakeFirstOrThrow();
    const credential = await db
      .selectFrom('credentials_issued')
      .select('created_at')
      .where('election_id', '=', electionId)
      .where('roll_entry_id', '=', entry.id)
      .executeTakeFirst();
    const { events, roll } = await rollViews.read(electionId);
    const { leaves, commitment, indexOf } = roll;
    const index = indexOf.get(entry.position) ?? -1;
    const mine = events
      .filter((e) => concerns(e, entry.position))
      .map((e) => ({ logIndex: e.logIndex, type: e.type, reason: e.reason }));
    res.json({
      election: { id: electionId, title: election.title, state: election.state },
      entry: {
        name: entry.name,
        membershipNumber: entry.membership_number,
        weight: entry.weight,
        status: entry.status,
        reason: entry.status_reason,
      },
      credentialIssued: credential !== undefined,
      history: mine,
      commitment: {
        size: commitment.size,
        root: commitment.root,
        leafIndex: index,
        leaf: leaves[index],
        proof: commitment.tree.inclusionProof(index).map(toBase64),
      },
    });
  });
  return router;
}
