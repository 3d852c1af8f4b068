// Names and one-line summaries shared by every renderer, so JSON, text, CSV and the explanation agree.
import type { CandidateId, Report, Stage } from '../types.js';

/**
 * One unique label per candidate, indexed by CandidateId: the name exactly as in the ballots, or, when two
 * candidates share a name, the name followed by ` (#n)` with n the 1-based ballot-file number.
 */
export function candidateLabels(report: Pick<Report, 'candidates'>): readonly string[] {
  const seen = new Map<string, number>();
  for (const c of report.candidates) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  return report.candidates.map((c) => ((seen.get(c.name) ?? 0) > 1 ? `${c.name} (#${c.id + 1})` : c.name));
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Labels of the given candidates, in the given order. */
export function namesOf(labels: readonly string[], ids: readonly CandidateId[]): string[] {
  return ids.map((id) => labels[id] ?? `#${id + 1}`);
}

/** A short heading for a stage, as the official sheets print above each column: "Surplus of Malcolm CUNNING". */
export function actionSummary(stage: Pick<Stage, 'action' | 'elected'>, labels: readonly string[]): string {
  const action = stage.action;
  switch (action.kind) {
    case 'first-preferences':
      return 'First preferences';
    case 'surplus':
      return `Surplus of ${namesOf(labels, [action.candidate]).join('')}`;
    case 'exclusion':
      return `Exclusion of ${listNames(namesOf(labels, action.candidates))}`;
    case 'constraint':
      return `Constraint ${constraintText(action.constraint)}`;
    case 'iteration':
      return `Meek round (${action.iterations} ${action.iterations === 1 ? 'iteration' : 'iterations'})`;
    case 'fill-remaining':
      return stage.elected.length > 0 ? 'Remaining seats filled' : 'Remaining candidates excluded';
  }
}

/** The constraint in the CLI's own syntax: `gender=woman>=4`, `gender=man<=5`, or both bounds. */
export function constraintText(c: { attribute: string; value: string; min?: number; max?: number }): string {
  const bounds: string[] = [];
  if (c.min !== undefined) bounds.push(`>=${c.min}`);
  if (c.max !== undefined) bounds.push(`<=${c.max}`);
  return bounds.map((b) => `${c.attribute}=${c.value}${b}`).join(' ');
}

/** Stage rows beyond the candidates, shared by the text table and the CSV. */
export const NON_TRANSFERABLE_LABEL = 'Non-transferable votes';
export const ROUNDING_LABEL = 'Non-transferable votes due to rounding';

/** True when any stage lost something to rounding (the row is then printed). */
export function hasRoundingLoss(stages: readonly Stage[]): boolean {
  return stages.some((s) => !isZero(s.roundingLoss));
}

/** "0", "0.00000", "-0.000" are zero. */
export function isZero(d: string): boolean {
  return /^[-+]?0*(\.0*)?$/.test(d);
}
