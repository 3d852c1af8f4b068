import { createIssuerKeyring, type IssuerKeyring } from '@openslate/ballot';
import type { Schema } from '@openslate/db';
import type { VotingManifest } from '@openslate/verify';
import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../errors.js';

// What a ballot is cast against (entry `voting.manifest`): one definition, in packages/verify, which the
// independent verifier reads back from the log.
export type { ManifestContest, VotingManifest } from '@openslate/verify';

type Db = Kysely<Schema> | Transaction<Schema>;

const cache = new Map<string, { manifest: VotingManifest; keyring: IssuerKeyring }>();

/** The election's manifest and issuer keyring (cached: both are immutable once voting opens). */
export async function loadManifest(
  db: Db,
  electionId: string,
): Promise<{ manifest: VotingManifest; keyring: IssuerKeyring }> {
  const hit = cache.get(electionId);
  if (hit) return hit;
  const row = await db
    .selectFrom('election_keys')
    .select('public_key')
    .where('election_id', '=', electionId)
    .where('purpose', '=', 'manifest')
    .executeTakeFirst();
  if (!row) throw new ApiError(409, 'VOTING_NOT_OPEN', 'voting has not opened in this election');
  const manifest = JSON.parse(row.public_key) as VotingManifest;
  const keyring = createIssuerKeyring(manifest.issuerKeys);
  if (!keyring.ok) throw new Error(`stored issuer keys do not parse: ${keyring.error.message}`);
  const entry = { manifest, keyring: keyring.value };
  cache.set(electionId, entry);
  return entry;
}
