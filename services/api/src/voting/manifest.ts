import {
  createIssuerKeyring,
  type ElectionKeyRecord,
  type IssuerKeyring,
  type IssuerKeySet,
} from '@openslate/ballot';
import type { Constraint } from '@openslate/stv';
import type { Schema } from '@openslate/db';
import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../errors.js';

/** What a ballot is cast against: published in the log when voting opens (entry `voting.manifest`). */
export interface VotingManifest {
  readonly type: 'openslate/manifest/v1';
  readonly electionId: string;
  readonly title: string;
  readonly contests: readonly ManifestContest[];
  readonly issuerKeys: IssuerKeySet;
  readonly electionKey: ElectionKeyRecord;
  /** The roll commitment at the opening (size and root of the salted-leaf Merkle tree). */
  readonly roll: { readonly size: number; readonly root: string };
}

export interface ManifestContest {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly rules: string;
  readonly mode: 'secret' | 'recorded';
  readonly constraints: readonly Constraint[];
  /** The ballot's candidates, in ballot order (the BLT numbering). */
  readonly candidates: readonly {
    readonly id: string;
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
  }[];
}

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
