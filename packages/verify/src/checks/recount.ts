// Check 5: every contest recounted from the decrypted ballots, seeded with the sealed root (docs/log-entries.md
// "Which ballots count") — STV with packages/stv, a question with packages/questions, the eligible weight being
// the close entry's `eligible` — equals results/<contest>.json exactly (RFC 8785 comparison) and the logged `result`
// entry; results/<contest>.blt (STV) equals the BLT of the decrypted ballots; the text tables, the explanations,
// an STV quorum's results/<contest>.quorum.json and the results page are the renderings of the recount.
import type { CryptoBackend, DecryptedCountedBallot } from '@openslate/ballot';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { leafHash, rootOf, toBase64, toHex } from '@openslate/log';
import { paths } from '../bundle-format.js';
import { countContest, resultEntry, type CountedContest } from '../count-contest.js';
import { check, VerifyError } from '../errors.js';
import { readJson, readText, type ReadFile } from '../files.js';
import type { ParsedEntry } from '../log-entries.js';
import type { ContestKind, ManifestContest } from '../manifest.js';
import { resultsPage, type PageContest } from '../results-page.js';
import type { ElectionSequence } from './sequence.js';

export interface ContestOutcome {
  readonly contest: string;
  readonly title: string;
  readonly kind: ContestKind;
  /** Elected candidates in order of election (a question: its chosen options; none for a motion). */
  readonly elected: readonly { readonly id: string; readonly name: string }[];
  readonly ballots: number;
  readonly invalid: number;
  readonly blank: number;
  /** A question's result: carried (a motion) or standing; null for STV. */
  readonly carried: boolean | null;
  /** Whether the contest's quorum was reached; null without a quorum. */
  readonly quorumReached: boolean | null;
}

/** A contest's recounted result in a few words, for the check's line: "elects A, B", "carried", "chooses C". */
export function outcomeWords(c: ContestOutcome): string {
  const names = c.elected.map((e) => e.name).join(', ');
  if (c.kind === 'stv') return `elects ${names}`;
  if (c.kind === 'yes-no-abstain') return c.carried ? 'carried' : 'not carried';
  return `chooses ${names || 'no option'}`;
}

const canon = (v: unknown): string => canonicalize(v as JsonValue);

/** Where two report JSONs first differ: a stage number, else a top-level field. */
function firstDifference(published: unknown, recount: Record<string, unknown>): string {
  const pub = (published ?? {}) as Record<string, unknown>;
  const stages = Array.isArray(pub['stages']) ? (pub['stages'] as unknown[]) : [];
  const ours = Array.isArray(recount['stages']) ? (recount['stages'] as unknown[]) : [];
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

/** A published text file equals the recount's rendering, or the first differing line is named. */
async function checkText(read: ReadFile, path: string, expected: string, what: string): Promise<void> {
  const published = await readText(read, path);
  check(published === expected, 'RESULT_MISMATCH', () => {
    return `${path} differs from the recount's ${what} at line ${firstLineDifference(published, expected)}`;
  });
}

/** The roll's weight at the close, as the close entry logged it (absent before question contests). */
function eligibleAtClose(entries: readonly ParsedEntry[], sequence: ElectionSequence): bigint | undefined {
  const eligible = entries[sequence.closeIndex]?.body['eligible'];
  if (eligible === undefined) return undefined;
  check(Number.isSafeInteger(eligible) && (eligible as number) > 0, 'SEQUENCE_ILLEGAL', () => {
    return `the close entry's eligible weight ${canon(eligible)} is not a positive whole number`;
  });
  return BigInt(eligible as number);
}

/** Every published file of one contest equals the recount's. */
async function checkFiles(read: ReadFile, contest: ManifestContest, counted: CountedContest): Promise<void> {
  const reportPath = paths.report(contest.id);
  const published = await readJson(read, reportPath);
  check(canon(published) === canon(counted.report), 'RESULT_MISMATCH', () => {
    return `${reportPath} differs from the recount at ${firstDifference(published, counted.report)}`;
  });
  if (counted.blt !== null) {
    const bltPath = paths.blt(contest.id);
    const blt = counted.blt;
    const publishedBlt = await readText(read, bltPath);
    check(publishedBlt === blt, 'BLT_MISMATCH', () => {
      return `${bltPath} differs from the decrypted ballots at line ${firstLineDifference(publishedBlt, blt)}`;
    });
  }
  await checkText(
    read,
    paths.text(contest.id),
    counted.text,
    counted.kind === 'stv' ? 'stage table' : 'table',
  );
  // Bundles written before question contests have no .explain for STV contests; a question's is required.
  const explainPath = paths.explain(contest.id);
  if (counted.kind !== 'stv' || (await read(explainPath)) !== undefined)
    await checkText(read, explainPath, counted.explanation, 'explanation');
  if (counted.kind === 'stv' && counted.quorum !== null) {
    const quorumPath = paths.quorum(contest.id);
    const publishedQuorum = await readJson(read, quorumPath);
    check(canon(publishedQuorum) === canon(counted.quorum), 'RESULT_MISMATCH', () => {
      return `${quorumPath} differs from the recount's quorum at ${firstDifference(publishedQuorum, { ...counted.quorum })}`;
    });
  }
}

export interface Recount {
  readonly outcomes: readonly ContestOutcome[];
  /** Each contest's recounted report (results/<contest>.json), by contest id: what later checks build on. */
  readonly reports: ReadonlyMap<string, Record<string, unknown>>;
}

export async function checkRecount(
  read: ReadFile,
  sequence: ElectionSequence,
  entries: readonly ParsedEntry[],
  decrypted: readonly DecryptedCountedBallot[],
  backend: CryptoBackend,
): Promise<Recount> {
  const sha256Hex = (text: string) => toHex(backend.sha256(new TextEncoder().encode(text)));
  const seed = toBase64(rootOf(entries.slice(0, sequence.sealedSize).map((e) => leafHash(e.bytes))));
  const eligible = eligibleAtClose(entries, sequence);
  const outcomes: ContestOutcome[] = [];
  const reports = new Map<string, Record<string, unknown>>();
  const pages: PageContest[] = [];
  for (const contest of sequence.manifest.contests) {
    const choices = decrypted.map((d) => ({ value: d.contests[contest.id], weight: d.weight }));
    const result = countContest(contest, choices, { seed, ...(eligible !== undefined && { eligible }) });
    if (!result.ok)
      throw new VerifyError(
        'RESULT_MISMATCH',
        `contest ${contest.id} cannot be recounted: ${result.error.message}`,
      );
    const counted = result.value;
    const logged = sequence.results.get(contest.id);
    if (logged === undefined)
      throw new VerifyError('RESULT_MISMATCH', `the log has no result entry for contest ${contest.id}`);
    check(logged['ballots'] === decrypted.length, 'RESULT_MISMATCH', () => {
      return `the logged result of contest ${contest.id} says ballots ${String(logged['ballots'])}, the recount gives ${decrypted.length}`;
    });
    await checkFiles(read, contest, counted);
    reports.set(contest.id, counted.report);
    pages.push({
      contest,
      elected: Array.isArray(counted.report['elected']) ? (counted.report['elected'] as string[]) : [],
      stageTable: counted.text,
      explanation: counted.explanation,
      report: counted.report,
      ...(counted.kind === 'stv' && counted.quorum !== null && { quorum: counted.quorum }),
    });
    const expected = resultEntry(contest, counted, {
      ballots: decrypted.length,
      seed,
      reportHash: sha256Hex(canon(counted.report)),
      bltHash: counted.blt === null ? null : sha256Hex(counted.blt),
    });
    for (const field of new Set([...Object.keys(expected), ...Object.keys(logged)])) {
      if (field === 'contest') continue;
      check(canon(logged[field] ?? null) === canon(expected[field] ?? null), 'RESULT_MISMATCH', () => {
        return `the logged result of contest ${contest.id} says ${field} ${canon(logged[field] ?? null)}, the recount gives ${canon(expected[field] ?? null)}`;
      });
    }
    const byId = new Map(contest.candidates.map((c) => [c.id, c] as const));
    outcomes.push({
      contest: contest.id,
      title: contest.title,
      kind: counted.kind,
      elected: counted.elected.map((id) => ({ id, name: byId.get(id)?.name ?? id })),
      ballots: decrypted.length,
      invalid: counted.invalid,
      blank: counted.blank,
      carried: counted.carried,
      quorumReached: counted.quorum?.reached ?? null,
    });
  }
  const page = await readText(read, paths.page);
  const expected = resultsPage(sequence.manifest.title, pages);
  check(page === expected, 'RESULT_MISMATCH', () => {
    return `${paths.page} differs from the recount's results page at line ${firstLineDifference(page, expected)}`;
  });
  return { outcomes, reports };
}
