// Nominations as the API serves them (`listNominations`, services/api/src/routes/nominations.ts) and the words
// the nominations page uses for them: thresholds, counts and each candidate's standing.

export type CandidateStatus = 'nominated' | 'longlisted' | 'shortlisted' | 'rejected' | 'withdrawn';

export interface NominatedCandidate {
  readonly id: string;
  readonly name: string;
  readonly status: CandidateStatus;
  /** The officer's written reason for the latest decision; null before any decision. */
  readonly reason: string | null;
  readonly memberNominations: number;
  /** The affiliates that nominated, by name. */
  readonly affiliateNominations: readonly string[];
  readonly meetsThreshold: boolean;
  /** The decision's audit-log entry, when the API reports it. */
  readonly logEntry?: { readonly index: number; readonly type?: string };
}

export interface Threshold {
  readonly members?: number;
  readonly affiliates?: number;
}

export interface NominationsResponse {
  readonly contests: readonly {
    readonly id: string;
    readonly title: string;
    readonly threshold: Threshold;
    readonly candidates: readonly NominatedCandidate[];
  }[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "at least 2 members or at least 1 affiliate", or null when the contest has no threshold. */
export function thresholdWords(t: Threshold): string | null {
  const parts = [
    ...(t.members === undefined ? [] : [`at least ${plural(t.members, 'member', 'members')}`]),
    ...(t.affiliates === undefined ? [] : [`at least ${plural(t.affiliates, 'affiliate', 'affiliates')}`]),
  ];
  return parts.length === 0 ? null : parts.join(' or ');
}

/** "2 members and 1 affiliate (Unite Branch 42)", "no one". */
export function nominatedBy(c: NominatedCandidate): string {
  const parts = [
    ...(c.memberNominations === 0 ? [] : [plural(c.memberNominations, 'member', 'members')]),
    ...(c.affiliateNominations.length === 0
      ? []
      : [
          `${plural(c.affiliateNominations.length, 'affiliate', 'affiliates')} (${c.affiliateNominations.join(', ')})`,
        ]),
  ];
  return parts.length === 0 ? 'no one' : parts.join(' and ');
}

/** The groups the page shows, in this order: on the ballot first, left off last. */
export const STATUS_GROUPS: readonly { status: CandidateStatus; heading: string; standing: string }[] = [
  { status: 'shortlisted', heading: 'Shortlisted', standing: 'Shortlisted: on the ballot' },
  { status: 'longlisted', heading: 'Longlisted', standing: 'Longlisted: not yet shortlisted' },
  { status: 'nominated', heading: 'Awaiting a decision', standing: 'Nominated: no decision yet' },
  { status: 'rejected', heading: 'Rejected', standing: 'Rejected: left off the ballot' },
  { status: 'withdrawn', heading: 'Withdrawn', standing: 'Withdrew: left off the ballot' },
];

/** "3 candidates: 1 shortlisted, 1 rejected, 1 awaiting a decision". */
export function statusSummary(candidates: readonly NominatedCandidate[]): string {
  const counts = STATUS_GROUPS.map(
    (g) => [g, candidates.filter((c) => c.status === g.status).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([g, n]) => `${n} ${g.heading.toLowerCase()}`);
  return `${plural(candidates.length, 'candidate', 'candidates')}${counts.length ? `: ${counts.join(', ')}` : ''}`;
}

const STATE_WORDS: Readonly<Record<string, string>> = {
  draft: 'Nominations have not opened yet.',
  nominations: 'Nominations are open: members can nominate, and affiliates’ nominations are being entered.',
  shortlist: 'Nominations have closed and the candidates are being shortlisted.',
};

/** What stage the election is in, for this page. */
export function nominationsStage(state: string): string {
  return (
    STATE_WORDS[state] ??
    `Nominations and shortlisting are over (the election is now ${state}); this is the record of how the ballot was drawn up.`
  );
}
