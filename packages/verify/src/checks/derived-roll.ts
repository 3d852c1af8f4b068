// A roll derived from an earlier election (docs/log-entries.md "Derived rolls"): the `roll.derived` entry's
// source checkpoint and `result` entries are in the source bundle's log (RFC 9162 leaf hashes and root), its
// entries are exactly derivedRollEntries() of the source's verified winners (membership numbers from the source's
// candidate.added entries) and weights, and each opens the leaf at its position of roll/commitment.json.
import { canonicalBytes } from '@openslate/canonical-json';
import { leafHash, rootOf, toBase64 } from '@openslate/log';
import { paths, type BundleManifest } from '../bundle-format.js';
import { derivedRollEntries, type DerivedWinner, type RollDerivedBody } from '../derived-roll.js';
import { check, VerifyError } from '../errors.js';
import { readJson, type ReadFile } from '../files.js';
import { parseEntries, readEntryBytes, type ParsedEntry } from '../log-entries.js';
import type { ContestOutcome } from './recount.js';

/** What the source bundle gave, once verified on its own: its election, log entries and recounted contests. */
export interface VerifiedSource {
  readonly election: string;
  readonly entries: readonly ParsedEntry[];
  readonly contests: readonly ContestOutcome[];
}

export type DerivedRollCheck =
  | { readonly kind: 'not-derived' }
  | { readonly kind: 'not-checked'; readonly source: string }
  | { readonly kind: 'checked'; readonly source: string; readonly entries: number; readonly weight: number };

const fail = (message: string): never => {
  throw new VerifyError('DERIVED_ROLL_MISMATCH', message);
};

/** The source bundle's log entries, read again after the source verified (its log check covered them). */
export async function sourceEntries(read: ReadFile): Promise<ParsedEntry[]> {
  const manifest = (await readJson(read, paths.manifest)) as BundleManifest;
  return parseEntries(await readEntryBytes((p) => read(paths.log(p)), manifest.log.size));
}

function checkSourceLog(body: RollDerivedBody, source: VerifiedSource): void {
  check(source.election === body.source.election, 'DERIVED_ROLL_MISMATCH', () => {
    return `roll.derived names source election ${body.source.election}; the source bundle is ${source.election}`;
  });
  const { size, root } = body.source.sealed;
  const sealed = source.entries.slice(0, size).map((e) => leafHash(e.bytes));
  check(sealed.length === size && toBase64(rootOf(sealed)) === root, 'DERIVED_ROLL_MISMATCH', () => {
    return `roll.derived's source checkpoint (size ${size}, root ${root}) is not the source log's`;
  });
  for (const r of body.source.results) {
    const e = source.entries[r.index];
    check(
      e?.type === 'result' && e.body['contest'] === r.contest && toBase64(leafHash(e.bytes)) === r.hash,
      'DERIVED_ROLL_MISMATCH',
      () => `roll.derived's result entry ${r.index} (contest ${r.contest}) is not in the source log`,
    );
  }
}

/** The source's winners of the contests used, each with the membership number its candidate.added entry gave. */
function sourceWinners(body: RollDerivedBody, source: VerifiedSource): DerivedWinner[] {
  const membership = new Map<string, unknown>();
  for (const e of source.entries)
    if (e.type === 'candidate.added') membership.set(String(e.body['candidate']), e.body['membership']);
  return body.contests.flatMap(({ contest }) => {
    const outcome = source.contests.find((c) => c.contest === contest);
    if (outcome === undefined)
      return fail(`roll.derived uses contest ${contest}, which the source did not count`);
    return outcome.elected.map((w) => {
      const m = membership.get(w.id);
      if (typeof m !== 'string')
        return fail(`source winner ${w.name} (${outcome.title}) has no membership number`);
      return { contest, candidate: w.id, membership: m };
    });
  });
}

/** The first difference between the logged entries and the ones the source's winners give, by membership. */
function compareEntries(body: RollDerivedBody, winners: readonly DerivedWinner[]): void {
  const expected = derivedRollEntries(winners, new Map(body.contests.map((c) => [c.contest, c.weight])));
  const wanted = new Set(expected.map((e) => e.membershipNumber));
  const listed = new Set(body.entries.map((e) => e.membershipNumber));
  const intruder = body.entries.find((e) => !wanted.has(e.membershipNumber));
  if (intruder)
    fail(
      `roll.derived lists membership number ${intruder.membershipNumber} (position ${intruder.position}), who is not a winner of the source's contests`,
    );
  const absent = expected.find((e) => !listed.has(e.membershipNumber));
  if (absent)
    fail(`the source's winner with membership number ${absent.membershipNumber} is not on the roll`);
  expected.forEach((e, i) => {
    const logged = body.entries[i];
    check(
      logged?.membershipNumber === e.membershipNumber &&
        logged.weight === e.weight &&
        logged.position === i + 1,
      'DERIVED_ROLL_MISMATCH',
      () =>
        `roll.derived position ${i + 1}: expected membership number ${e.membershipNumber} with weight ${e.weight}, the entry says ${logged?.membershipNumber} with weight ${logged?.weight}`,
    );
  });
}

/** Each derived entry opens its leaf of roll/commitment.json (status active, or removed if the log removed it). */
async function checkLeaves(read: ReadFile, election: string, body: RollDerivedBody, removed: Set<number>) {
  const file = (await readJson(read, paths.rollCommitment)) as { leaves?: unknown };
  const leaves = Array.isArray(file?.leaves) ? (file.leaves as unknown[]) : [];
  for (const e of body.entries) {
    const status = removed.has(e.position) ? 'removed' : 'active';
    const leaf = {
      election,
      position: e.position,
      membershipNumber: e.membershipNumber,
      weight: e.weight,
      status,
      salt: e.salt,
    };
    check(
      toBase64(leafHash(canonicalBytes(leaf))) === leaves[e.position - 1],
      'DERIVED_ROLL_MISMATCH',
      () => {
        return `${paths.rollCommitment}: the leaf at position ${e.position} is not membership number ${e.membershipNumber} with weight ${e.weight}`;
      },
    );
  }
}

export async function checkDerivedRoll(
  read: ReadFile,
  election: string,
  entries: readonly ParsedEntry[],
  verifySource: (() => Promise<VerifiedSource>) | undefined,
): Promise<DerivedRollCheck> {
  const derived = entries.filter((e) => e.type === 'roll.derived');
  if (derived.length === 0) return { kind: 'not-derived' };
  check(
    derived.length === 1,
    'DERIVED_ROLL_MISMATCH',
    () => `the log has ${derived.length} roll.derived entries`,
  );
  const body = derived[0]!.body as unknown as RollDerivedBody;
  if (verifySource === undefined) return { kind: 'not-checked', source: body.source.election };
  const source = await verifySource();
  checkSourceLog(body, source);
  compareEntries(body, sourceWinners(body, source));
  const removed = new Set(
    entries.filter((e) => e.type === 'roll.removed').map((e) => Number(e.body['position'])),
  );
  await checkLeaves(read, election, body, removed);
  return {
    kind: 'checked',
    source: body.source.election,
    entries: body.entries.length,
    weight: body.entries.reduce((s, e) => s + e.weight, 0),
  };
}
