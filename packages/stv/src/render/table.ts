// The "Candidate Votes Per Stage" grid shared by the text and CSV renderers: one row per candidate (ballot-file
// order), then the non-transferable rows; one column per stage; a last column saying who was elected or excluded.
import type { Report } from '../types.js';
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
  rows.push([NON_TRANSFERABLE_LABEL, ...report.stages.map((s) => s.nonTransferable), '']);
  if (hasRoundingLoss(report.stages))
    rows.push([ROUNDING_LABEL, ...report.stages.map((s) => s.roundingLoss), '']);
  return { header, rows };
}
