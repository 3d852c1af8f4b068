// Table types for kysely. Columns are named as in SQL (snake_case); see migrations/ for the DDL.
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: written as JSON text (see `json()`), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export const ELECTION_STATES = [
  'draft',
  'nominations',
  'shortlist',
  'voting',
  'closed',
  'counted',
  'published',
] as const;
export type ElectionState = (typeof ELECTION_STATES)[number];

export interface ElectionsTable {
  id: string;
  organisation_id: string;
  title: string;
  state: ElectionState;
  is_demo: boolean;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContestsTable {
  id: string;
  election_id: string;
  position: number;
  title: string;
  seats: number;
  rules: string;
  mode: 'secret' | 'recorded';
  constraints: Json<unknown[]>;
}

export interface CandidatesTable {
  id: string;
  contest_id: string;
  position: number;
  name: string;
  statement: string;
  attributes: Json<Record<string, string>>;
  status: 'nominated' | 'longlisted' | 'shortlisted' | 'rejected' | 'withdrawn';
}

/** One row per election: the next log index, taken under a row lock so indexes have no gaps or duplicates. */
export interface LogHeadsTable {
  election_id: string;
  size: ColumnType<number, number, number>;
}

export interface LogEntriesTable {
  election_id: string;
  idx: ColumnType<number, number, never>;
  /** The entry's exact bytes (RFC 8785 canonical JSON, UTF-8). */
  entry: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: CreatedAt;
}

export interface Schema {
  organisations: OrganisationsTable;
  elections: ElectionsTable;
  contests: ContestsTable;
  candidates: CandidatesTable;
  log_heads: LogHeadsTable;
  log_entries: LogEntriesTable;
}

export type Election = Selectable<ElectionsTable>;
export type NewElection = Insertable<ElectionsTable>;
export type Contest = Selectable<ContestsTable>;
export type Candidate = Selectable<CandidatesTable>;

/** Serialises a value for a jsonb column; the same text on PostgreSQL and PGlite. */
export const json = (value: unknown): string => JSON.stringify(value);
