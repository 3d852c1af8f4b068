// Diversity constraints ("at least N of the seats go to women"), by the mechanism UK party counts use:
// - once the seats still to fill equal the places a group still needs, every continuing candidate outside the
//   group is excluded (one constraint stage);
// - once a group holds its maximum, every continuing candidate in it is excluded;
// - a candidate whose election would break a constraint is passed over, and excluded by the rule above.
// Pure functions over a small view of the count, so every rule (Meek included) can apply them.
import { StvInputError } from './errors.js';
import type { Candidate, CandidateId, Constraint } from './types.js';

export interface ConstraintView {
  readonly candidates: readonly Candidate[];
  /** Elected so far, in order. */
  readonly elected: readonly CandidateId[];
  readonly continuing: readonly CandidateId[];
  readonly seatsLeft: number;
}

export interface ConstraintAction {
  readonly constraint: Constraint;
  /** Continuing candidates to exclude now (never empty). */
  readonly candidates: readonly CandidateId[];
  readonly description: string;
}

export const inGroup = (candidate: Candidate, k: Constraint): boolean =>
  candidate.attributes[k.attribute] === k.value;

const label = (k: Constraint): string => `${k.attribute}=${k.value}`;

function electedIn(view: ConstraintView, k: Constraint): number {
  return view.elected.filter((c) => inGroup(view.candidates[c] as Candidate, k)).length;
}

/** Places the group still needs to reach its minimum. */
const stillNeeded = (view: ConstraintView, k: Constraint): number =>
  Math.max(0, (k.min ?? 0) - electedIn(view, k));

/** Whether electing `candidate` now keeps every constraint satisfiable. */
export function mayElect(
  view: ConstraintView,
  candidate: CandidateId,
  constraints: readonly Constraint[],
): { allowed: true } | { allowed: false; constraint: Constraint } {
  const c = view.candidates[candidate] as Candidate;
  for (const k of constraints) {
    const member = inGroup(c, k);
    if (member && k.max !== undefined && electedIn(view, k) + 1 > k.max)
      return { allowed: false, constraint: k };
    if (!member && stillNeeded(view, k) >= view.seatsLeft && stillNeeded(view, k) > 0) {
      return { allowed: false, constraint: k };
    }
  }
  return { allowed: true };
}

/** The constraint exclusion due now, if any: the first constraint (in order given) that requires one. */
export function forcedExclusion(
  view: ConstraintView,
  constraints: readonly Constraint[],
): ConstraintAction | null {
  for (const k of constraints) {
    const needed = stillNeeded(view, k);
    if (needed > 0 && needed >= view.seatsLeft) {
      const outside = view.continuing.filter((c) => !inGroup(view.candidates[c] as Candidate, k));
      if (outside.length > 0) {
        const description = `${label(k)} still needs ${needed} of the ${view.seatsLeft} remaining seats, so every continuing candidate outside the group is excluded`;
        return { constraint: k, candidates: outside, description };
      }
    }
    if (k.max !== undefined && electedIn(view, k) >= k.max) {
      const inside = view.continuing.filter((c) => inGroup(view.candidates[c] as Candidate, k));
      if (inside.length > 0) {
        const description = `${label(k)} already holds its maximum of ${k.max} seats, so its continuing candidates are excluded`;
        return { constraint: k, candidates: inside, description };
      }
    }
  }
  return null;
}

/**
 * Whether excluding all of `out` still lets every constraint be met: enough continuing group members for each
 * minimum, and enough continuing candidates outside each group for the seats its maximum leaves to others.
 */
export function canExcludeAll(
  view: ConstraintView,
  out: readonly CandidateId[],
  constraints: readonly Constraint[],
): boolean {
  const staying = view.continuing.filter((c) => !out.includes(c));
  return constraints.every((k) => {
    const members = staying.filter((c) => inGroup(view.candidates[c] as Candidate, k)).length;
    const others = staying.length - members;
    const othersNeeded = k.max === undefined ? 0 : view.seatsLeft - Math.max(0, k.max - electedIn(view, k));
    return members >= stillNeeded(view, k) && others >= othersNeeded;
  });
}

/**
 * Whether excluding `candidate` as the lowest would make a constraint impossible (too few group members left
 * for a minimum, or too few others for the seats a maximum leaves them); such a candidate is skipped and the
 * next lowest excluded.
 */
export function protectedFromExclusion(
  view: ConstraintView,
  candidate: CandidateId,
  constraints: readonly Constraint[],
): boolean {
  return canExcludeAll(view, [], constraints) && !canExcludeAll(view, [candidate], constraints);
}

/** Checks constraints against the election before counting: known attribute, sane bounds, satisfiable. */
export function validateConstraints(
  candidates: readonly Candidate[],
  seats: number,
  constraints: readonly Constraint[],
) {
  for (const k of constraints) {
    if (k.min === undefined && k.max === undefined) {
      throw new StvInputError('constraint', `constraint ${label(k)} has neither a minimum nor a maximum`);
    }
    for (const bound of [k.min, k.max]) {
      if (bound !== undefined && (!Number.isInteger(bound) || bound < 0 || bound > seats)) {
        throw new StvInputError(
          'constraint',
          `constraint ${label(k)}: ${bound} is not between 0 and ${seats} seats`,
        );
      }
    }
    if (k.min !== undefined && k.max !== undefined && k.min > k.max) {
      throw new StvInputError(
        'constraint',
        `constraint ${label(k)}: minimum ${k.min} above maximum ${k.max}`,
      );
    }
    const members = candidates.filter((c) => inGroup(c, k)).length;
    if ((k.min ?? 0) > members) {
      throw new StvInputError(
        'constraint',
        `constraint ${label(k)} needs ${k.min} seats but only ${members} candidates`,
      );
    }
    if (k.max !== undefined && candidates.length - members < seats - k.max) {
      throw new StvInputError(
        'constraint',
        `constraint ${label(k)}: too few candidates outside the group to fill the seats`,
      );
    }
  }
}
