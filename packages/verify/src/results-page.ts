// results/index.html: a self-contained, offline results page (no scripts, no external resources).
import type { ManifestContest } from './manifest.js';

export interface PageContest {
  readonly contest: ManifestContest;
  /** Names of the elected, in order of election (the report's `elected`). */
  readonly elected: readonly string[];
  readonly stageTable: string;
  readonly explanation: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function resultsPage(title: string, contests: readonly PageContest[]): string {
  const sections = contests.map(({ contest, elected, stageTable, explanation }) => {
    const winners = elected.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
    return [
      `<section id="${escapeHtml(contest.id)}">`,
      `<h2>${escapeHtml(contest.title)}</h2>`,
      `<p>${contest.seats} seat${contest.seats === 1 ? '' : 's'}, counted by the ${escapeHtml(contest.rules)} STV rules.</p>`,
      `<h3>Elected</h3><ol>${winners}</ol>`,
      `<h3>Stages</h3><pre>${escapeHtml(stageTable)}</pre>`,
      `<h3>What happened</h3><pre class="explanation">${escapeHtml(explanation)}</pre>`,
      `<p>Files: <a href="${escapeHtml(contest.id)}.json">report (JSON)</a>, <a href="${escapeHtml(contest.id)}.blt">ballots (BLT)</a>, <a href="${escapeHtml(contest.id)}.txt">stage table (text)</a>.</p>`,
      '</section>',
    ].join('\n');
  });
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
