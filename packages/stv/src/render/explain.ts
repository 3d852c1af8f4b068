// A plain-English account of the count, one paragraph per stage, for members who want to follow it without
// reading the rules: what happened, who gained, who was elected or excluded and why, and how ties were settled.
import type { Report, Stage, TieBreak } from '../types.js';
import { candidateLabels, constraintText, isZero, listNames, namesOf } from './labels.js';

const TIE_PURPOSE: Record<TieBreak['purpose'], string> = {
  'surplus-order': 'had equal surpluses, so the order of transfer had to be decided',
  exclusion: 'were tied with the fewest votes',
  election: 'were tied for election',
};

const TIE_OUTCOME: Record<TieBreak['purpose'], string> = {
  'surplus-order': 'has their surplus transferred first',
  exclusion: 'is excluded',
  election: 'is elected',
};

function tieSentence(tie: TieBreak, labels: readonly string[], seed: string | null): string {
  const between = listNames(namesOf(labels, tie.between));
  const chosen = namesOf(labels, [tie.chosen]).join('');
  const how =
    tie.method === 'earlier-stage'
      ? `looking back to stage ${tie.stage ?? '?'}, where their votes differed`
      : tie.method === 'tie-order'
        ? 'by the tie-break order published with the ballots'
        : `by lot, drawn from the published seed "${seed ?? ''}" so that anyone can repeat the draw`;
  return `${between} ${TIE_PURPOSE[tie.purpose]}; it was decided ${how}: ${chosen} ${TIE_OUTCOME[tie.purpose]}.`;
}

function gains(stage: Stage, labels: readonly string[]): string {
  const parts = stage.transferred.flatMap((t, i) =>
    t.startsWith('-') || isZero(t) ? [] : [`${labels[i] ?? `#${i + 1}`} gained ${t}`],
  );
  return parts.length === 0 ? 'No continuing candidate gained votes.' : `${listNames(parts)}.`;
}

function actionSentence(
  report: Report,
  stage: Stage,
  previous: Stage | undefined,
  labels: readonly string[],
): string {
  const action = stage.action;
  const before = (id: number): string => previous?.votes[id] ?? stage.votes[id] ?? '0';
  switch (action.kind) {
    case 'first-preferences':
      return (
        `The first preferences were counted: ${report.validVotes} valid votes for ${report.seats} ` +
        `${report.seats === 1 ? 'seat' : 'seats'}, so the quota is ${report.quota}.`
      );
    case 'surplus': {
      const who = namesOf(labels, [action.candidate]).join('');
      const value = action.transferValue === undefined ? '' : ` at ${action.transferValue} of a vote each`;
      return (
        `${who} had ${action.surplus} votes more than the quota; their ballots passed on${value} ` +
        `to the next preference still in the count. ${gains(stage, labels)}`
      );
    }
    case 'exclusion': {
      const who = action.candidates.map((id) => `${namesOf(labels, [id]).join('')} (${before(id)})`);
      const bulk = action.candidates.length > 1;
      const reason = stage.excluded.some((e) => e.reason === 'withdrawn')
        ? `${listNames(who)} withdrew and ${bulk ? 'were' : 'was'} excluded`
        : bulk
          ? `${listNames(who)} together had fewer votes than the next candidate, so they were excluded together`
          : `${listNames(who)} had the fewest votes and was excluded`;
      return `${reason}; their ballots passed on at their current value to the next preference still in the count. ${gains(stage, labels)}`;
    }
    case 'constraint': {
      const who = listNames(namesOf(labels, action.candidates));
      return `Constraint ${constraintText(action.constraint)}: ${action.description}${who === '' ? '' : ` (${who})`}. ${gains(stage, labels)}`;
    }
    case 'iteration':
      return (
        `Every ballot was counted ${action.iterations === 1 ? 'once' : `${action.iterations} times`}, each time ` +
        `lowering the keep factors of elected candidates so that each keeps only the quota and passes the rest on ` +
        `(the quota itself falls as votes run out); the quota is now ${stage.quota}.`
      );
    case 'fill-remaining': {
      const who = listNames(namesOf(labels, action.candidates));
      return stage.elected.length > 0
        ? `No more transfers could change the result: as many candidates remained as seats to fill, so ${who} ${action.candidates.length === 1 ? 'takes' : 'take'} the remaining ${action.candidates.length === 1 ? 'seat' : 'seats'}.`
        : `All seats are filled, so ${who} ${action.candidates.length === 1 ? 'is' : 'are'} no longer in the count.`;
    }
  }
}

const ELECTED_WHY: Record<Stage['elected'][number]['reason'], string> = {
  quota: 'reached the quota',
  threshold:
    'reached the lower threshold for the last places (the votes still in the count ÷ (places left + 1)), below the quota',
  'remaining-seats': 'fills a remaining seat',
  constraint: 'is needed to meet a constraint',
};

function electedSentence(stage: Stage, labels: readonly string[]): string {
  if (stage.elected.length === 0 || stage.action.kind === 'fill-remaining') return '';
  const groups = new Map<string, string[]>();
  for (const e of stage.elected) {
    const name = `${namesOf(labels, [e.candidate]).join('')} (${stage.votes[e.candidate] ?? ''})`;
    groups.set(e.reason, [...(groups.get(e.reason) ?? []), name]);
  }
  return [...groups]
    .map(
      ([reason, names]) =>
        ` ${listNames(names)} ${ELECTED_WHY[reason as keyof typeof ELECTED_WHY]} and ${names.length === 1 ? 'is' : 'are'} elected.`,
    )
    .join('');
}

const EXCLUDED_WHY: Record<Stage['excluded'][number]['reason'], string> = {
  lowest: 'had the fewest votes',
  bulk: 'could not catch up with the candidates above',
  constraint: 'must give way to meet a constraint',
  withdrawn: 'withdrew',
};

/** Exclusions not already told by the action itself (e.g. a Meek round that ends in an exclusion). */
function excludedSentence(stage: Stage, labels: readonly string[]): string {
  if (['exclusion', 'constraint', 'fill-remaining'].includes(stage.action.kind)) return '';
  return stage.excluded
    .map((e) => ` ${namesOf(labels, [e.candidate]).join('')} ${EXCLUDED_WHY[e.reason]} and is excluded.`)
    .join('');
}

/** One paragraph per stage, then the result. */
export function renderExplanation(report: Report): string {
  const labels = candidateLabels(report);
  const paragraphs = report.stages.map((stage, i) => {
    const ties = stage.ties.map((t) => ` ${tieSentence(t, labels, report.seed)}`).join('');
    const nt = isZero(stage.nonTransferable)
      ? ''
      : ` Votes that could not pass on (no further preference) now total ${stage.nonTransferable}` +
        (isZero(stage.roundingLoss) ? '.' : `, and ${stage.roundingLoss} have been lost to rounding.`);
    return `Stage ${stage.number}: ${actionSentence(report, stage, report.stages[i - 1], labels)}${ties}${electedSentence(stage, labels)}${excludedSentence(stage, labels)}${nt}`;
  });
  const elected = namesOf(labels, report.elected);
  const result = `Result: ${listNames(elected)} ${elected.length === 1 ? 'is' : 'are'} elected (in order of election).`;
  return `${[report.title, '', ...paragraphs.flatMap((p) => [p, '']), result].join('\n')}\n`;
}
