import type { Election, Schema } from '@openslate/db';
import type { Kysely, Transaction } from 'kysely';
import type { Principal } from './auth/session.js';
import { ApiError, notFound } from './errors.js';

type Db = Kysely<Schema> | Transaction<Schema>;

/** The election, if the officer's organisation runs it; 404 otherwise (no hint that it exists elsewhere). */
export async function electionForOfficer(
  db: Db,
  officer: Extract<Principal, { kind: 'officer' }>,
  electionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Election> {
  let q = db
    .selectFrom('elections')
    .selectAll()
    .where('id', '=', electionId)
    .where('organisation_id', '=', officer.organisationId);
  if (opts.forUpdate) q = q.forUpdate();
  const election = await q.executeTakeFirst();
  if (!election) throw notFound(`election '${electionId}'`);
  return election;
}

export async function electionById(
  db: Db,
  electionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Election> {
  let q = db.selectFrom('elections').selectAll().where('id', '=', electionId);
  if (opts.forUpdate) q = q.forUpdate();
  const election = await q.executeTakeFirst();
  if (!election) throw notFound(`election '${electionId}'`);
  return election;
}

export async function contestOf(db: Db, electionId: string, contestId: string) {
  const contest = await db
    .selectFrom('contests')
    .selectAll()
    .where('id', '=', contestId)
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (!contest) throw notFound(`contest '${contestId}'`);
  return contest;
}

export async function candidateOf(db: Db, electionId: string, candidateId: string) {
  const candidate = await db
    .selectFrom('candidates')
    .innerJoin('contests', 'contests.id', 'candidates.contest_id')
    .selectAll('candidates')
    .where('candidates.id', '=', candidateId)
    .where('contests.election_id', '=', electionId)
    .executeTakeFirst();
  if (!candidate) throw notFound(`candidate '${candidateId}'`);
  return candidate;
}

/** A unique-constraint violation (PostgreSQL 23505) turned into a 409 with the caller's words. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError(409, code, message);
}
