// Check 'proposals' (docs/bundle-format.md): the proposals' entries replayed (proposal-replay.ts); every scheduled
// motion is in the voting manifest as a yes-no-abstain contest with its `question.proposal` link, amendments on the
// ballot before their proposal, and no other contest claims a proposal; each `proposal.outcome` (after every
// `result`, before the count's state entry) equals packages/questions resolveAmendments over the recounted reports,
// ids replaced by proposal ids, exactly as the API's count (docs/log-entries.md "proposal.outcome").
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { resolveAmendments, type YesNoReport } from '@openslate/questions';
import { check, VerifyError } from '../errors.js';
import type { ParsedEntry } from '../log-entries.js';
import type { ManifestContest } from '../manifest.js';
import { replayProposals, type ReplayedProposal } from './proposal-replay.js';
import type { ElectionSequence } from './sequence.js';

export interface ProposalOutcome {
  readonly proposal: string;
  readonly contest: string;
  readonly carried: boolean;
  readonly words: string;
}

export interface CheckedProposals {
  readonly drafted: number;
  readonly scheduled: number;
  readonly outcomes: readonly ProposalOutcome[];
}

const canon = (v: unknown): string => canonicalize((v ?? null) as JsonValue);

/** Each scheduled proposal's motion is in the manifest, linked back, amendments first; no contest links another. */
function checkManifest(
  contests: readonly ManifestContest[],
  proposals: ReadonlyMap<string, ReplayedProposal>,
) {
  const position = new Map(contests.map((c, i) => [c.id, i] as const));
  for (const p of proposals.values()) {
    if (p.scheduled === undefined) continue;
    const { contest } = p.scheduled;
    const c = contests[position.get(contest) ?? -1];
    const link = { id: p.id, ...(p.amends !== null && { amends: p.amends }) };
    check(
      c?.kind === 'yes-no-abstain' && canon(c.question?.proposal) === canon(link),
      'PROPOSAL_NOT_IN_MANIFEST',
      () =>
        c === undefined
          ? `proposal ${p.id} was scheduled as contest ${contest}, which is not in the voting manifest`
          : `contest ${contest} in the voting manifest is not a yes-no-abstain motion linked to ${canon(link)}`,
    );
    const amended = p.amends === null ? undefined : proposals.get(p.amends)?.scheduled;
    check(
      amended === undefined || position.get(contest)! < (position.get(amended.contest) ?? -1),
      'PROPOSAL_NOT_IN_MANIFEST',
      () => `amendment ${p.id} (contest ${contest}) is not on the ballot before the proposal it amends`,
    );
  }
  for (const c of contests) {
    const id = c.question?.proposal?.id;
    check(
      id === undefined || proposals.get(id)?.scheduled?.contest === c.id,
      'PROPOSAL_NOT_IN_MANIFEST',
      () => {
        return `contest ${c.id} in the voting manifest claims proposal ${id}, which was not scheduled as it`;
      },
    );
  }
}

/** What `proposal.outcome` must say for each scheduled proposal, from the recounted reports (as the API's count). */
function expectedOutcomes(
  contests: readonly ManifestContest[],
  reports: ReadonlyMap<string, Record<string, unknown>>,
): Map<string, Record<string, unknown>> {
  const motions = contests.flatMap((c) => {
    const link = c.question?.proposal;
    const report = reports.get(c.id);
    return link && report
      ? [{ contest: c.id, ...link, report: { ...report, id: link.id } as YesNoReport }]
      : [];
  });
  const expected = new Map<string, Record<string, unknown>>();
  for (const m of motions.filter((x) => x.amends === undefined)) {
    const amendments = motions.filter((a) => a.amends === m.id);
    const resolved = resolveAmendments(
      amendments.map((a) => a.report),
      m.report,
    );
    if (!resolved.ok)
      throw new VerifyError('PROPOSAL_OUTCOME_MISMATCH', `proposal ${m.id}: ${resolved.error.message}`);
    const { adopted, rejected, text, carried, words } = resolved.value;
    const listed = amendments.map((a) => ({ proposal: a.id, contest: a.contest, carried: a.report.carried }));
    expected.set(m.id, {
      proposal: m.id,
      contest: m.contest,
      amendments: listed,
      adopted,
      rejected,
      text,
      carried,
      words,
    });
  }
  return expected;
}

/** Every `proposal.outcome` entry is where it belongs and equals the recount's; each scheduled proposal has one. */
function checkOutcomes(
  entries: readonly ParsedEntry[],
  expected: ReadonlyMap<string, Record<string, unknown>>,
): ProposalOutcome[] {
  const lastResult = entries.reduce((last, e) => (e.type === 'result' ? e.index : last), -1);
  const counted = entries.find((e) => e.type === 'election.state' && e.body['to'] === 'counted')?.index;
  const seen = new Set<string>();
  const outcomes: ProposalOutcome[] = [];
  for (const e of entries.filter((x) => x.type === 'proposal.outcome')) {
    const id = String(e.body['proposal']);
    const want = expected.get(id);
    check(want !== undefined && !seen.has(id), 'PROPOSAL_OUTCOME_MISMATCH', () => {
      return `log entry ${e.index}: ${seen.has(id) ? 'a second outcome' : 'an outcome'} for proposal ${id}, ${seen.has(id) ? '' : 'which is not a scheduled proposal'}`.trim();
    });
    check(e.index > lastResult && (counted === undefined || e.index < counted), 'PROPOSAL_ILLEGAL', () => {
      return `log entry ${e.index}: the outcome of ${id} is not between the last result (${lastResult}) and the count's state entry (${counted})`;
    });
    seen.add(id);
    for (const field of new Set([...Object.keys(want), ...Object.keys(e.body)]))
      check(canon(e.body[field]) === canon(want[field]), 'PROPOSAL_OUTCOME_MISMATCH', () => {
        return `log entry ${e.index}: the outcome of proposal ${id} says ${field} ${canon(e.body[field])}, the recount gives ${canon(want[field])}`;
      });
    outcomes.push({
      proposal: id,
      contest: String(want['contest']),
      carried: want['carried'] === true,
      words: String(want['words']),
    });
  }
  const missing = [...expected.keys()].find((id) => !seen.has(id));
  check(
    missing === undefined,
    'PROPOSAL_OUTCOME_MISMATCH',
    () => `the log has no outcome for proposal ${missing}`,
  );
  return outcomes;
}

export function checkProposals(
  entries: readonly ParsedEntry[],
  sequence: ElectionSequence,
  reports: ReadonlyMap<string, Record<string, unknown>>,
): CheckedProposals {
  const { proposals } = replayProposals(entries, sequence.openIndex);
  const contests = sequence.manifest.contests;
  checkManifest(contests, proposals);
  const outcomes = checkOutcomes(entries, expectedOutcomes(contests, reports));
  const scheduled = [...proposals.values()].filter((p) => p.scheduled !== undefined).length;
  return { drafted: proposals.size, scheduled, outcomes };
}

/** The check's line: "no proposals", or what was replayed and each proposal's outcome in words. */
export function proposalsWords(c: CheckedProposals): string {
  if (c.drafted === 0) return 'proposals: no proposals';
  const outcomes = c.outcomes.map((o) => o.words).join(' ');
  return (
    `proposals: ${c.drafted} drafted, support counts and eligibility replayed, ${c.scheduled} scheduled motion(s) in the manifest` +
    (outcomes ? `; outcomes equal the recount: ${outcomes}` : '')
  );
}
