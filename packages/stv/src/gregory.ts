// The stage loop shared by the Weighted Inclusive Gregory rules (scottish, wigm): elect on quota, transfer the
// largest surplus (every paper of the candidate, each at value × surplus ÷ total), otherwise exclude the lowest
// candidate with all their papers at their current values; constraint exclusions come first when due.
import type { ConstraintAction } from './constraints.js';
import type { CountState, Parcel } from './count-state.js';
import { formatUnits } from './arith/index.js';
import type { CandidateId } from './types.js';

export interface GregoryRule {
  /** New value of each paper of a parcel worth `value` when `surplus` of `total` passes on. */
  readonly transferValue: (value: bigint, surplus: bigint, total: bigint) => bigint;
  /** Whether an elected candidate with exactly the quota still gets a (zero) surplus stage (PRF B.3: yes). */
  readonly transferZeroSurplus: boolean;
}

/** Transfers papers of `parcels` at the values given by `valueOf`; returns value credited and exhausted. */
export function transferParcels(
  state: CountState,
  parcels: readonly Parcel[],
  valueOf: (p: Parcel) => bigint,
  stage: number,
): { transferred: bigint; exhausted: bigint } {
  let transferred = 0n;
  let exhausted = 0n;
  for (const p of parcels) {
    const moved = state.credit(state.sort(p.ballots, p.positions), valueOf(p), stage);
    transferred += moved.transferred;
    exhausted += moved.exhausted;
  }
  return { transferred, exhausted };
}

/** Excludes `candidates` together and transfers all their papers at their current values (SSI 2007/42 rule 50(4)). */
export function excludeAndTransfer(
  state: CountState,
  candidates: readonly CandidateId[],
  stage: number,
): void {
  const parcels: Parcel[] = [];
  for (const c of candidates) {
    parcels.push(...state.takeParcels(c));
    state.votes[c] = 0n;
  }
  transferParcels(state, parcels, (p) => p.value, stage);
}

/** A constraint stage: exclude the group's outsiders (or members) and transfer their papers. */
export function applyConstraint(state: CountState, due: ConstraintAction, stage: number): void {
  for (const c of due.candidates) state.exclude(c, 'constraint');
  excludeAndTransfer(state, due.candidates, stage);
}

/** Runs stages 2.. until the seats are filled (first preferences already recorded). */
export function runGregory(state: CountState, rule: GregoryRule): void {
  const untransferred = new Set<CandidateId>();
  const noteElected = (cs: readonly CandidateId[]): void => {
    for (const c of cs)
      if (rule.transferZeroSurplus || (state.votes[c] as bigint) > state.quota) untransferred.add(c);
  };
  noteElected(state.elected());
  const complete = (): boolean => state.seatsLeft() <= 0 || state.continuing().length <= state.seatsLeft();

  while (!complete()) {
    const stage = state.nextStage();
    const due = state.constraintDue();
    if (due) {
      applyConstraint(state, due, stage);
      noteElected(state.electReaching(state.quota, stage));
      state.record({
        kind: 'constraint',
        constraint: due.constraint,
        candidates: due.candidates,
        description: due.description,
      });
      continue;
    }
    if (untransferred.size > 0) {
      // SSI 2007/42 rule 49(1)-(3) / PRF B.3: the largest surplus first.
      const c = state.highest([...untransferred], stage, 'surplus-order');
      untransferred.delete(c);
      const total = state.votes[c] as bigint;
      const surplus = total - state.quota;
      const parcels = state.takeParcels(c);
      const values = new Set(parcels.map((p) => p.value));
      const moved = transferParcels(
        state,
        parcels,
        (p) => rule.transferValue(p.value, surplus, total),
        stage,
      );
      state.votes[c] = state.quota;
      state.roundingLoss += surplus - moved.transferred - moved.exhausted;
      noteElected(state.electReaching(state.quota, stage));
      const [only] = values;
      const places = state.options.places;
      state.record({
        kind: 'surplus',
        candidate: c,
        surplus: formatUnits(surplus, places),
        ...(values.size === 1 && only !== undefined
          ? { transferValue: formatUnits(rule.transferValue(only, surplus, total), places) }
          : {}),
      });
      continue;
    }
    // SSI 2007/42 rules 50-51 / PRF B.4: exclude the lowest continuing candidate.
    const low = state.lowest(state.excludable(), stage);
    state.exclude(low, 'lowest');
    excludeAndTransfer(state, [low], stage);
    noteElected(state.electReaching(state.quota, stage));
    state.record({ kind: 'exclusion', candidates: [low] });
  }
  // SSI 2007/42 rule 52 / PRF C: the last vacancies go to the continuing candidates, no further transfer.
  if (state.seatsLeft() > 0) {
    const rest = state.continuing();
    if (rest.length > 0) {
      for (const c of state.byVotesDescending(rest)) state.elect(c, 'remaining-seats');
      state.amendLastStage();
    }
  }
}
