// A roll derived from an earlier election's winners (issue #9, delegate bodies): the body of the `roll.derived`
// log entry (docs/log-entries.md "Derived rolls") and the one rule that turns winners and weights into entries.

/** A winner of one of the source election's contests, with the membership number of the member standing. */
export interface DerivedWinner {
  readonly contest: string;
  readonly candidate: string;
  readonly membership: string;
}

/** One entry of the derived roll before it is placed: a member, the weight, and the seats that gave it. */
export interface DerivedRollEntry {
  readonly membershipNumber: string;
  readonly weight: number;
  readonly winners: readonly { readonly contest: string; readonly candidate: string }[];
}

/** `roll.derived` body: what the new election's roll was built from, and the entries it got. */
export interface RollDerivedBody {
  readonly source: {
    readonly election: string;
    /** The source's sealed checkpoint (the close), as the count was seeded with it. */
    readonly sealed: { readonly size: number; readonly root: string };
    /** The source's `result` entries used: log index and RFC 9162 leaf hash (base64) of each. */
    readonly results: readonly { readonly contest: string; readonly index: number; readonly hash: string }[];
  };
  /** The contests whose winners join the roll, each with the weight every one of its winners gets. */
  readonly contests: readonly { readonly contest: string; readonly weight: number }[];
  /** The roll entries in position order, with each leaf's salt: a derived roll is public, as its winners are. */
  readonly entries: readonly (DerivedRollEntry & { readonly position: number; readonly salt: string })[];
}

/**
 * Winners → roll entries: one entry per membership number, in order of first appearance (contests in the given
 * order, winners in order of election); a member who won in several contests gets the sum of their weights.
 */
export function derivedRollEntries(
  winners: readonly DerivedWinner[],
  weights: ReadonlyMap<string, number>,
): DerivedRollEntry[] {
  const byMember = new Map<string, { weight: number; winners: { contest: string; candidate: string }[] }>();
  for (const w of winners) {
    const entry = byMember.get(w.membership) ?? { weight: 0, winners: [] };
    entry.weight += weights.get(w.contest) ?? 0;
    entry.winners.push({ contest: w.contest, candidate: w.candidate });
    byMember.set(w.membership, entry);
  }
  return [...byMember].map(([membershipNumber, e]) => ({ membershipNumber, ...e }));
}
