// A plain-text report shaped like the official "Candidate Votes Per Stage" sheet: a heading, the grid of every
// candidate's total at every stage (numbers right-aligned), a legend naming each stage, and the winners in order.
import type { Report } from '../types.js';
import { actionSummary, candidateLabels, constraintText, hasRoundingLoss, namesOf } from './labels.js';
import { keepFactorGrid, stageGrid } from './table.js';

/** Columns padded to line up; `textLast`: the last column is text (left-aligned), not a number. */
function formatGrid(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textLast = true,
): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((r) => (r[col] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, col) => {
        const w = widths[col] ?? 0;
        // Labels and results read left to right; numbers line up on the right, as on the official sheet.
        return col === 0 || (textLast && col === r.length - 1) ? cell.padEnd(w) : cell.padStart(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function renderText(report: Report): string {
  const labels = candidateLabels(report);
  const params = Object.entries(report.parameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    report.title,
    `Rule: ${report.rule}${params === '' ? '' : ` (${params})`}`,
    `Seats: ${report.seats}   Valid votes: ${report.validVotes}   Quota: ${report.quota}`,
  ];
  if (report.constraints.length > 0) {
    lines.push(`Constraints: ${report.constraints.map(constraintText).join(', ')}`);
  }
  const grid = stageGrid(report);
  lines.push('', 'Candidate Votes Per Stage', '', ...formatGrid(grid.header, grid.rows), '');
  if (hasRoundingLoss(report.stages)) {
    lines.push(
      "As on the official sheets, the rounding row is each stage's own loss and earlier rounding is",
    );
    lines.push('carried in the non-transferable row, so every column adds up to the valid vote.', '');
  }
  const keep = keepFactorGrid(report);
  if (keep) lines.push('Keep factors per stage', '', ...formatGrid(keep.header, keep.rows, false), '');
  for (const stage of report.stages) {
    const tv = stage.action.kind === 'surplus' && stage.action.transferValue;
    const quota = stage.quota === report.quota ? '' : `, quota ${stage.quota}`;
    lines.push(
      `Stage ${stage.number}: ${actionSummary(stage, labels)}${tv ? ` (transfer value ${tv})` : ''}${quota}`,
    );
  }
  lines.push('', `Elected: ${namesOf(labels, report.elected).join(', ')}`);
  if (report.seed !== null) lines.push(`Ties broken by lot with seed: ${report.seed}`);
  return `${lines.join('\n')}\n`;
}
