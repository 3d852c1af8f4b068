// Table types for kysely. Columns are named as in SQL (snake_case); see migrations/ for the DDL.
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: written as JSON text (see `json()`), read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a database default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** A nullable jsonb column: null (or omitted) on insert means none. */
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

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
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  settings: JsonWithDefault<Record<string, unknown>>;
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
  nomination_threshold: JsonWithDefault<{ members?: number; affiliates?: number }>;
  /** 'stv' or a question kind (migration 0003). */
  kind: ColumnType<'stv' | 'yes-no-abstain' | 'approval' | 'choose-one', string | undefined, string>;
  /** A question's settings: majority, abstentions, winners, requireMajority, text. */
  question: JsonWithDefault<Record<string, unknown>>;
  /** The contest's quorum, or null. */
  quorum: NullableJson<unknown>;
}

export interface CandidatesTable {
  id: string;
  contest_id: string;
  position: number;
  name: string;
  statement: string;
  attributes: Json<Record<string, string>>;
  status: CandidateStatus;
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The membership number of the member standing, or null (migration 0005: delegate rolls). */
  membership: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CandidateStatus = 'nominated' | 'longlisted' | 'shortlisted' | 'rejected' | 'withdrawn';

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: 'admin' | 'officer';
  password_hash: string;
  totp_secret: string | null;
  /** A secret being enrolled: it replaces totp_secret once a code from it is confirmed. */
  totp_pending: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface RollEntriesTable {
  id: string;
  election_id: string;
  position: number;
  membership_number: string;
  name: string;
  email: string;
  weight: number;
  attributes: JsonWithDefault<Record<string, string>>;
  /** Random salt of the entry's leaf in the published roll commitment. */
  salt: Uint8Array;
  status: ColumnType<'active' | 'removed', 'active' | 'removed' | undefined, 'active' | 'removed'>;
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The member's Ed25519 identity key (base64url) that signs credential requests. */
  identity_key: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: string;
  election_id: string;
  roll_entry_id: string;
  /** SHA-256 of the one-time code, hex; the code itself is never stored. */
  code_hash: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: CreatedAt;
}

export interface NominationsTable {
  id: string;
  candidate_id: string;
  nominator_kind: 'member' | 'affiliate';
  /** A roll entry id (member) or the affiliate's name. */
  nominator: string;
  created_at: CreatedAt;
}

export interface ElectionKeysTable {
  election_id: string;
  /** e.g. 'issuer:1' (blind-signature key for weight 1), 'log' (checkpoint signer). */
  purpose: string;
  public_key: string;
  private_key: string;
  created_at: CreatedAt;
}

export interface CredentialsIssuedTable {
  election_id: string;
  roll_entry_id: string;
  weight: number;
  created_at: CreatedAt;
}

export interface TrusteesTable {
  id: string;
  election_id: string;
  /** The trustee's index in the ceremony, 1…n. */
  position: number;
  name: string;
  token_hash: string;
  announcement: Json<unknown> | null;
  dealing_hash: Json<unknown> | null;
  dealing: Json<unknown> | null;
  confirmed: ColumnType<boolean, boolean | undefined, boolean>;
  reveal: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface BallotsTable {
  election_id: string;
  /** The credential's ballot public key (base64url). */
  ballot_key: string;
  counter: number;
  weight: number;
  hash: string;
  /** Its `ballot.cast` entry in the log, which holds the ballot (migration 0006). */
  log_idx: number;
  created_at: CreatedAt;
}

export interface ResultsTable {
  contest_id: string;
  election_id: string;
  report: Json<unknown>;
  /** The ballots as a BLT file; null for a question contest (migration 0003). */
  blt: string | null;
  /** An STV contest's quorum report (a question's is inside `report`); null without a quorum. */
  quorum: NullableJson<unknown>;
  /** The official-style "votes per stage" table (packages/stv renderText). */
  stage_table: string;
  /** Plain-English stage-by-stage explanation (packages/stv renderExplanation). */
  explanation: string;
  created_at: CreatedAt;
}

export interface CheckpointsTable {
  election_id: string;
  size: number;
  root: string;
  note: string;
  sealed: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface CosignaturesTable {
  election_id: string;
  size: number;
  witness: string;
  signature_line: string;
  created_at: CreatedAt;
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

// Proposals (migration 0004).
export type ProposalState = 'draft' | 'eligible' | 'scheduled';

export interface ProposalsTable {
  id: string;
  election_id: string;
  position: number;
  title: string;
  text: string;
  /** The proposal this amendment amends; null for a proposal. */
  amends: string | null;
  drafter_kind: 'member' | 'affiliate';
  /** A roll entry id (member) or the affiliate's name. */
  drafter: string;
  state: ColumnType<ProposalState, ProposalState | undefined, ProposalState>;
  contest_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The count's amendment outcome (packages/questions resolveAmendments); null before the count. */
  outcome: NullableJson<unknown>;
  created_at: CreatedAt;
}

export interface ProposalSupportsTable {
  proposal_id: string;
  supporter_kind: 'member' | 'affiliate';
  /** A roll entry id (member) or the affiliate's name. */
  supporter: string;
  created_at: CreatedAt;
}

export interface ProposalLogTable {
  election_id: string;
  log_idx: number;
  proposal_id: string;
  type: string;
}

export interface Schema {
  organisations: OrganisationsTable;
  elections: ElectionsTable;
  contests: ContestsTable;
  candidates: CandidatesTable;
  log_heads: LogHeadsTable;
  log_entries: LogEntriesTable;
  users: UsersTable;
  roll_entries: RollEntriesTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  nominations: NominationsTable;
  election_keys: ElectionKeysTable;
  credentials_issued: CredentialsIssuedTable;
  trustees: TrusteesTable;
  ballots: BallotsTable;
  results: ResultsTable;
  checkpoints: CheckpointsTable;
  cosignatures: CosignaturesTable;
  proposals: ProposalsTable;
  proposal_supports: ProposalSupportsTable;
  proposal_log: ProposalLogTable;
}

export type Election = Selectable<ElectionsTable>;
export type NewElection = Insertable<ElectionsTable>;
export type Contest = Selectable<ContestsTable>;
export type Candidate = Selectable<CandidatesTable>;

/** Serialises a value for a jsonb column; the same text on PostgreSQL and PGlite. */
export const json = (value: unknown): string => JSON.stringify(value);
