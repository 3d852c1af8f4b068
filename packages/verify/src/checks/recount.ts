// Check 5: every contest recounted with packages/stv from the decrypted ballots, seeded with the sealed root
// (docs/log-entries.md "Which ballots count"), equals results/<contest>.json exactly (RFC 8785 comparison) and the
// logged `result` entry; results/<contest>.blt equals the BLT of the decrypted ballots; the stage tables and the
// results page are the renderings of the recount.
import type { CryptoBackend, DecryptedCountedBallot } from '@openslate/ballot';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { leafHash, rootOf, toBase64, toHex } from '@openslate/log';
import { renderExplanation, renderText, reportToJson, writeBlt } from '@openslate/stv';
import { paths } from '../bundle-format.js';
import { check, VerifyError } from '../errors.js';
import { readJson, readText, type ReadFile } from '../files.js';
import type { ParsedEntry } from '../log-entries.js';
import { resultsPage, type PageContest } from '../results-page.js';
import { tallyContest } from '../tally.js';
import type { ElectionSequence } from './sequence.js';

export interface ContestOutcome {
  readonly contest: string;
  readonly title: string;
  /** Elected candidates in order of election. */
  readonly elected: readonly { readonly id: string; readonly name: string }[];
  readonly ballots: number;
  readonly invalid: number;
  readonly blank: number;
}

const canon = (v: unknown): string => canonicalize(v as JsonValue);

/** Where two report JSONs first differ: a stage number, else a top-level field. */
function firstDifference(published: unknown, recount: Record<string, unknown>): string {
  const pub = (published ?? {}) as Record<string, unknown>;
  const stages = Array.isArray(pub['stages']) ? (pub['stages'] as unknown[]) : [];
  const ours = recount['stages'] as unknown[];
  for (let i = 0; i < Math.max(stages.length, ours.length); i++) {
    if (i >= stages.length || i >= ours.length)
      return `the number of stages (${stages.length}, recount ${ours.length})`;
    if (canon(stages[i]) !== canon(ours[i])) return `stage ${i + 1}`;
  }
  const keys = new Set([...Object.keys(pub), ...Object.keys(recount)]);
  const field = [...keys].find((k) => canon(pub[k] ?? null) !== canon(recount[k] ?? null));
  return `'${field ?? '?'}'`;
}

function firstLineDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

export async function checkRecount(
  read: ReadFile,
  sequence: ElectionSequence,
  entries: readonly ParsedEntry[],
  decrypted: readonly DecryptedCountedBallot[],
  backend: CryptoBackend,
): Promise<ContestOutcome[]> {
  const sha256Hex = (text: string) => toHex(backend.sha256(new TextEncoder().encode(text)));
  const seed = toBase64(rootOf(entries.slice(0, sequence.sealedSize).map((e) => leafHash(e.bytes))));
  const outcomes: ContestOutcome[] = [];
  const pages: PageContest[] = [];
  for (const contest of sequence.manifest.contests) {
    const tally = tallyContest(
      contest,
      decrypted.map((d) => ({ value: d.contests[contest.id], weight: d.weight })),
      seed,
    );
    const logged = sequence.results.get(contest.id);
    if (logged === undefined)
      throw new VerifyError('RESULT_MISMATCH', `the log has no result entry for contest ${contest.id}`);
    check(logged['ballots'] === decrypted.length, 'RESULT_MISMATCH', () => {
      return `the logged result of contest ${contest.id} says ballots ${String(logged['ballots'])}, the recount gives ${decrypted.length}`;
    });
    const recount = reportToJson(tally.report);
    const reportPath = paths.report(contest.id);
    const published = await readJson(read, reportPath);
    check(canon(published) === canon(recount), 'RESULT_MISMATCH', () => {
      return `${reportPath} differs from the recount at ${firstDifference(published, recount)}`;
    });
    const bltPath = paths.blt(contest.id);
    const blt = writeBlt(tally.election);
    const publishedBlt = await readText(read, bltPath);
    check(publishedBlt === blt, 'BLT_MISMATCH', () => {
      return `${bltPath} differs from the decrypted ballots at line ${firstLineDifference(publishedBlt, blt)}`;
    });
    const textPath = paths.text(contest.id);
    const stageTable = renderText(tally.report);
    const publishedText = await readText(read, textPath);
    check(publishedText === stageTable, 'RESULT_MISMATCH', () => {
      return `${textPath} differs from the recount's stage table at line ${firstLineDifference(publishedText, stageTable)}`;
    });
    pages.push({
      contest,
      elected: recount['elected'] as string[],
      stageTable,
      explanation: renderExplanation(tally.report),
    });
    const elected = tally.report.elected.map((i) => contest.candidates[i]!);
    const expected: Record<string, unknown> = {
      elected: elected.map((c) => c.id),
      ballots: decrypted.length,
      invalid: tally.invalid,
      blank: tally.blank,
      seed,
      report: sha256Hex(canon(recount)),
      blt: sha256Hex(blt),
    };
    for (const [field, value] of Object.entries(expected)) {
      check(canon(logged[field] ?? null) === canon(value), 'RESULT_MISMATCH', () => {
        return `the logged result of contest ${contest.id} says ${field} ${canon(logged[field] ?? null)}, the recount gives ${canon(value)}`;
      });
    }
    outcomes.push({
      contest: contest.id,
      title: contest.title,
      elected: elected.map((c) => ({ id: c.id, name: c.name })),
      ballots: decrypted.length,
      invalid: tally.invalid,
      blank: tally.blank,
    });
  }
  const page = await readText(read, paths.page);
  const expected = resultsPage(sequence.manifest.title, pages);
  check(page === expected, 'RESULT_MISMATCH', () => {
    return `${paths.page} differs from the recount's results page at line ${firstLineDifference(page, expected)}`;
  });
  return outcomes;
}
