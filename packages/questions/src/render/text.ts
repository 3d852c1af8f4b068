// A plain-text result sheet: heading, turnout, one row per option (votes right-aligned, share of the base), the
// abstentions and invalid votes, then the quorum, the threshold or winners, any lot, and the result.
import type { QuestionReport, QuorumReport, ThresholdReport } from '../types.js';
import { BASE_NOUN, listWords, lotWords, namesById, share } from './words.js';

/** Columns padded to line up: the first left-aligned, the rest right-aligned. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** What the share column is a share of, and its size. */
function shareBase(report: QuestionReport): { words: string; whole: string } {
  if (report.kind !== 'approval' && report.threshold !== null)
    return { words: `of the ${BASE_NOUN[report.threshold.base]}`, whole: report.threshold.baseVotes };
  if (report.kind === 'approval') return { words: 'of the valid votes', whole: report.turnout.valid };
  return {
    words: 'of the votes for options',
    whole: (BigInt(report.turnout.valid) - BigInt(report.abstained)).toString(),
  };
}

/** "at least 50 votes — reached, turnout 74"; a fraction also gives the votes it comes to. */
function quorumLine(q: QuorumReport): string {
  const required = q.fraction === null ? '' : ` (${q.required})`;
  return `${q.words}${required} — ${q.reached ? 'reached' : 'not reached'}, turnout ${q.turnout}`;
}

/** "at least two thirds of the votes for and against (60): 40 needed, 41 had — met". */
function thresholdLine(t: ThresholdReport): string {
  return `${t.words} (${t.baseVotes}): ${t.needed} needed, ${t.votes} had — ${t.met ? 'met' : 'not met'}`;
}

function outcomeLines(report: QuestionReport): string[] {
  switch (report.kind) {
    case 'yes-no-abstain': {
      const t = report.threshold;
      return [`Threshold: ${thresholdLine(t)}`];
    }
    case 'approval':
      return report.winnersWanted === null
        ? []
        : [
            `Winners (${report.winnersWanted} wanted): ${listWords(namesById(report, report.winners)) || 'none'}`,
          ];
    case 'choose-one': {
      const t = report.threshold;
      const majority = t === null ? [] : [`Majority: ${thresholdLine(t)}`];
      return [
        ...majority,
        `Winner: ${report.winner === null ? 'none' : namesById(report, [report.winner]).join('')}`,
      ];
    }
  }
}

/** The result sheet (ends with a newline). */
export function renderQuestionText(report: QuestionReport): string {
  const params = Object.entries(report.parameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const t = report.turnout;
  const base = shareBase(report);
  const rows = [
    ['Option', 'Votes', `Share ${base.words}`],
    ...report.totals.map((o) => [o.name, o.votes, share(o.votes, base.whole).replace(/^ \((.*)\)$/, '$1')]),
    [report.kind === 'yes-no-abstain' ? 'Abstain' : 'Abstained (no option)', report.abstained, ''],
    ['Invalid', t.invalid, ''],
  ];
  const invalid = Object.entries(t.invalidByCode).map(([code, n]) => `${code} ${n}`);
  const lines = [
    report.title,
    `Question: ${report.kind}${params === '' ? '' : ` (${params})`}`,
    `Received: ${t.received}   Valid: ${t.valid}   Invalid: ${t.invalid}${t.eligible === null ? '' : `   Eligible: ${t.eligible}`}`,
    '',
    ...columns(rows),
    '',
    ...(invalid.length === 0 ? [] : [`Invalid by reason: ${invalid.join(', ')}`]),
    ...(report.quorum === null ? [] : [`Quorum: ${quorumLine(report.quorum)}`]),
    ...outcomeLines(report),
    ...lotWords(report).map((l) => `Lot: ${l}`),
    `Result: ${report.carried ? 'carried' : 'not carried'}`,
  ];
  return `${lines.join('\n')}\n`;
}
