// Electoral Reform Society model STV rules, 1997 edition (ERS97), section 5: quota to 2 decimals rounded up
// (5.1.6), surpluses from the last batch of papers received (5.3.2), deferred surpluses (5.2.2), bulk exclusion
// (5.2.5), excluded candidates' papers transferred batch by batch in descending order of value (5.4), ties
// decided by the first stage at which the candidates differed (5.2.3, 5.2.5, 5.6.2), then by lot.
// Each batch of an exclusion is recorded as its own stage (a column of the ERS exclusion form).
import { divRound, formatUnits } from '../arith/index.js';
import { canExcludeAll } from '../constraints.js';
import { CountState, type Parcel } from '../count-state.js';
import { droopRoundedUpQuota } from '../quota.js';
import type { CandidateId, Constraint, Election, ExclusionReason, Report, StageAction } from '../types.js';
import type { ResolvedOptions } from '../count.js';

const PLACES = 2; // 5.1.6, 5.3.7: "to two decimal places"

export function countErs97(election: Election, options: ResolvedOptions): Report {
  const state = new CountState(election, {
    rule: 'ers97',
    places: PLACES,
    seats: options.seats,
    constraints: options.constraints,
    parameters: {
      rules: 'ERS97 (Electoral Reform Society model STV rules, 1997), section 5',
      precision: String(PLACES),
      quota: 'droop-2-decimals-rounded-up',
      transfer: 'last-batch-gregory',
      exclusion: 'bulk, batches by descending value',
      ties: 'earliest-stage-forward-then-lot',
    },
    lookback: 'forward',
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const quotaOf = (votes: bigint): bigint => droopRoundedUpQuota(votes, options.seats);
  state.quota = quotaOf(state.validVotes); // 5.1.6
  state.firstPreferences(); // 5.1.2
  const pending = new Set<CandidateId>();
  const electNow = (stage: number): void => {
    for (const c of state.electReaching(threshold(state), stage)) {
      if ((state.votes[c] as bigint) > state.quota) pending.add(c);
    }
  };
  electNow(1); // 5.1.7
  state.record({ kind: 'first-preferences' });

  while (state.seatsLeft() > 0 && state.continuing().length > state.seatsLeft()) {
    const stage = state.nextStage();
    const due = state.constraintDue();
    if (due) {
      excludeByBatches(state, due.candidates, 'constraint', electNow, {
        kind: 'constraint',
        constraint: due.constraint,
        candidates: due.candidates,
        description: due.description,
      });
      continue;
    }
    const surpluses = [...pending].map((c) => (state.votes[c] as bigint) - state.quota);
    const totalSurplus = surpluses.reduce((a, b) => a + b, 0n);
    const batch = bulkExclusion(state, totalSurplus);
    const deferred = pending.size > 0 && batch.defers();
    if (pending.size > 0 && !deferred) {
      const c = state.highest([...pending], stage, 'surplus-order'); // 5.2.3
      pending.delete(c);
      const action = transferSurplus(state, c, stage);
      electNow(stage);
      state.record(action);
      continue;
    }
    // 5.2.5: exclude; 5.5.1: if that leaves as many continuing candidates as places, they are elected.
    const excluded = batch.candidates();
    const rest = state.continuing().filter((c) => !excluded.includes(c));
    const reason: ExclusionReason = excluded.length > 1 ? 'bulk' : 'lowest';
    if (rest.length <= state.seatsLeft()) {
      for (const c of excluded) state.exclude(c, reason);
      for (const c of state.byVotesDescending(rest)) state.elect(c, 'remaining-seats');
      state.record({ kind: 'exclusion', candidates: excluded });
      break;
    }
    excludeByBatches(state, excluded, reason, electNow, { kind: 'exclusion', candidates: excluded });
  }
  // 4.3: as many continuing candidates as places left: all elected.
  if (state.seatsLeft() > 0 && state.continuing().length > 0) {
    for (const c of state.byVotesDescending(state.continuing())) state.elect(c, 'remaining-seats');
    state.amendLastStage();
  }
  return state.report();

  /** 5.1.7(b), 5.6.1: the quota, or the total active vote ÷ (places unfilled + 1) when that is less. */
  function threshold(s: CountState): bigint {
    const held = s.elected().reduce((sum, c) => sum + min(s.votes[c] as bigint, s.quota), 0n);
    const active = s.validVotes - s.nonTransferable - s.roundingLoss - held;
    return min(s.quota, divRound(active, BigInt(s.seatsLeft() + 1), 'ceiling'));
  }
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * 5.2.5: the largest group of lowest candidates whose total, with the deferred surpluses, does not exceed the
 * vote of the candidate next above, leaving enough candidates for the places; at least the single lowest (its
 * ties broken by 5.2.5's last paragraph). `defers` (5.2.2): the surpluses are no more than the gap (a) between
 * the two lowest candidates, or (b) between that group's total and the candidate next above.
 */
function bulkExclusion(
  state: CountState,
  surplus: bigint,
): { candidates: () => CandidateId[]; defers: () => boolean } {
  const stage = state.nextStage();
  const continuing = state.continuing();
  const pool = state.excludable();
  const v = (c: CandidateId): bigint => state.votes[c] as bigint;
  const sorted = [...pool].sort((a, b) => (v(a) < v(b) ? -1 : v(a) > v(b) ? 1 : a - b));
  const maxOut = continuing.length - state.seatsLeft();
  let best = 0;
  let sum = 0n;
  for (let k = 1; k < sorted.length && k <= maxOut; k++) {
    sum += v(sorted[k - 1] as CandidateId);
    const next = v(sorted[k] as CandidateId);
    // never split candidates with equal votes between excluded and kept
    const fits = sum + surplus <= next && v(sorted[k - 1] as CandidateId) < next;
    if (k >= 2 && fits && canExcludeAll(state.view(), sorted.slice(0, k), state.options.constraints))
      best = k;
  }
  const lowestTwoGap = sorted.length >= 2 ? v(sorted[1] as CandidateId) - v(sorted[0] as CandidateId) : -1n;
  if (best >= 2) {
    const groupTotal = sorted.slice(0, best).reduce((a, c) => a + v(c), 0n);
    const gap = v(sorted[best] as CandidateId) - groupTotal;
    return {
      candidates: () => sorted.slice(0, best),
      defers: () => surplus <= lowestTwoGap || surplus <= gap,
    };
  }
  // the single lowest, its ties broken only when an exclusion actually happens (they are recorded in the stage)
  return { candidates: () => [state.lowest(pool, stage)], defers: () => surplus <= lowestTwoGap };
}

/** 5.3: transfer the surplus of `c` from the last batch of papers received (all papers at the first stage). */
function transferSurplus(state: CountState, c: CandidateId, stage: number): StageAction {
  const total = state.votes[c] as bigint;
  const surplus = total - state.quota;
  const lastStage = Math.max(...(state.parcels[c] as Parcel[]).map((p) => p.stage)); // 5.3.1-5.3.2
  const batch = state.takeParcels(c, (p) => p.stage === lastStage);
  const sorted = batch.map((p) => ({ p, sorted: state.sort(p.ballots, p.positions) }));
  let transferablePapers = 0n;
  let transferableValue = 0n;
  for (const { p, sorted: s } of sorted) {
    for (const slot of s.to.values()) {
      transferablePapers += BigInt(slot.papers);
      transferableValue += p.value * BigInt(slot.papers);
    }
  }
  // 5.3.7: surplus ÷ transferable papers, 2 decimals, remainder ignored; or each paper's present value.
  const atPresentValue = transferableValue <= surplus;
  const tv =
    atPresentValue || transferablePapers === 0n ? null : divRound(surplus, transferablePapers, 'down');
  let credited = 0n;
  for (const { p, sorted: s } of sorted) {
    credited += state.credit({ to: s.to, exhaustedPapers: 0 }, tv ?? p.value, stage).transferred;
  }
  state.votes[c] = state.quota;
  // 5.3.9-5.3.10: the part not passed on is non-transferable (no preference) or lost to the 2-decimal remainder.
  if (tv === null) state.nonTransferable += surplus - credited;
  else state.roundingLoss += surplus - credited;
  const values = new Set(batch.map((p) => p.value));
  const [only] = values;
  const shown = tv ?? (values.size === 1 ? only : undefined);
  return {
    kind: 'surplus',
    candidate: c,
    surplus: formatUnits(surplus, PLACES),
    ...(shown !== undefined ? { transferValue: formatUnits(shown, PLACES) } : {}),
  };
}

/**
 * 5.4: exclude `candidates` together and transfer their papers batch by batch, highest value first, one stage
 * per batch, electing after each batch (5.4.9) and stopping once every place is filled (5.5.2).
 */
function excludeByBatches(
  state: CountState,
  candidates: readonly CandidateId[],
  reason: ExclusionReason,
  electNow: (stage: number) => void,
  action:
    | { kind: 'exclusion'; candidates: readonly CandidateId[] }
    | { kind: 'constraint'; constraint: Constraint; candidates: readonly CandidateId[]; description: string },
): void {
  for (const c of candidates) state.exclude(c, reason);
  const owned: { owner: CandidateId; parcel: Parcel }[] = [];
  for (const c of candidates) for (const parcel of state.takeParcels(c)) owned.push({ owner: c, parcel });
  const values = [...new Set(owned.map((o) => o.parcel.value))].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  if (values.length === 0) {
    state.record(action);
    return;
  }
  for (const value of values) {
    if (state.seatsLeft() <= 0) break; // 5.5.2
    const stage = state.nextStage();
    for (const { owner, parcel } of owned.filter((o) => o.parcel.value === value)) {
      state.credit(state.sort(parcel.ballots, parcel.positions), value, stage);
      state.votes[owner] = (state.votes[owner] as bigint) - value * BigInt(parcel.papers);
    }
    // 5.4.8: papers non-transferable before anyone is elected: the quota is recalculated without them.
    if (state.elected().length === 0 && state.nonTransferable > 0n) {
      state.quota = droopRoundedUpQuota(state.validVotes - state.nonTransferable, state.options.seats);
    }
    electNow(stage);
    state.record(
      action.kind === 'exclusion' ? { ...action, transferValue: formatUnits(value, PLACES) } : action,
    );
  }
}
