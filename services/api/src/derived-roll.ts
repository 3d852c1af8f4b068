// A draft election's roll built from the winners of an earlier counted election of the same organisation
// (delegate bodies, issue #9), with the `roll.derived` log entry (docs/log-entries.md "Derived rolls") in the
// same transaction, so that the verifier can check the new roll against the source bundle's results.
import type { rollDeriveInput } from '@openslate/client';
import { json, type Schema } from '@openslate/db';
import { leafHash, parseEntry, toBase64 } from '@openslate/log';
import { derivedRollEntries, type DerivedWinner, type RollDerivedBody } from '@openslate/verify';
import type { Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { recordAudit } from './audit.js';
import type { Principal } from './auth/session.js';
import { assertState } from './election-state.js';
import { contestOf, electionForOfficer } from './elections.js';
import { ApiError } from './errors.js';
import { newId } from './ids.js';

type Officer = Extract<Principal, { kind: 'officer' }>;

/** The source's `result` entry of each contest: its index, RFC 9162 leaf hash and elected candidate ids. */
async function resultEntries(trx: Transaction<Schema>, source: string) {
  const rows = await trx
    .selectFrom('log_entries')
    .select(['idx', 'entry'])
    .where('election_id', '=', source)
    .orderBy('idx')
    .execute();
  const byContest = new Map<string, { index: number; hash: string; elected: string[] }>();
  for (const r of rows) {
    const e = parseEntry(r.entry);
    const { contest, elected } = e.body as { contest?: string; elected?: string[] };
    if (e.type !== 'result' || contest === undefined) continue;
    byContest.set(contest, {
      index: r.idx,
      hash: toBase64(leafHash(r.entry)),
      elected: elected ?? [],
    });
  }
  return byContest;
}

/** The source's sealed checkpoint (the close): the count was seeded with its root. */
async function sealedCheckpoint(trx: Transaction<Schema>, source: string, sealedSize: number) {
  const row = await trx
    .selectFrom('checkpoints')
    .select(['size', 'root'])
    .where('election_id', '=', source)
    .where('size', '=', sealedSize)
    .where('sealed', '=', true)
    .executeTakeFirst();
  if (!row) throw new ApiError(409, 'SOURCE_NOT_SEALED', 'the source election has no sealed checkpoint');
  return { size: row.size, root: row.root };
}

/** The winners of the chosen contests with their membership numbers; refuses winners without one, by name. */
async function winnersOf(
  trx: Transaction<Schema>,
  source: string,
  contests: readonly string[],
  results: Awaited<ReturnType<typeof resultEntries>>,
): Promise<DerivedWinner[]> {
  const winners: DerivedWinner[] = [];
  const unlinked: string[] = [];
  for (const contest of contests) {
    const c = await contestOf(trx, source, contest);
    const result = results.get(contest);
    if (!result) throw new ApiError(409, 'SOURCE_NOT_COUNTED', `contest "${c.title}" has no result`);
    for (const candidate of result.elected) {
      const k = await trx
        .selectFrom('candidates')
        .select(['name', 'membership'])
        .where('id', '=', candidate)
        .where('contest_id', '=', contest)
        .executeTakeFirstOrThrow();
      if (k.membership === null) unlinked.push(`${k.name} (${c.title})`);
      else winners.push({ contest, candidate, membership: k.membership });
    }
  }
  if (unlinked.length)
    throw new ApiError(
      422,
      'WINNER_WITHOUT_MEMBERSHIP',
      `winner(s) without a membership number cannot join the roll: ${unlinked.join(', ')}`,
      { winners: unlinked },
    );
  return winners;
}

export async function deriveRoll(
  trx: Transaction<Schema>,
  officer: Officer,
  electionId: string,
  input: z.infer<typeof rollDeriveInput>,
) {
  const election = await electionForOfficer(trx, officer, electionId, { forUpdate: true });
  assertState(election.state, ['draft'], 'deriving the roll');
  if (input.source === electionId)
    throw new ApiError(422, 'SOURCE_INVALID', 'an election cannot derive its roll from itself');
  const existing = await trx
    .selectFrom('roll_entries')
    .select('id')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (existing)
    throw new ApiError(409, 'ROLL_NOT_EMPTY', 'a derived roll replaces nothing: the roll must be empty');
  // Another organisation's election is not found, as everywhere else.
  const source = await electionForOfficer(trx, officer, input.source);
  if (source.state !== 'counted' && source.state !== 'published')
    throw new ApiError(
      409,
      'SOURCE_NOT_COUNTED',
      `the source election is ${source.state}; its roll can be used once it is counted or published`,
    );
  const sealed = await sealedCheckpoint(trx, source.id, source.settings['sealedSize'] as number);
  const results = await resultEntries(trx, source.id);
  const contests = input.contests.map((c) => c.contest);
  const winners = await winnersOf(trx, source.id, contests, results);
  const entries = derivedRollEntries(winners, new Map(input.contests.map((c) => [c.contest, c.weight])));
  const members = await trx
    .selectFrom('roll_entries')
    .select(['membership_number', 'name', 'email'])
    .where('election_id', '=', source.id)
    .where(
      'membership_number',
      'in',
      entries.map((e) => e.membershipNumber),
    )
    .execute();
  const onRoll = new Map(members.map((m) => [m.membership_number, m]));
  const missing = entries.filter((e) => !onRoll.has(e.membershipNumber)).map((e) => e.membershipNumber);
  if (missing.length)
    throw new ApiError(
      422,
      'WINNER_NOT_ON_SOURCE_ROLL',
      `membership number(s) not on the source election's roll: ${missing.join(', ')}`,
      { membershipNumbers: missing },
    );
  const placed = entries.map((e, i) => ({ ...e, position: i + 1, salt: toBase64(randomBytes(32)) }));
  if (placed.length)
    await trx
      .insertInto('roll_entries')
      .values(
        placed.map((e) => {
          const member = onRoll.get(e.membershipNumber)!;
          return {
            id: newId('re'),
            election_id: electionId,
            position: e.position,
            membership_number: e.membershipNumber,
            name: member.name,
            email: member.email,
            weight: e.weight,
            attributes: json({}),
            salt: Buffer.from(e.salt, 'base64'),
          };
        }),
      )
      .execute();
  const body: RollDerivedBody = {
    source: {
      election: source.id,
      sealed,
      results: contests.map((contest) => ({
        contest,
        index: results.get(contest)!.index,
        hash: results.get(contest)!.hash,
      })),
    },
    contests: input.contests,
    entries: placed,
  };
  const logIndex = await recordAudit(trx, electionId, 'roll.derived', { ...body, by: officer.userId });
  return {
    entries: placed.length,
    weight: placed.reduce((s, e) => s + e.weight, 0),
    logIndex,
  };
}
