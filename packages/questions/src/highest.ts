// Chooses the options with the highest totals; a tie across the cut is settled by packages/stv's published lot
// (SHA-256 tickets: stage 1, options numbered from 1 in question order; smallest tickets drawn). Options with no
// votes are never chosen. Without a published seed the lot uses `totals:<question id>:<t1>,<t2>,...`, which no
// one can pick after seeing the count without changing the votes.
import { candidateId, drawLot, lotTicket } from '@openslate/stv';
import type { LotDraw, QuestionOption } from './types.js';

/** The stage number given to every question lot (a question has one count, so one stage). */
const LOT_STAGE = 1;

export function defaultSeed(questionId: string, totals: readonly bigint[]): string {
  return `totals:${questionId}:${totals.join(',')}`;
}

export interface Highest {
  /** Positions chosen, highest total first (equal totals: drawn ones in draw order, else question order). */
  readonly chosen: readonly number[];
  readonly lot: LotDraw | null;
}

/** Up to `places` positions with the highest non-zero totals. */
export function chooseHighest(
  totals: readonly bigint[],
  places: number,
  options: readonly QuestionOption[],
  seed: string,
): Highest {
  const at = (i: number): bigint => totals[i] ?? 0n;
  const ranked = totals
    .map((_, i) => i)
    .filter((i) => at(i) > 0n)
    .sort((a, b) => (at(a) === at(b) ? a - b : at(a) > at(b) ? -1 : 1));
  const cut = ranked[places - 1];
  if (cut === undefined || ranked.length === places || at(ranked[places] ?? cut) !== at(cut))
    return { chosen: ranked.slice(0, places), lot: null };
  const above = ranked.filter((i) => at(i) > at(cut));
  const tied = ranked.filter((i) => at(i) === at(cut));
  const drawn = drawFrom(tied, places - above.length, seed);
  const id = (i: number): string => options[i]?.id ?? `#${i + 1}`;
  return {
    chosen: [...above, ...drawn],
    lot: {
      between: tied.map(id),
      places: places - above.length,
      tickets: tied.map((i) => lotTicket(seed, LOT_STAGE, candidateId(i))),
      chosen: drawn.map(id),
    },
  };
}

/** `count` of `tied`, smallest ticket first. */
function drawFrom(tied: readonly number[], count: number, seed: string): number[] {
  const remaining = [...tied];
  const drawn: number[] = [];
  while (drawn.length < count) {
    const next = drawLot(seed, LOT_STAGE, remaining.map(candidateId));
    drawn.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return drawn;
}
