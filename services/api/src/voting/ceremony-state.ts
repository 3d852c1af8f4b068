import {
  checkCeremonyParameters,
  electionKeyRecord,
  type CeremonyParameters,
  type Dealing,
  type DealingHash,
  type ElectionKeyRecord,
  type TrusteeAnnouncement,
} from '@openslate/ballot';
import type { Schema } from '@openslate/db';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface TrusteeRow {
  readonly index: number;
  readonly name: string;
  readonly announcement: TrusteeAnnouncement | null;
  readonly dealingHash: DealingHash | null;
  readonly dealing: Dealing | null;
  readonly confirmed: boolean;
  readonly reveal: unknown;
}

export interface Ceremony {
  readonly threshold: number | null;
  readonly trustees: readonly TrusteeRow[];
  /** Once every trustee has announced. */
  readonly parameters: CeremonyParameters | null;
  /** Once every dealing is in and checks out. */
  readonly electionKey: ElectionKeyRecord | null;
  /** The election key exists and every trustee confirmed its share. */
  readonly complete: boolean;
}

/** The key ceremony's state, derived from the trustees' rows (nothing else is stored). */
export async function loadCeremony(db: Db, electionId: string): Promise<Ceremony> {
  const election = await db
    .selectFrom('elections')
    .select('settings')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const threshold = (election.settings['threshold'] as number | undefined) ?? null;
  const rows = await db
    .selectFrom('trustees')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('position')
    .execute();
  const trustees: TrusteeRow[] = rows.map((r) => ({
    index: r.position,
    name: r.name,
    announcement: r.announcement as TrusteeAnnouncement | null,
    dealingHash: r.dealing_hash as DealingHash | null,
    dealing: r.dealing as Dealing | null,
    confirmed: r.confirmed,
    reveal: r.reveal,
  }));
  const parameters =
    threshold !== null && trustees.length > 0 && trustees.every((t) => t.announcement)
      ? ({
          type: 'openslate/ceremony/v1',
          electionId,
          threshold,
          trustees: trustees.map((t) => t.announcement!),
        } satisfies CeremonyParameters)
      : null;
  let electionKey: ElectionKeyRecord | null = null;
  if (
    parameters &&
    checkCeremonyParameters(parameters).ok &&
    trustees.every((t) => t.dealing && t.dealingHash)
  ) {
    const record = electionKeyRecord(
      parameters,
      trustees.map((t) => t.dealing!),
      trustees.map((t) => t.dealingHash!),
    );
    if (record.ok) electionKey = record.value;
  }
  return {
    threshold,
    trustees,
    parameters,
    electionKey,
    complete: electionKey !== null && trustees.every((t) => t.confirmed),
  };
}
