import {
  candidateId,
  count,
  type Ballot,
  type CandidateId,
  type Election,
  type Report,
} from '@openslate/stv';
import type { ManifestContest } from './manifest.js';

// Moved here from services/api/src/voting/tally.ts: the API's count and the independent verifier run this one function.

// A decrypted contest choice as the ballot carries it: { ranking: [id, [id, id], ...] }, an inner array being an equal ranking.
type Ranking = readonly (string | readonly string[])[];

export interface ContestTally {
  readonly election: Election;
  readonly report: Report;
  /** Ballots whose choice for this contest could not be read as a ranking of its candidates. */
  readonly invalid: number;
  /** Ballots that ranked nobody in this contest. */
  readonly blank: number;
}

/**
 * Turns one ranking into preferences, or null if it is not a ranking of this contest's candidates
 * (unknown candidate, a candidate twice, not an array): such a choice is invalid, never a crash.
 */
export function toPreferences(
  value: unknown,
  index: ReadonlyMap<string, CandidateId>,
): CandidateId[][] | null {
  const ranking = (value as { ranking?: unknown } | null)?.ranking;
  if (!Array.isArray(ranking)) return null;
  const seen = new Set<string>();
  const prefs: CandidateId[][] = [];
  for (const position of ranking as Ranking) {
    const group = typeof position === 'string' ? [position] : Array.isArray(position) ? position : null;
    if (!group || group.length === 0) return null;
    const ids: CandidateId[] = [];
    for (const id of group) {
      const c = typeof id === 'string' ? index.get(id) : undefined;
      if (c === undefined || seen.has(id)) return null;
      seen.add(id);
      ids.push(c);
    }
    prefs.push(ids);
  }
  return prefs;
}

/** Counts one contest from the decrypted choices of the counted ballots (each with its credential's weight). */
export function tallyContest(
  contest: ManifestContest,
  choices: readonly { value: unknown; weight: number }[],
  seed: string,
): ContestTally {
  const index = new Map(contest.candidates.map((c, i) => [c.id, candidateId(i)] as const));
  const groups = new Map<string, Ballot>();
  let invalid = 0;
  let blank = 0;
  for (const { value, weight } of choices) {
    if (value === undefined) {
      blank++;
      continue;
    }
    const prefs = toPreferences(value, index);
    if (prefs === null) {
      invalid++;
      continue;
    }
    if (prefs.length === 0) {
      blank++;
      continue;
    }
    // Identical rankings are one weighted ballot: the count's cost grows with distinct rankings, not voters.
    const key = JSON.stringify(prefs);
    const prior = groups.get(key);
    groups.set(key, { weight: (prior?.weight ?? 0n) + BigInt(weight), preferences: prefs });
  }
  const election: Election = {
    title: contest.title,
    seats: contest.seats,
    candidates: contest.candidates.map((c, i) => ({
      id: candidateId(i),
      name: c.name,
      attributes: c.attributes,
    })),
    withdrawn: [],
    ballots: [...groups.values()],
  };
  const report = count(election, {
    rule: contest.rules as 'scottish' | 'ers97' | 'wigm' | 'meek',
    constraints: contest.constraints,
    seed,
  });
  return { election, report, invalid, blank };
}
