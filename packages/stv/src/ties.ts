// Breaking ties: by earlier stages (each rule says which way to look), then the ballot file's `[tie]` order,
// then by lot from the published seed (lot.ts). Every decision is returned as a TieBreak for the report.
import { drawLot } from './lot.js';
import type { CandidateId, TieBreak } from './types.js';

export interface TieContext {
  /** Every candidate's total after each stage so far (index 0 = stage 1), in units. */
  readonly history: readonly (readonly bigint[])[];
  /** 'backward': most recent preceding stage first (SSI 2007/42 rules 49(2), 51(2)); 'forward': first stage
   *  first (ERS97 5.2.3, 5.2.5, 5.6.2); 'none': straight to the tie order / lot (PRF reference rules D.1). */
  readonly lookback: 'backward' | 'forward' | 'none';
  readonly tieOrder?: readonly CandidateId[];
  /** The seed of the lot; called only when a lot is actually drawn. */
  readonly seed: () => string;
  /** The stage being decided (numbers the lot). */
  readonly stage: number;
}

export interface TieResult {
  readonly chosen: CandidateId;
  /** Undefined when there was no tie. */
  readonly record?: TieBreak;
}

/**
 * Chooses one of `tied` (equal now): the one with the most votes ('highest') or fewest ('lowest') at the first
 * stage, in the rule's direction, where the remaining candidates differ; the tie order; or the lot.
 */
export function breakTie(
  tied: readonly CandidateId[],
  want: 'highest' | 'lowest',
  purpose: TieBreak['purpose'],
  ctx: TieContext,
): TieResult {
  const [first] = tied;
  if (first === undefined) throw new RangeError('breakTie needs at least one candidate');
  if (tied.length === 1) return { chosen: first };
  let remaining = [...tied];
  const n = ctx.history.length;
  const order = ctx.lookback === 'none' ? [] : [...Array(n).keys()];
  if (ctx.lookback === 'backward') order.reverse();
  for (const k of order) {
    const totals = ctx.history[k] as readonly bigint[];
    let best = totals[remaining[0] as CandidateId] as bigint;
    for (const c of remaining) {
      const v = totals[c] as bigint;
      if (want === 'highest' ? v > best : v < best) best = v;
    }
    const next = remaining.filter((c) => totals[c] === best);
    if (next.length < remaining.length) remaining = next; // they were unequal here: keep the extreme ones
    if (remaining.length === 1) {
      const chosen = remaining[0] as CandidateId;
      return { chosen, record: { purpose, between: tied, method: 'earlier-stage', stage: k + 1, chosen } };
    }
  }
  if (ctx.tieOrder) {
    const rank = (c: CandidateId): number => {
      const i = ctx.tieOrder?.indexOf(c) ?? -1;
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const ranked = [...remaining].sort((a, b) => rank(a) - rank(b));
    const top = ranked[0] as CandidateId;
    if (ranked.length === 1 || rank(top) < rank(ranked[1] as CandidateId)) {
      return { chosen: top, record: { purpose, between: tied, method: 'tie-order', chosen: top } };
    }
  }
  const chosen = drawLot(ctx.seed(), ctx.stage, remaining);
  return { chosen, record: { purpose, between: tied, method: 'lot', chosen } };
}
