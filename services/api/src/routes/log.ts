import { consistencyQuery, cosignatureInput, inclusionQuery, witnessInput } from '@openslate/client';
import {
  consistencyProof,
  cosignatureVerifier,
  inclusionProof,
  LogError,
  parseCheckpoint,
  openNote,
  parseNote,
  formatSignatureLine,
  tileHashLookup,
  type HashLookup,
  toBase64,
} from '@openslate/log';
import { logOrigin, publishedSize } from '@openslate/publisher';
import express, { Router } from 'express';
import { officerOf } from '../auth/guards.js';
import type { AppContext } from '../context.js';
import { electionById, electionForOfficer } from '../elections.js';
import { ApiError } from '../errors.js';
import { electionParams } from '@openslate/client';

/** Published log: C2SP tlog-tiles as static files, plus proofs (receipts), witnesses' cosignatures. */
export function logRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const dir = ctx.publication;

  const lookups = new Map<string, { size: number; lookup: HashLookup }>();
  const lookupAt = (electionId: string, requested?: number) => {
    const size = publishedSize(dir, ctx.identity, electionId);
    const at = requested ?? size;
    if (at > size)
      throw new ApiError(400, 'BEYOND_CHECKPOINT', `the log is published up to ${size} entries, not ${at}`);
    // One lookup per published size, kept across requests: its tile cache makes repeated receipts cheap.
    let cached = lookups.get(electionId);
    if (cached?.size !== size) {
      cached = { size, lookup: tileHashLookup(size, (p) => dir.read(electionId, p), 256) };
      lookups.set(electionId, cached);
    }
    return { size: at, lookup: cached.lookup };
  };

  router.get('/log/:election/proof/inclusion', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const q = inclusionQuery.parse(req.query);
    const { size, lookup } = lookupAt(electionId, q.size);
    if (q.index >= size)
      throw new ApiError(400, 'INDEX_BEYOND_SIZE', `entry ${q.index} is not in a tree of ${size}`);
    const proof = inclusionProof(lookup, q.index, size).map(toBase64);
    const checkpoint = new TextDecoder().decode(dir.read(electionId, 'checkpoint'));
    res.json({ index: q.index, size, proof, checkpoint });
  });

  router.get('/log/:election/proof/consistency', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const q = consistencyQuery.parse(req.query);
    const { lookup } = lookupAt(electionId, q.to);
    res.json({ from: q.from, to: q.to, proof: consistencyProof(lookup, q.from, q.to).map(toBase64) });
  });

  router.get('/log/:election/checkpoint', (req, res) => {
    const electionId = publishedElection(req.params);
    const data = dir.read(electionId, 'checkpoint');
    if (!data)
      throw new ApiError(404, 'NOT_PUBLISHED', 'no checkpoint has been published for this election yet');
    res.type('text/plain; charset=utf-8').set('Cache-Control', 'no-cache').send(Buffer.from(data));
  });

  // Tiles and entry bundles: immutable once full, served as they are on disk.
  router.use('/log/:election/tile', (req, res, next) => {
    const electionId = publishedElection(req.params);
    express.static(`${dir.logDir(electionId)}/tile`, {
      immutable: true,
      maxAge: '365d',
      index: false,
      dotfiles: 'deny',
    })(req, res, next);
  });

  // Published bundles (docs/bundle-format.md): the folder of each election and its .tar.gz.
  router.use(
    '/bundles',
    express.static(`${dir.root}/bundles`, { index: false, dotfiles: 'deny', fallthrough: true }),
  );

  router.post('/api/officer/elections/:election/witnesses', async (req, res) => {
    const officer = officerOf(req);
    const { election: electionId } = electionParams.parse(req.params);
    const { verifierKey } = witnessInput.parse(req.body);
    try {
      cosignatureVerifier(verifierKey);
    } catch (err) {
      throw new ApiError(
        400,
        'BAD_WITNESS_KEY',
        err instanceof LogError ? err.message : 'not a witness verifier key',
      );
    }
    await db.transaction().execute(async (trx) => {
      const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
      const witnesses = new Set((election.settings['witnesses'] as string[] | undefined) ?? []);
      witnesses.add(verifierKey);
      await trx
        .updateTable('elections')
        .set({ settings: JSON.stringify({ ...election.settings, witnesses: [...witnesses] }) })
        .where('id', '=', electionId)
        .execute();
    });
    res.status(201).json({ witness: verifierKey.split('+')[0] });
  });

  // A witness's cosignature (C2SP tlog-cosignature) on a checkpoint we published; kept and published beside it.
  router.post('/log/:election/cosignatures', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const body = cosignatureInput.parse(req.body);
    const election = await electionById(db, electionId);
    const witnesses = (election.settings['witnesses'] as string[] | undefined) ?? [];
    let size: number;
    let witnessName: string;
    try {
      // The checkpoint as we signed it, or its bare text (what `openslate witness` sends): either way it must be
      // the text of a checkpoint this log published, and the witness's line must verify over that text.
      const text = body.checkpoint.includes('\n\n') ? parseNote(body.checkpoint).text : body.checkpoint;
      const parsed = parseCheckpoint(text);
      if (parsed.origin !== logOrigin(ctx.identity, electionId))
        throw new ApiError(400, 'LOG_WRONG_ORIGIN', 'a checkpoint of another log');
      size = parsed.size;
      const stored = await db
        .selectFrom('checkpoints')
        .select('note')
        .where('election_id', '=', electionId)
        .where('size', '=', size)
        .executeTakeFirst();
      if (!stored || parseNote(stored.note).text !== text) {
        throw new ApiError(409, 'UNKNOWN_CHECKPOINT', 'this checkpoint was not published by this log');
      }
      const opened = openNote(
        `${text}\n${body.cosignature.trim()}\n`,
        witnesses.map((w) => cosignatureVerifier(w)),
      );
      witnessName = opened.verified[0]!.name;
      const line = formatSignatureLine(opened.verified[0]!).trimEnd();
      await db
        .insertInto('cosignatures')
        .values({ election_id: electionId, size, witness: witnessName, signature_line: line })
        .onConflict((oc) =>
          oc.columns(['election_id', 'size', 'witness']).doUpdateSet({ signature_line: line }),
        )
        .execute();
      // Publish it on the checkpoint file while that is still the checkpoint it cosigns.
      const current = dir.read(electionId, 'checkpoint');
      if (current && parseNote(new TextDecoder().decode(current)).text === text) {
        const text = new TextDecoder().decode(current);
        if (!text.includes(line)) dir.write(electionId, 'checkpoint', `${text.trimEnd()}\n${line}\n`);
      }
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (err instanceof LogError) throw new ApiError(400, err.code, err.message);
      throw err;
    }
    res.status(201).json({ size, witness: witnessName });
  });
  return router;
}

/**
 * The election id of a request for published files, which name a folder on disk: only a plain path segment (the
 * ids `newId` makes) — a NUL byte made the file system throw (500), and `..` or `/` would leave the folder.
 */
function publishedElection(params: unknown): string {
  const { election } = electionParams.parse(params);
  if (!/^[A-Za-z0-9_-]+$/.test(election)) throw new ApiError(404, 'NOT_PUBLISHED', 'no such published log');
  return election;
}
