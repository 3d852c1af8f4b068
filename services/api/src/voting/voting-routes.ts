import { credentialInput, identityInput, receiptParams } from '@openslate/client';
import { createHash } from 'node:crypto';
import {
  resolveRevotes,
  verifyIssuanceRequest,
  type IssuerKeyRecord,
  type SignedBallot,
} from '@openslate/ballot';
import {
  createNodeBackend,
  importIssuerSecretKey,
  issueBlindSignature,
  type IssuerSecretKey,
} from '@openslate/ballot/node';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { memberOf } from '../auth/guards.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { assertState } from '../election-state.js';
import { electionById, isUniqueViolation } from '../elections.js';
import { ApiError } from '../errors.js';
import { electionParams } from '@openslate/client';
import { loadManifest } from './manifest.js';

const backend = createNodeBackend();

const issuerCache = new Map<string, IssuerSecretKey>();

/** Voting: members register an identity key and obtain a blind-signed credential; anyone holding one casts. */
export function votingRoutes(ctx: AppContext, opts: { issuancePerMinute: number }): Router {
  const router = Router();
  const { db } = ctx.database;

  router.get('/api/elections/:election/manifest', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    await electionById(db, electionId);
    res.json((await loadManifest(db, electionId)).manifest);
  });

  // The identity key signs the member's credential request, so nobody can be issued a credential in their name.
  router.post('/api/elections/:election/identity', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const member = memberOf(req, electionId);
    const { identityKey } = identityInput.parse(req.body);
    const idx = await db.transaction().execute(async (trx) => {
      const election = await electionById(trx, electionId, { forUpdate: true });
      assertState(election.state, ['nominations', 'shortlist', 'voting'], 'registering a key');
      const issued = await trx
        .selectFrom('credentials_issued')
        .select('roll_entry_id')
        .where('election_id', '=', electionId)
        .where('roll_entry_id', '=', member.rollEntryId)
        .executeTakeFirst();
      if (issued)
        throw new ApiError(
          409,
          'ALREADY_ISSUED',
          'your credential has been issued; the key that asked for it cannot change',
        );
      const entry = await trx
        .updateTable('roll_entries')
        .set({ identity_key: identityKey })
        .where('id', '=', member.rollEntryId)
        .returning('position')
        .executeTakeFirstOrThrow();
      return recordAudit(trx, electionId, 'member.identity', { position: entry.position, identityKey });
    });
    res.status(201).json({ logIndex: idx });
  });

  const issuanceLimit = rateLimit({
    windowMs: 60_000,
    limit: opts.issuancePerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) =>
      res.status(429).json({ error: { code: 'RATE_LIMITED', message: 'too many requests; wait a minute' } }),
  });

  router.post('/api/elections/:election/credential', issuanceLimit, async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const member = memberOf(req, electionId);
    const body = credentialInput.parse(req.body);
    const { manifest } = await loadManifest(db, electionId);
    try {
      const blindSignature = await db.transaction().execute(async (trx) => {
        const election = await electionById(trx, electionId);
        assertState(election.state, ['voting'], 'issuing a credential');
        const entry = await trx
          .selectFrom('roll_entries')
          .selectAll()
          .where('id', '=', member.rollEntryId)
          .executeTakeFirstOrThrow();
        if (entry.status !== 'active')
          throw new ApiError(403, 'NOT_ON_ROLL', 'you are no longer on the roll of this election');
        if (!entry.identity_key)
          throw new ApiError(409, 'NO_IDENTITY_KEY', 'register your identity key first');
        const checked = verifyIssuanceRequest(body.request, {
          backend,
          electionId,
          expectedIdentityKey: (id) => (id === String(entry.position) ? entry.identity_key! : undefined),
          blindedMessage: body.blindedMessage,
        });
        if (!checked.ok) throw new ApiError(400, checked.error.code, checked.error.message);
        const issuerRecord = manifest.issuerKeys.keys.find((k) => k.keyId === checked.value.issuerKeyId);
        if (!issuerRecord || issuerRecord.weight !== entry.weight) {
          throw new ApiError(
            400,
            'WRONG_ISSUER_KEY',
            `your credential comes from the issuer key for weight ${entry.weight}`,
          );
        }
        // The primary key (election, roll entry) lets exactly one of any concurrent requests through.
        await trx
          .insertInto('credentials_issued')
          .values({ election_id: electionId, roll_entry_id: entry.id, weight: entry.weight })
          .execute();
        await recordAudit(trx, electionId, 'credential.issued', { request: checked.value });
        const issuer = await issuerFor(trx, issuerRecord);
        const signed = issueBlindSignature(issuer, body.blindedMessage);
        if (!signed.ok) throw new ApiError(400, signed.error.code, signed.error.message);
        return signed.value;
      });
      ctx.metrics.credentialsIssued.inc();
      res.status(201).json({ blindSignature });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ApiError(
          409,
          'ALREADY_ISSUED',
          'a credential has already been issued to you for this election',
        );
      throw err;
    }
  });

  async function issuerFor(
    trx: Parameters<typeof electionById>[0],
    record: IssuerKeyRecord,
  ): Promise<IssuerSecretKey> {
    const key = `${record.electionId}/${record.keyId}`;
    const hit = issuerCache.get(key);
    if (hit) return hit;
    const row = await trx
      .selectFrom('election_keys')
      .select('private_key')
      .where('election_id', '=', record.electionId)
      .where('purpose', '=', `issuer:${record.keyId}`)
      .executeTakeFirstOrThrow();
    const issuer = importIssuerSecretKey(record.electionId, record.weight, record.contests, row.private_key);
    if (!issuer.ok) throw new Error('stored issuer key does not import');
    issuerCache.set(key, issuer.value);
    return issuer.value;
  }

  // A receipt lookup: is this ballot in the log, and (after the count) was it the one counted for its credential?
  router.get('/api/elections/:election/ballots/:hash', async (req, res) => {
    const { election: electionId, hash } = receiptParams.parse(req.params);
    const row = await db
      .selectFrom('ballots')
      .select(['log_idx', 'ballot_key', 'counter'])
      .where('election_id', '=', electionId)
      .where('hash', '=', hash)
      .executeTakeFirst();
    if (!row) throw new ApiError(404, 'NOT_FOUND', 'no ballot with this receipt in this election');
    const election = await electionById(db, electionId);
    const sealedSize = election.settings['sealedSize'] as number | undefined;
    let counted: boolean | null = null;
    if (sealedSize !== undefined) {
      const same = await db
        .selectFrom('ballots')
        .select(['log_idx', 'ballot_key', 'counter'])
        .where('election_id', '=', electionId)
        .where('ballot_key', '=', row.ballot_key)
        .where('log_idx', '<', sealedSize)
        .execute();
      const { counted: winners } = resolveRevotes(
        same.map((b) => ({ logIndex: b.log_idx, ballotKey: b.ballot_key, counter: b.counter })),
      );
      counted = winners.some((w) => w.logIndex === row.log_idx);
    }
    res.json({
      logIndex: row.log_idx,
      counted,
      proof: `/log/${electionId}/proof/inclusion?index=${row.log_idx}`,
    });
  });
  return router;
}

/** SHA-256 (hex) of canonical JSON text, for report digests in the log. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
export type { SignedBallot };
