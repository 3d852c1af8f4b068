// A question's result (packages/questions' report, as getResults serves it): carried or not in words, the totals
// with each share computed exactly from the report's decimal strings (whole-number arithmetic, as the count's
// `.txt` sheet does), the threshold and quorum in words, the options chosen, and the `.explain` paragraph. Also
// the quorum line an STV contest shows when it has one.
import type { ResultsResponse } from './results-report.js';

/** packages/questions QuorumReport (also an STV contest's `quorum` beside its report). */
export interface QuorumReport {
  readonly words: string;
  readonly required: string;
  readonly turnout: string;
  readonly reached: boolean;
  readonly fraction: { readonly numerator: string; readonly denominator: string } | null;
}
interface ThresholdReport {
  readonly base: string;
  readonly baseVotes: string;
  readonly votes: string;
  readonly needed: string;
  readonly met: boolean;
  readonly words: string;
}
/** packages/questions QuestionReport: the part this page reads. */
export interface QuestionReport {
  readonly kind: 'yes-no-abstain' | 'approval' | 'choose-one';
  readonly turnout: { readonly received: string; readonly valid: string; readonly invalid: string };
  readonly quorum: QuorumReport | null;
  readonly totals: readonly { readonly id: string; readonly name: string; readonly votes: string }[];
  readonly abstained: string;
  readonly carried: boolean;
  readonly threshold?: ThresholdReport | null;
  readonly winners?: readonly string[];
  readonly winnersWanted?: number | null;
  readonly winner?: string | null;
  readonly lots: readonly unknown[];
}
type ResultContest = ResultsResponse['contests'][number];
export interface QuestionContest {
  readonly id: string;
  readonly title: string;
  readonly kind: QuestionReport['kind'];
  readonly question?: { readonly text?: string };
  readonly report: QuestionReport;
}

/** The contest as a question, or null for STV (getResults gives every contest its `kind`). */
export function asQuestion(c: ResultContest): QuestionContest | null {
  const kind = (c as { kind?: string }).kind ?? 'stv';
  return kind === 'stv' ? null : (c as unknown as QuestionContest);
}

/** An STV contest's quorum report, when it has one. */
export const stvQuorum = (c: ResultContest): QuorumReport | null =>
  (c as { quorum?: QuorumReport | null }).quorum ?? null;

/** `part / whole` as a percentage to one decimal place, rounded half up, exactly (null when `whole` is 0). */
export function percentOf(part: string, whole: string): string | null {
  const w = BigInt(whole);
  if (w <= 0n) return null;
  const tenths = (BigInt(part) * 2000n + w) / (2n * w);
  return `${tenths / 10n}.${tenths % 10n} %`;
}

const BASE_NOUN: Readonly<Record<string, string>> = {
  'for-and-against': 'votes for and against',
  'for-options': 'votes for options',
  'valid-votes': 'valid votes',
  eligible: 'eligible votes',
};

/** What the share column is a share of, and its size: the threshold's base, else valid votes (approval) or the
 *  votes for options (choose-one), as packages/questions' text sheet. */
export function shareBase(r: QuestionReport): { words: string; whole: string } {
  if (r.kind !== 'approval' && r.threshold)
    return { words: BASE_NOUN[r.threshold.base] ?? r.threshold.base, whole: r.threshold.baseVotes };
  if (r.kind === 'approval') return { words: 'valid votes', whole: r.turnout.valid };
  return { words: 'votes for options', whole: (BigInt(r.turnout.valid) - BigInt(r.abstained)).toString() };
}

const votes = (n: string) => `${n} ${n === '1' ? 'vote' : 'votes'}`;

/** "Quorum: at least one third of the 6 eligible votes (2 votes). Reached: turnout 4 votes." */
export function QuorumLine(props: { quorum: QuorumReport }) {
  const q = props.quorum;
  return (
    <p class="question-quorum">
      Quorum: {q.words}
      {q.fraction ? ` (${votes(q.required)})` : ''}. <strong>{q.reached ? 'Reached' : 'Not reached'}</strong>:
      turnout {votes(q.turnout)}.
    </p>
  );
}

/** The outcome in words: carried or not; the options chosen. */
export function questionOutcome(c: QuestionContest): string {
  const r = c.report;
  const name = (id: string) => r.totals.find((o) => o.id === id)?.name ?? id;
  const quorumFailed = r.quorum !== null && !r.quorum.reached;
  if (r.kind === 'yes-no-abstain') return r.carried ? 'Carried' : 'Not carried';
  if (quorumFailed) return 'No result: the quorum was not reached';
  if (r.kind === 'approval') {
    const chosen = r.winners ?? [];
    if (r.winnersWanted === null || r.winnersWanted === undefined)
      return 'Totals only: no winners were to be chosen';
    return chosen.length > 0 ? `Chosen: ${chosen.map(name).join(', ')}` : 'No option chosen';
  }
  return r.winner ? `Chosen: ${name(r.winner)}` : 'No option chosen';
}

function TotalsTable(props: { contest: QuestionContest }) {
  const r = props.contest.report;
  const base = shareBase(r);
  const row = (label: string, n: string, share: string | null) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td class="num">{n}</td>
      <td class="num">{share ?? '—'}</td>
    </tr>
  );
  return (
    <div class="table-wrap">
      <table class="question-totals">
        <caption>Votes in {props.contest.title}</caption>
        <thead>
          <tr>
            <th scope="col">{r.kind === 'yes-no-abstain' ? 'Answer' : 'Option'}</th>
            <th scope="col">Votes</th>
            <th scope="col">Share of the {base.words}</th>
          </tr>
        </thead>
        <tbody>
          {r.totals.map((o) => row(o.name, o.votes, percentOf(o.votes, base.whole)))}
          {row(r.kind === 'yes-no-abstain' ? 'Abstained' : 'Blank (abstained)', r.abstained, null)}
          {row('Invalid', r.turnout.invalid, null)}
        </tbody>
      </table>
    </div>
  );
}

/** The `.explain` paragraph without its first line when that is the title (the section's heading says it). */
export function explanationBody(text: string, title: string): string {
  const [first = '', ...rest] = text.trim().split('\n');
  const body = first.trim() === title ? rest.join('\n').trim() : text.trim();
  return body || 'No explanation was recorded.';
}

/** One question's result, with its heading level left to the page (h3 inside). */
export function QuestionResult(props: { contest: QuestionContest; explanation: string }) {
  const { contest } = props;
  const r = contest.report;
  const t = r.threshold;
  return (
    <>
      {contest.question?.text && <p class="question-text">{contest.question.text}</p>}
      <p class="question-outcome">
        <strong>{questionOutcome(contest)}.</strong>
      </p>
      <TotalsTable contest={contest} />
      {t && (
        <p>
          Needed: {t.words}, that is {votes(t.needed)} of {t.baseVotes}; had {t.votes}:{' '}
          <strong>{t.met ? 'met' : 'not met'}</strong>.
        </p>
      )}
      {r.quorum && <QuorumLine quorum={r.quorum} />}
      <h3>The count in plain English</h3>
      <p class="results-explanation">{explanationBody(props.explanation, contest.title)}</p>
    </>
  );
}
