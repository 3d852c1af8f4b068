// What the officer console reads: the public election view (services/api/src/routes/public.ts) and the
// props every section of the election page shares.
import type { OpenslateClient } from '@openslate/client';
import type { Candidate, Constraint, Contest, Election } from './election-types.js';

export interface CandidateView extends Candidate {
  readonly status: string;
}

export interface ContestView extends Contest<CandidateView> {
  readonly mode: string;
  /** Missing on contests made before question kinds: STV. */
  readonly kind?: string;
}

export type ElectionView = Election<ContestView>;

export interface SectionProps {
  readonly election: ElectionView;
  readonly client: OpenslateClient;
  /** Reload everything the page shows (after an action). */
  readonly refresh: () => void;
  /** Changes on every refresh: sections reload their own data with it. */
  readonly tick: number;
}

/** "at least 2 with gender = woman" */
export function describeConstraint(c: Constraint): string {
  const bounds = [
    c.min !== undefined ? `at least ${c.min}` : null,
    c.max !== undefined ? `at most ${c.max}` : null,
  ].filter(Boolean);
  return `${bounds.join(' and ')} elected with ${c.attribute} = ${c.value}`;
}

/** The states in which each kind of action is allowed (services/api/src: assertState calls). */
export const ALLOWED = {
  addContest: ['draft'],
  addCandidate: ['draft', 'nominations'],
  importRoll: ['draft', 'nominations', 'shortlist'],
  changeRoll: ['draft', 'nominations', 'shortlist', 'voting'],
  invitations: ['nominations', 'shortlist', 'voting'],
  nominate: ['nominations'],
  decide: ['nominations', 'shortlist'],
  trustees: ['draft', 'nominations', 'shortlist'],
} as const satisfies Record<string, readonly string[]>;

export const allowedIn = (state: string, action: keyof typeof ALLOWED): boolean =>
  (ALLOWED[action] as readonly string[]).includes(state);
