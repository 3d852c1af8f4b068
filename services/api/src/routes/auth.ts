import { codeLogin, officerLogin, totpConfirm } from '@openslate/client';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { sql } from 'kysely';
import { codeHash, sameDigest } from '../auth/codes.js';
import { verifyPassword } from '../auth/password.js';
import { newTotpSecret, verifyTotp } from '../auth/totp.js';
import { officerOf } from '../auth/guards.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';

const badCredentials = () => new ApiError(401, 'BAD_CREDENTIALS', 'the email, password or code is not right');

/** Sign-in: officers by password (and TOTP when enrolled); members and trustees by one-time code. */
export function authRoutes(ctx: AppContext, perMinute: number): Router {
  const router = Router();
  const { db } = ctx.database;
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) =>
      res
        .status(429)
        .json({ error: { code: 'RATE_LIMITED', message: 'too many sign-in attempts; wait a minute' } }),
  });
  router.use('/api/auth', limiter);

  router.post('/api/auth/officer', async (req, res) => {
    const body = officerLogin.parse(req.body);
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', body.email.toLowerCase())
      .executeTakeFirst();
    // Hash even for an unknown email, so timing does not reveal which emails exist.
    const ok = await verifyPassword(
      body.password,
      user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
    );
    if (!user || !ok) throw badCredentials();
    if (user.totp_secret) {
      if (!body.totp)
        throw new ApiError(401, 'TOTP_REQUIRED', 'enter the 6-digit code from your authenticator app');
      if (!verifyTotp(user.totp_secret, body.totp)) throw badCredentials();
    }
    const token = await ctx.sessions.issue({
      kind: 'officer',
      userId: user.id,
      organisationId: user.organisation_id,
      role: user.role,
    });
    res.json({ token, user: { id: user.id, name: user.name, email: user.email, role: user.role } });
  });

  // TOTP enrolment (RFC 6238): a pending secret becomes the officer's second factor once a code from it is given.
  router.post('/api/officer/totp', async (req, res) => {
    const officer = officerOf(req);
    const secret = newTotpSecret();
    const user = await db
      .updateTable('users')
      .set({ totp_pending: secret })
      .where('id', '=', officer.userId)
      .returning('email')
      .executeTakeFirstOrThrow();
    const label = encodeURIComponent(`Openslate:${user.email}`);
    res.status(201).json({
      secret,
      uri: `otpauth://totp/${label}?secret=${secret}&issuer=Openslate&algorithm=SHA1&digits=6&period=30`,
    });
  });

  router.post('/api/officer/totp/confirm', async (req, res) => {
    const officer = officerOf(req);
    const { totp } = totpConfirm.parse(req.body);
    const user = await db
      .selectFrom('users')
      .select('totp_pending')
      .where('id', '=', officer.userId)
      .executeTakeFirstOrThrow();
    if (!user.totp_pending) throw new ApiError(409, 'NO_TOTP_ENROLMENT', 'start the enrolment first');
    if (!verifyTotp(user.totp_pending, totp))
      throw new ApiError(400, 'BAD_TOTP', 'that code does not match the new secret');
    await db
      .updateTable('users')
      .set({ totp_secret: user.totp_pending, totp_pending: null })
      .where('id', '=', officer.userId)
      .execute();
    res.json({ enrolled: true });
  });

  router.post('/api/auth/member', async (req, res) => {
    const { code } = codeLogin.parse(req.body);
    const hash = codeHash(code);
    const session = await db.transaction().execute(async (trx) => {
      const invitation = await trx
        .selectFrom('invitations')
        .innerJoin('roll_entries', 'roll_entries.id', 'invitations.roll_entry_id')
        .select([
          'invitations.id',
          'invitations.code_hash',
          'invitations.election_id',
          'invitations.roll_entry_id',
          'invitations.expires_at',
          'invitations.used_at',
          'roll_entries.status',
        ])
        .where('invitations.code_hash', '=', hash)
        .forUpdate()
        .executeTakeFirst();
      if (!invitation || !sameDigest(invitation.code_hash, hash)) throw badCredentials();
      if (invitation.used_at)
        throw new ApiError(
          401,
          'CODE_USED',
          'this code has been used; ask the returning officer for a new one',
        );
      if (invitation.expires_at.getTime() < Date.now())
        throw new ApiError(401, 'CODE_EXPIRED', 'this code has expired');
      if (invitation.status !== 'active')
        throw new ApiError(403, 'NOT_ON_ROLL', 'you are no longer on the roll of this election');
      await trx
        .updateTable('invitations')
        .set({ used_at: sql`now()` })
        .where('id', '=', invitation.id)
        .execute();
      return { electionId: invitation.election_id, rollEntryId: invitation.roll_entry_id };
    });
    const token = await ctx.sessions.issue({ kind: 'member', ...session });
    res.json({ token, election: session.electionId });
  });

  router.post('/api/auth/trustee', async (req, res) => {
    const { code } = codeLogin.parse(req.body);
    const hash = codeHash(code);
    const trustee = await db
      .selectFrom('trustees')
      .select(['id', 'election_id', 'token_hash', 'name'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (!trustee || !sameDigest(trustee.token_hash, hash)) throw badCredentials();
    const token = await ctx.sessions.issue({
      kind: 'trustee',
      trusteeId: trustee.id,
      electionId: trustee.election_id,
    });
    res.json({ token, election: trustee.election_id, trustee: { id: trustee.id, name: trustee.name } });
  });
  return router;
}
