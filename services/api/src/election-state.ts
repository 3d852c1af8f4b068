import type { ElectionState } from '@openslate/db';
import { ApiError } from './errors.js';

/**
 * The election's life: draft → nominations → shortlist → voting → closed → counted → published.
 * An election whose candidates are fixed by the officers may go from draft straight to voting.
 * `counted` and `published` are reached only by running the count and publishing, not by a bare transition.
 */
const NEXT: Record<ElectionState, readonly ElectionState[]> = {
  draft: ['nominations', 'voting'],
  nominations: ['shortlist'],
  shortlist: ['voting'],
  voting: ['closed'],
  closed: ['counted'],
  counted: ['published'],
  published: [],
};

export function assertTransition(from: ElectionState, to: ElectionState): void {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].length ? NEXT[from].join(' or ') : 'nothing (it is final)';
    throw new ApiError(
      409,
      'ILLEGAL_TRANSITION',
      `an election in '${from}' can move to ${allowed}, not '${to}'`,
      {
        from,
        to,
        allowed: NEXT[from],
      },
    );
  }
}

/** Refuses an action outside the states in which it is allowed. */
export function assertState(actual: ElectionState, allowed: readonly ElectionState[], action: string): void {
  if (!allowed.includes(actual)) {
    throw new ApiError(
      409,
      'WRONG_STATE',
      `${action} is allowed only while the election is ${allowed.join(' or ')}; it is ${actual}`,
      {
        state: actual,
        allowed,
      },
    );
  }
}
