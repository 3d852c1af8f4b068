// Proposals (motions) as the public API serves them (services/api/src/routes/proposals.ts listProposals and
// count-routes.ts getResults `proposals`; docs/log-entries.md "Proposals"), and the words the pages say about
// them: how far a proposal is from its threshold, its state, and the count's outcome with titles for ids.

export interface ProposalSettings {
  readonly threshold: { readonly members?: number; readonly affiliates?: number };
  readonly supporters: 'public' | 'counted';
}
export type ProposalState = 'draft' | 'eligible' | 'scheduled' | 'carried' | 'not-carried';
export interface LogRef {
  readonly index: number;
  readonly type: string;
}
export interface Proposal {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly amends: string | null;
  readonly amendments: readonly string[];
  readonly drafterKind: 'member' | 'affiliate';
  readonly state: ProposalState;
  readonly contest: string | null;
  readonly supporters: {
    readonly members: number;
    readonly affiliates: number;
    readonly memberNames?: readonly string[];
    readonly affiliateNames?: readonly string[];
  };
  readonly logEntries: readonly LogRef[];
}
export interface ProposalList {
  readonly settings: ProposalSettings;
  readonly proposals: readonly Proposal[];
}
/** One counted motion of getResults' `proposals`: `words` on a proposal (not on its amendments). */
export interface ProposalOutcome {
  readonly proposal: string;
  readonly title: string;
  readonly amends: string | null;
  readonly contest: string | null;
  readonly carried?: boolean;
  readonly words?: string;
}
/** A proposal as the ballot's contest carries it (`question.proposal`, services/api scheduleOne). */
export interface ProposalLink {
  readonly id: string;
  readonly amends?: string;
}

/** Proposals may be drafted and supported only before voting opens (the API's BEFORE_VOTING). */
export const OPEN_FOR_SUPPORT: readonly string[] = ['draft', 'nominations', 'shortlist'];

export const STATE_WORDS: Readonly<Record<ProposalState, string>> = {
  draft: 'Draft: gathering support',
  eligible: 'Eligible: enough support to be put to the vote',
  scheduled: 'Scheduled: on the ballot',
  carried: 'Carried',
  'not-carried': 'Not carried',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "10 members or 1 affiliate" (either suffices; an unset one is left out). */
export function thresholdWords(t: ProposalSettings['threshold']): string {
  const parts = [
    t.members !== undefined && plural(t.members, 'member', 'members'),
    t.affiliates !== undefined && plural(t.affiliates, 'affiliate', 'affiliates'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(' or ');
}

/** How far the support is from the threshold: "3 more members needed" or "threshold reached". */
export function distanceWords(t: ProposalSettings['threshold'], s: Proposal['supporters']): string {
  const members = t.members === undefined ? null : Math.max(0, t.members - s.members);
  const affiliates = t.affiliates === undefined ? null : Math.max(0, t.affiliates - s.affiliates);
  if (members === 0 || affiliates === 0) return 'Threshold reached';
  const parts = [
    members !== null && plural(members, 'more member', 'more members'),
    affiliates !== null && plural(affiliates, 'more affiliate', 'more affiliates'),
  ].filter((p): p is string => typeof p === 'string');
  return `${parts.join(' or ')} needed`;
}

/** "4 members and 1 affiliate support it". */
export function supportWords(s: Proposal['supporters']): string {
  return `${plural(s.members, 'member', 'members')} and ${plural(s.affiliates, 'affiliate', 'affiliates')}`;
}

/** The count's words (which name proposals by id) with each id replaced by its title in quotation marks. */
export function titledWords(words: string, titles: ReadonlyMap<string, string>): string {
  let out = words;
  for (const [id, title] of titles) out = out.split(id).join(`“${title}”`);
  return out;
}

/** Each counted proposal (not amendment) with its outcome in words that name titles, in ballot order. */
export function outcomeSentences(outcomes: readonly ProposalOutcome[]): { id: string; words: string }[] {
  const titles = new Map(outcomes.map((o) => [o.proposal, o.title]));
  return outcomes
    .filter((o) => o.amends === null && o.words !== undefined)
    .map((o) => ({ id: o.proposal, words: titledWords(o.words!, titles) }));
}
