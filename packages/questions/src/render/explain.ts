// One paragraph of plain English per question, for members who want the result and the reason in a sentence:
// "Carried: 41 of the 60 votes for and against (68.3 %) were for; at least two thirds (40) were needed; 12
// abstained and are not counted." Percentages are rounded half up to one place and never decide anything.
import type {
  ApprovalReport,
  ChooseOneReport,
  QuestionReport,
  ThresholdReport,
  YesNoReport,
} from '../types.js';
import {
  BASE_NOUN,
  listWords,
  lotWords,
  namesById,
  neededWords,
  quorumWords,
  share,
  votes,
} from './words.js';

function abstainedWords(abstained: string, counted: boolean): string {
  if (abstained === '0') return '';
  const one = abstained === '1';
  const who = one ? '1 vote was an abstention' : `${abstained} votes were abstentions`;
  return counted
    ? `${who}, counted in the base (so weighing like ${one ? 'a vote' : 'votes'} against)`
    : `${who} and ${one ? 'is' : 'are'} not counted`;
}

function invalidWords(report: QuestionReport): string {
  const n = report.turnout.invalid;
  return n === '0' ? '' : ` ${votes(n)} on invalid ballots ${n === '1' ? 'was' : 'were'} not counted.`;
}

function thresholdSentence(t: ThresholdReport, forWhat: string): string {
  return `${t.votes} of the ${t.baseVotes} ${BASE_NOUN[t.base]}${share(t.votes, t.baseVotes)} ${forWhat}; ${neededWords(t)} ${t.needed === '1' ? 'was' : 'were'} needed`;
}

function explainYesNo(r: YesNoReport): string {
  const verdict = r.carried
    ? 'Carried'
    : r.quorum?.reached === false
      ? 'Not carried (quorum not reached)'
      : 'Not carried';
  const abst = abstainedWords(r.abstained, r.threshold.base === 'valid-votes');
  const noVotes =
    r.threshold.base !== 'eligible' && r.threshold.baseVotes === '0' ? ' (no one voted for or against)' : '';
  return `${verdict}: ${thresholdSentence(r.threshold, 'were for')}${noVotes}${abst === '' ? '' : `; ${abst}`}.`;
}

function totalsWords(r: ApprovalReport | ChooseOneReport, whole: string): string {
  return r.totals.map((o) => `${o.name} ${o.votes}${share(o.votes, whole)}`).join(', ');
}

function explainApproval(r: ApprovalReport): string {
  const blank = r.abstained === '0' ? '' : ` (${votes(r.abstained)} approved no option)`;
  const head = `Approval: ${votes(r.turnout.valid)} on valid ballots${blank}. Totals, with the share of valid ballots approving: ${totalsWords(r, r.turnout.valid)}.`;
  if (r.winnersWanted === null || (r.quorum !== null && !r.quorum.reached)) return head;
  const names = listWords(namesById(r, r.winners));
  const chosen =
    r.winners.length === 0
      ? 'No option was approved, so no one is chosen.'
      : `The ${r.winnersWanted === 1 ? 'option' : `${r.winnersWanted} options`} with the highest totals ${r.winners.length === 1 ? 'is' : 'are'} chosen: ${names}` +
        (r.winners.length < r.winnersWanted ? ` (only ${r.winners.length} had any approval).` : '.');
  return `${head} ${chosen}`;
}

function explainChooseOne(r: ChooseOneReport): string {
  const cast = (BigInt(r.turnout.valid) - BigInt(r.abstained)).toString();
  const blank = r.abstained === '0' ? '' : ` and ${votes(r.abstained)} blank`;
  const head = `Choose one: ${votes(cast)} for options${blank}. Totals: ${totalsWords(r, cast)}.`;
  const winner = r.winner === null ? '' : (namesById(r, [r.winner])[0] ?? r.winner);
  if (r.threshold !== null) {
    const t = thresholdSentence(r.threshold, 'went to the leading option');
    return `${head} ${r.winner === null ? `No option is chosen: ${t}.` : `${winner} is chosen: ${t}.`}`;
  }
  if (r.quorum !== null && !r.quorum.reached) return head;
  return `${head} ${r.winner === null ? 'No option received a vote, so no one is chosen.' : `${winner} has the most votes and is chosen.`}`;
}

function body(report: QuestionReport): string {
  switch (report.kind) {
    case 'yes-no-abstain':
      return explainYesNo(report);
    case 'approval':
      return explainApproval(report);
    case 'choose-one':
      return explainChooseOne(report);
  }
}

/** The question's result in one paragraph (ends with a newline). */
export function renderQuestionExplanation(report: QuestionReport): string {
  const quorum = report.quorum === null ? '' : ` ${quorumWords(report.quorum)}`;
  const lots = lotWords(report)
    .map((l) => ` ${l}`)
    .join('');
  return `${report.title}\n${body(report)}${lots}${invalidWords(report)}${quorum}\n`;
}
