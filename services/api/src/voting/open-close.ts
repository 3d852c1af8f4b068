import { exportIssuerSecretKey, generateIssuerKey } from '@openslate/ballot/node';
import { issuerKeySet } from '@openslate/ballot';
import { json, type Contest, type Election, type Schema } from '@openslate/db';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit.js';
import { ApiError } from '../errors.js';
import { commitRoll } from '../roll-commitment.js';
import { rollLeaves } from '../roll-leaves.js';
import type { StateHooks } from '../state-hooks.js';
import type { AppContext } from '../context.js';
import { kindFields } from '../contest-kind.js';
import { loadCeremony } from './ceremony-state.js';
import type { ManifestContest, VotingManifest } from './manifest.js';

const refuse = (code: string, message: string, details?: unknown) =>
  new ApiError(409, code, message, details);

/** Why a contest cannot be put to the vote with `n` shortlisted candidates, or null. */
function tooFewCandidates(c: Contest, n: number): string | null {
  if (c.kind === 'stv')
    return n < c.seats ? `has ${n} shortlisted candidate(s) for ${c.seats} seat(s)` : null;
  if (c.kind === 'yes-no-abstain') return null;
  const least = Math.max(2, c.seats);
  return n < least ? `has ${n} shortlisted option(s); it needs at least ${least}` : null;
}

/** Opening: the ceremony is complete, the roll and the ballot are ready; issuer keys and the manifest are logged. */
async function openVoting(trx: Transaction<Schema>, election: Election): Promise<void> {
  const ceremony = await loadCeremony(trx, election.id);
  if (!ceremony.complete || !ceremony.electionKey) {
    throw refuse(
      'CEREMONY_INCOMPLETE',
      'voting cannot open until every trustee has dealt and confirmed a share of the election key',
    );
  }
  const leaves = await rollLeaves(trx, election.id);
  const active = leaves.filter((l) => l.status === 'active');
  if (active.length === 0) throw refuse('EMPTY_ROLL', 'the roll has nobody on it');

  const contestRows = await trx
    .selectFrom('contests')
    .selectAll()
    .where('election_id', '=', election.id)
    .orderBy('position')
    .execute();
  if (contestRows.length === 0) throw refuse('NO_CONTESTS', 'the election has no contest');
  const contests: ManifestContest[] = [];
  for (const c of contestRows) {
    const candidates = await trx
      .selectFrom('candidates')
      .select(['id', 'name', 'attributes'])
      .where('contest_id', '=', c.id)
      .where('status', '=', 'shortlisted')
      .orderBy('position')
      .execute();
    const tooFew = tooFewCandidates(c, candidates.length);
    if (tooFew !== null)
      throw refuse('TOO_FEW_CANDIDATES', `contest "${c.title}" ${tooFew}`, { contest: c.id });
    contests.push({
      id: c.id,
      title: c.title,
      ...kindFields(c),
      seats: c.seats,
      rules: c.rules,
      mode: c.mode,
      constraints: c.constraints as ManifestContest['constraints'],
      candidates,
    });
  }

  // One issuer key per weight on the roll: the weight is a property of the key (docs/protocol.md §1).
  const contestIds = contests.map((c) => c.id);
  const weights = [...new Set(active.map((l) => l.weight))].sort((a, b) => a - b);
  const issuers = weights.map((w) => {
    const generated = generateIssuerKey(election.id, w, contestIds);
    if (!generated.ok) throw new Error(`issuer key generation failed: ${generated.error.message}`);
    return generated.value;
  });
  for (const issuer of issuers) {
    await trx
      .insertInto('election_keys')
      .values({
        election_id: election.id,
        purpose: `issuer:${issuer.record.keyId}`,
        public_key: JSON.stringify(issuer.record),
        private_key: exportIssuerSecretKey(issuer),
      })
      .execute();
  }
  const commitment = commitRoll(leaves);
  const manifest: VotingManifest = {
    type: 'openslate/manifest/v1',
    electionId: election.id,
    title: election.title,
    contests,
    issuerKeys: issuerKeySet(
      election.id,
      issuers.map((i) => i.record),
    ),
    electionKey: ceremony.electionKey,
    roll: { size: commitment.size, root: commitment.root },
  };
  await trx
    .insertInto('election_keys')
    .values({
      election_id: election.id,
      purpose: 'manifest',
      public_key: JSON.stringify(manifest),
      private_key: '',
    })
    .execute();
  // Published before the first issuance, so the issuer cannot hand each member a different key.
  await recordAudit(trx, election.id, 'voting.manifest', { manifest });
}

/** Closing: no more casts; the close entry's index fixes the sealed tree size (close index + 1). */
async function closeVoting(trx: Transaction<Schema>, election: Election): Promise<Record<string, unknown>> {
  const head = await trx
    .selectFrom('log_heads')
    .select('size')
    .where('election_id', '=', election.id)
    .executeTakeFirstOrThrow();
  // The 'election.state' entry for the close is appended next, at index head.size.
  const sealedSize = head.size + 1;
  // The roll's weight at the close: the eligible weight of an of-eligible majority and of a fractional quorum.
  const roll = await trx
    .selectFrom('roll_entries')
    .select((eb) => eb.fn.sum<string>('weight').as('weight'))
    .where('election_id', '=', election.id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const eligible = Number(roll.weight ?? 0);
  await trx
    .updateTable('elections')
    .set({ settings: json({ ...election.settings, sealedSize, eligible }) })
    .where('id', '=', election.id)
    .execute();
  const ballots = await trx
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('election_id', '=', election.id)
    .executeTakeFirstOrThrow();
  return { ballots: Number(ballots.n), sealedSize, eligible };
}

/**
 * After the close commits: wait until the publisher has signed the checkpoint at exactly the sealed size
 * (nothing else can be appended in between: reveals wait for the seal), and mark it sealed.
 */
export async function sealLog(ctx: AppContext, electionId: string, timeoutMs = 15_000): Promise<boolean> {
  const { db } = ctx.database;
  const election = await db
    .selectFrom('elections')
    .select('settings')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const sealedSize = election.settings['sealedSize'] as number | undefined;
  if (sealedSize === undefined) return false;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cp = await db
      .selectFrom('checkpoints')
      .select('size')
      .where('election_id', '=', electionId)
      .where('size', '=', sealedSize)
      .executeTakeFirst();
    if (cp) {
      await db
        .updateTable('checkpoints')
        .set({ sealed: true })
        .where('election_id', '=', electionId)
        .where('size', '=', sealedSize)
        .execute();
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function votingHooks(ctx: AppContext): StateHooks {
  return {
    voting: openVoting,
    closed: closeVoting,
    after: async (electionId, state) => {
      if (state === 'closed') await sealLog(ctx, electionId);
    },
  };
}
