// The "Candidate Votes Per Stage" grid shared by the text and CSV renderers: one row per candidate (ballot-file
// order), then the non-transferable rows; one column per stage; a last column saying who was elected or excluded.
import { Fixed } from '../arith/index.js';
import type { Report, Stage } from '../types.js';
import { candidateLabels, hasRoundingLoss, NON_TRANSFERABLE_LABEL, ROUNDING_LABEL } from './labels.js';

export interface StageGrid {
  /** "Candidate", "Stage 1", ..., "Result". */
  readonly header: readonly string[];
  /** First cell a label, then one decimal string per stage, then the result ("" for the extra rows). */
  readonly rows: readonly (readonly string[])[];
}

/** "Elected (stage 2)", "Excluded (stage 5)", "Withdrawn" or "" for each candidate. */
export function candidateOutcomes(report: Report): readonly string[] {
  const out = report.candidates.map(() => '');
  for (const id of report.withdrawn) out[id] = 'Withdrawn';
  for (const stage of report.stages) {
    for (const e of stage.elected) out[e.candidate] = `Elected (stage ${stage.number})`;
    for (const e of stage.excluded)
      if (out[e.candidate] === '') out[e.candidate] = `Excluded (stage ${stage.number})`;
  }
  return out;
}

export function stageGrid(report: Report): StageGrid {
  const labels = candidateLabels(report);
  const outcomes = candidateOutcomes(report);
  const header = ['Candidate', ...report.stages.map((s) => `Stage ${s.number}`), 'Result'];
  const rows: string[][] = report.candidates.map((_, i) => [
    labels[i] ?? '',
    ...report.stages.map((s) => s.votes[i] ?? ''),
    outcomes[i] ?? '',
  ]);
  const extra = officialExtraRows(report.stages);
  rows.push([NON_TRANSFERABLE_LABEL, ...extra.nonTransferable, '']);
  if (hasRoundingLoss(report.stages)) rows.push([ROUNDING_LABEL, ...extra.rounding, '']);
  return { header, rows };
}

const places = (d: string): number => d.split('.')[1]?.length ?? 0;

/**
 * The two rows as the official Scottish sheets print them: "Non-transferable votes due to rounding" is the loss
 * of that stage alone, and "Non-transferable votes" also carries the rounding of earlier stages (so each column
 * still adds up to the valid vote). The Report keeps both as running totals.
 */
export function officialExtraRows(stages: readonly Stage[]): {
  nonTransferable: string[];
  rounding: string[];
} {
  const p = Math.max(0, ...stages.flatMap((s) => [places(s.nonTransferable), places(s.roundingLoss)]));
  const fixed = (d: string): Fixed => Fixed.parse(d, p);
  const nonTransferable: string[] = [];
  const rounding: string[] = [];
  let before = Fixed.zero(p);
  for (const s of stages) {
    const loss = fixed(s.roundingLoss);
    nonTransferable.push(fixed(s.nonTransferable).add(before).toString());
    rounding.push(loss.sub(before).toString());
    before = loss;
  }
  return { nonTransferable, rounding };
}

/** Meek's keep factors, one row per candidate and one column per stage; null for rules without them. */
export function keepFactorGrid(report: Report): StageGrid | null {
  if (!report.stages.some((s) => s.keepFactors)) return null;
  const labels = candidateLabels(report);
  return {
    header: ['Candidate', ...report.stages.map((s) => `Stage ${s.number}`)],
    rows: report.candidates.map((_, i) => [
      labels[i] ?? '',
      ...report.stages.map((s) => s.keepFactors?.[i] ?? ''),
    ]),
  };
}
