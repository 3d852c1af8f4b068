import { ceremonyStepBody, trusteesInput } from '@openslate/client';
import {
  checkAnnouncement,
  checkElectionKey,
  checkShareReveal,
  electionKeyRecord,
  hashDealing,
} from '@openslate/ballot';
import { json } from '@openslate/db';
import { Router } from 'express';
import { codeHash, formatCode, newCode } from '../auth/codes.js';
import { officerOf, trusteeOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { electionById, electionForOfficer } from '../elections.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import { electionParams } from '@openslate/client';
import { loadCeremony } from './ceremony-state.js';

const SETUP_STATES = ['draft', 'nominations', 'shortlist'] as const;

const refused = (code: string, message: string) => new ApiError(409, code, message);

/** The key ceremony: officers name the trustees; each trustee announces, commits, deals, confirms, and reveals. */
export function ceremonyRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;

  router.post('/api/officer/elections/:election/trustees', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const body = trusteesInput.parse(req.body);
    const { codes, index } = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, SETUP_STATES, 'naming trustees');
      const existing = await trx
        .selectFrom('trustees')
        .select('id')
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      if (existing)
        throw refused(
          'CEREMONY_CONFIGURED',
          'the trustees are already named; reset the ceremony to change them',
        );
      const out: Array<{ index: number; name: string; code: string }> = [];
      for (const [i, t] of body.trustees.entries()) {
        const code = newCode();
        await trx
          .insertInto('trustees')
          .values({
            id: newId('tr'),
            election_id: electionId,
            position: i + 1,
            name: t.name,
            token_hash: codeHash(code),
          })
          .execute();
        out.push({ index: i + 1, name: t.name, code: formatCode(code) });
      }
      await trx
        .updateTable('elections')
        .set({ settings: json({ ...election.settings, threshold: body.threshold }) })
        .where('id', '=', electionId)
        .execute();
      const logged = await recordAudit(trx, electionId, 'ceremony.configured', {
        threshold: body.threshold,
        trustees: out.map(({ index, name }) => ({ index, name })),
        by: officer.userId,
      });
      return { codes: out, index: logged };
    });
    // Each code is shown once, to be handed to its trustee; only its hash is stored.
    res.status(201).json({
      threshold: body.threshold,
      trustees: codes,
      logEntry: { index, type: 'ceremony.configured' },
    });
  });

  router.post('/api/officer/elections/:election/trustees/reset', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const index = await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      assertState(election.state, SETUP_STATES, 'resetting the ceremony');
      await trx.deleteFrom('trustees').where('election_id', '=', electionId).execute();
      return recordAudit(trx, electionId, 'ceremony.reset', { by: officer.userId });
    });
    res.json({ reset: true, logEntry: { index, type: 'ceremony.reset' } });
  });

  router.get('/api/elections/:election/ceremony', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    await electionById(db, electionId);
    const c = await loadCeremony(db, electionId);
    const allHashes = c.trustees.every((t) => t.dealingHash);
    res.json({
      threshold: c.threshold,
      trustees: c.trustees.map((t) => ({
        index: t.index,
        name: t.name,
        announcement: t.announcement,
        dealingHash: t.dealingHash,
        // Dealings are shown only once every hash is in: nobody can adapt theirs to another's.
        dealing: allHashes ? t.dealing : null,
        confirmed: t.confirmed,
        reveal: t.reveal,
      })),
      parameters: c.parameters,
      electionKey: c.electionKey,
      complete: c.complete,
    });
  });

  /** One step of a trustee: checks, stores the column, logs the entry — all in one transaction. */
  const step = (
    path: string,
    handle: (args: {
      ceremony: Awaited<ReturnType<typeof loadCeremony>>;
      me: number;
      body: Record<string, unknown>;
      electionState: string;
      electionId: string;
    }) => {
      column: 'announcement' | 'dealing_hash' | 'dealing' | 'confirmed' | 'reveal';
      value: unknown;
      entry: string;
      logBody: Record<string, unknown>;
    },
  ) =>
    router.post(`/api/elections/:election/ceremony/${path}`, async (req, res) => {
      const { election: electionId } = electionParams.parse(req.params);
      const trustee = trusteeOf(req, electionId);
      const body = ceremonyStepBody.parse(req.body);
      const idx = await db.transaction().execute(async (trx) => {
        const election = await electionById(trx, electionId, { forUpdate: true });
        const me = await trx
          .selectFrom('trustees')
          .select('position')
          .where('id', '=', trustee.trusteeId)
          .executeTakeFirstOrThrow();
        const ceremony = await loadCeremony(trx, electionId);
        const out = handle({ ceremony, me: me.position, body, electionState: election.state, electionId });
        const value = out.column === 'confirmed' ? true : json(out.value);
        await trx
          .updateTable('trustees')
          .set({ [out.column]: value })
          .where('id', '=', trustee.trusteeId)
          .execute();
        return recordAudit(trx, electionId, out.entry, out.logBody);
      });
      res.status(201).json({ logIndex: idx });
    });

  step('announcement', ({ ceremony, me, body, electionState, electionId }) => {
    assertState(electionState as never, SETUP_STATES, 'announcing');
    const mine = ceremony.trustees.find((t) => t.index === me)!;
    if (mine.announcement) throw refused('ALREADY_DONE', 'you have already announced your key');
    const a = body['announcement'] as Record<string, unknown> | undefined;
    if (!a || a['index'] !== me || a['name'] !== mine.name)
      throw new ApiError(400, 'BAD_ANNOUNCEMENT', `announce as trustee ${me} named ${mine.name}`);
    const checked = checkAnnouncement(electionId, me, a);
    if (!checked.ok) throw new ApiError(400, checked.error.code, checked.error.message, { trustee: me });
    return { column: 'announcement', value: a, entry: 'trustee.announced', logBody: { announcement: a } };
  });

  step('dealing-hash', ({ ceremony, me, body }) => {
    if (!ceremony.parameters) throw refused('CEREMONY_NOT_READY', 'not every trustee has announced yet');
    const mine = ceremony.trustees.find((t) => t.index === me)!;
    if (mine.dealingHash) throw refused('ALREADY_DONE', 'you have already committed to your dealing');
    const h = body['hash'] as Record<string, unknown> | undefined;
    if (
      !h ||
      h['type'] !== 'openslate/trustee-dealing-hash/v1' ||
      h['dealer'] !== me ||
      h['electionId'] !== ceremony.parameters.electionId ||
      typeof h['hash'] !== 'string'
    ) {
      throw new ApiError(400, 'BAD_DEALING_HASH', `a dealing hash by trustee ${me} for this election`);
    }
    return { column: 'dealing_hash', value: h, entry: 'trustee.dealing-hash', logBody: { hash: h } };
  });

  step('dealing', ({ ceremony, me, body }) => {
    if (!ceremony.parameters || !ceremony.trustees.every((t) => t.dealingHash))
      throw refused('CEREMONY_NOT_READY', 'not every trustee has committed yet');
    const mine = ceremony.trustees.find((t) => t.index === me)!;
    if (mine.dealing) throw refused('ALREADY_DONE', 'you have already published your dealing');
    const d = body['dealing'] as Record<string, unknown> | undefined;
    if (!d || d['dealer'] !== me || hashDealing(d as never).hash !== mine.dealingHash!.hash) {
      throw new ApiError(
        400,
        'BAD_TRUSTEE_COMMITMENT',
        'this dealing does not match the hash you committed to',
      );
    }
    // When this is the last dealing, the whole ceremony must check out, naming any bad trustee.
    const others = ceremony.trustees.filter((t) => t.index !== me);
    if (others.every((t) => t.dealing)) {
      const all = ceremony.trustees.map((t) => (t.index === me ? (d as never) : t.dealing!));
      const record = electionKeyRecord(
        ceremony.parameters,
        all,
        ceremony.trustees.map((t) => t.dealingHash!),
      );
      if (!record.ok)
        throw new ApiError(409, record.error.code, record.error.message, { trustee: record.error.trustee });
    }
    return { column: 'dealing', value: d, entry: 'trustee.dealing', logBody: { dealing: d } };
  });

  step('confirm', ({ ceremony, me, electionState }) => {
    assertState(electionState as never, SETUP_STATES, 'confirming a share');
    if (!ceremony.electionKey) throw refused('CEREMONY_NOT_READY', 'the election key does not exist yet');
    return {
      column: 'confirmed',
      value: true,
      entry: 'trustee.confirmed',
      logBody: { trustee: me, electionKey: ceremony.electionKey.publicKey },
    };
  });

  step('reveal', ({ ceremony, me, body, electionState }) => {
    assertState(electionState as never, ['closed'], 'revealing a key share');
    const mine = ceremony.trustees.find((t) => t.index === me)!;
    if (mine.reveal) throw refused('ALREADY_DONE', 'you have already revealed your share');
    const key = checkElectionKey(ceremony.electionKey!);
    if (!key.ok) throw new ApiError(409, key.error.code, key.error.message);
    const reveal = body['reveal'];
    const checked = checkShareReveal(key.value, reveal);
    if (!checked.ok)
      throw new ApiError(400, checked.error.code, checked.error.message, { trustee: checked.error.trustee });
    if (checked.value.trustee !== me)
      throw new ApiError(400, 'BAD_TRUSTEE_SHARE', `reveal your own share (trustee ${me})`);
    return { column: 'reveal', value: reveal, entry: 'trustee.revealed', logBody: { reveal } };
  });

  return router;
}
