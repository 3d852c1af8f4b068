// The public election as GET /api/elections/:election answers it (services/api/src/routes/public.ts): the shapes
// every page that shows an election shares. A page types only the part it reads, widening these where it needs.
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly statement: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Constraint {
  readonly attribute: string;
  readonly value: string;
  readonly min?: number;
  readonly max?: number;
}

export interface Contest<K extends Candidate = Candidate> {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly rules: string;
  readonly constraints: readonly Constraint[];
  readonly candidates: readonly K[];
}

export interface Election<C extends Contest = Contest> {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly contests: readonly C[];
}
