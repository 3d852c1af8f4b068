// results/index.html: a self-contained, offline results page (no scripts, no external resources). STV contests
// show their elected and stages; question contests (packages/questions) their rule, result, table and explanation.
import type { ManifestContest } from './manifest.js';

export interface PageContest {
  readonly contest: ManifestContest;
  /** STV: the report's `elected`, in order of election. */
  readonly elected: readonly string[];
  /** STV: the stage table; a question: its table (results/<contest>.txt). */
  readonly stageTable: string;
  readonly explanation: string;
  /** The published report JSON: a question's result is read from it. */
  readonly report?: Readonly<Record<string, unknown>>;
  /** An STV contest's quorum report, when it has a quorum (a question's is in its report). */
  readonly quorum?: unknown;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** "Quorum: at least 30 votes — reached (turnout 41)." */
function quorumLine(quorum: unknown): string {
  if (typeof quorum !== 'object' || quorum === null) return '';
  const reached = field(quorum, 'reached') === true ? 'reached' : 'not reached';
  const words = `${String(field(quorum, 'words'))} — ${reached} (turnout ${String(field(quorum, 'turnout'))})`;
  return `<p>Quorum: ${escapeHtml(words)}.</p>`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The rule of a question contest in one sentence. */
function questionRule(contest: ManifestContest, report: Readonly<Record<string, unknown>>): string {
  const s = contest.question ?? {};
  const options = plural(contest.candidates.length, 'option');
  const threshold = field(field(report, 'threshold'), 'words');
  if (contest.kind === 'yes-no-abstain')
    return `A motion: yes, no or abstain; carried with ${String(threshold)}.`;
  if (contest.kind === 'approval')
    return `Approval: choose any number of the ${options}${s.winners === undefined ? '' : `; the ${plural(s.winners, 'option')} with the most votes win`}.`;
  return `Choose one of the ${options}${typeof threshold === 'string' ? `; the winner needs ${threshold}` : '; the most votes wins'}.`;
}

/** Carried / not carried, or the chosen options by name. */
function questionResult(contest: ManifestContest, report: Readonly<Record<string, unknown>>): string {
  const name = (id: unknown) => escapeHtml(contest.candidates.find((c) => c.id === id)?.name ?? String(id));
  if (contest.kind === 'yes-no-abstain')
    return `<p><strong>${report['carried'] === true ? 'Carried' : 'Not carried'}</strong></p>`;
  const chosen =
    contest.kind === 'approval' ? report['winners'] : [report['winner']].filter((w) => w !== null);
  const list = Array.isArray(chosen) ? chosen : [];
  if (list.length === 0) return `<p><strong>No option chosen</strong></p>`;
  return `<ol>${list.map((id) => `<li>${name(id)}</li>`).join('')}</ol>`;
}

function questionSection(page: PageContest): string[] {
  const { contest, stageTable, explanation } = page;
  const report = page.report ?? {};
  const id = escapeHtml(contest.id);
  const text = contest.question?.text;
  return [
    `<section id="${id}">`,
    `<h2>${escapeHtml(contest.title)}</h2>`,
    `<p>${escapeHtml(questionRule(contest, report))}</p>`,
    ...(text === undefined || text === '' ? [] : [`<blockquote>${escapeHtml(text)}</blockquote>`]),
    ...(report['quorum'] ? [quorumLine(report['quorum'])] : []),
    `<h3>Result</h3>${questionResult(contest, report)}`,
    `<h3>Count</h3><pre>${escapeHtml(stageTable)}</pre>`,
    `<h3>What happened</h3><pre class="explanation">${escapeHtml(explanation)}</pre>`,
    `<p>Files: <a href="${id}.json">report (JSON)</a>, <a href="${id}.txt">table (text)</a>, <a href="${id}.explain">explanation (text)</a>.</p>`,
    '</section>',
  ];
}

function stvSection({ contest, elected, stageTable, explanation, quorum }: PageContest): string[] {
  const winners = elected.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  return [
    `<section id="${escapeHtml(contest.id)}">`,
    `<h2>${escapeHtml(contest.title)}</h2>`,
    `<p>${contest.seats} seat${contest.seats === 1 ? '' : 's'}, counted by the ${escapeHtml(contest.rules)} STV rules.</p>`,
    ...(quorum ? [quorumLine(quorum)] : []),
    `<h3>Elected</h3><ol>${winners}</ol>`,
    `<h3>Stages</h3><pre>${escapeHtml(stageTable)}</pre>`,
    `<h3>What happened</h3><pre class="explanation">${escapeHtml(explanation)}</pre>`,
    `<p>Files: <a href="${escapeHtml(contest.id)}.json">report (JSON)</a>, <a href="${escapeHtml(contest.id)}.blt">ballots (BLT)</a>, <a href="${escapeHtml(contest.id)}.txt">stage table (text)</a>.</p>`,
    '</section>',
  ];
}

export function resultsPage(title: string, contests: readonly PageContest[]): string {
  const sections = contests.map((page) =>
    (page.contest.kind ?? 'stv') === 'stv' ? stvSection(page).join('\n') : questionSection(page).join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}: results</title>`,
    '<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}pre{overflow-x:auto;white-space:pre-wrap;background:#f4f4f4;padding:.5rem}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    "<p>Anyone can recompute these results: <code>npx openslate verify &lt;this bundle&gt;</code> checks the signed log, every ballot, the trustees' key shares and recounts every contest.</p>",
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
