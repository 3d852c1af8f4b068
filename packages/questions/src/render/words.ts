// Phrases shared by the text table and the plain-English explanation, so both say the same thing.
import { fraction, fractionWords, percent } from '../fraction.js';
import type { QuestionReport, ThresholdReport, ThresholdBase, QuorumReport } from '../types.js';

/** "41 votes", "1 vote". */
export const votes = (n: string): string => `${n} ${n === '1' ? 'vote' : 'votes'}`;

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** " (68.3 %)" of `whole`, or "" when `whole` is 0; half-up to one place, display only. */
export function share(part: string, whole: string): string {
  const p = percent(BigInt(part), BigInt(whole));
  return p === null ? '' : ` (${p} %)`;
}

export const BASE_NOUN: Record<ThresholdBase, string> = {
  'for-and-against': 'votes for and against',
  'for-options': 'votes for options',
  'valid-votes': 'valid votes',
  eligible: 'eligible votes',
};

/** "at least two thirds, 40 votes," — the rule and the least number of votes that meets it. */
export function neededWords(t: ThresholdReport): string {
  const f = fractionWords(fraction(BigInt(t.fraction.numerator), BigInt(t.fraction.denominator)));
  return `${t.comparison === 'more-than' ? 'more than' : 'at least'} ${f}, ${votes(t.needed)},`;
}

/** "The quorum (at least 30 votes) was reached: 75 voted." */
export function quorumWords(q: QuorumReport): string {
  return q.reached
    ? `The quorum (${q.words}) was reached: ${q.turnout} voted.`
    : `The quorum (${q.words}${q.fraction === null ? '' : `, so ${q.required}`}) was not reached: ${q.turnout} voted, so the result does not stand, whatever the votes.`;
}

/** Option names by id, for winners and lots. */
export function namesById(report: QuestionReport, ids: readonly string[]): string[] {
  return ids.map((id) => report.totals.find((o) => o.id === id)?.name ?? id);
}

/** "B and C were tied; the lot drawn from the seed "x" chose B." for every lot. */
export function lotWords(report: QuestionReport): string[] {
  return report.lots.map(
    (lot) =>
      `${listWords(namesById(report, lot.between))} were tied for ${lot.places === 1 ? 'one place' : `${lot.places} places`}; ` +
      `the lot drawn from the seed "${report.seed ?? ''}" chose ${listWords(namesById(report, lot.chosen))}.`,
  );
}
