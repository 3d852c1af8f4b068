// Identical ballots grouped once, before any count: the rules then move groups, so the cost of a count grows
// with the number of different rankings, not the number of voters. Rankings are stored end to end in one
// Int32Array (no object per ballot), found again by a hash of the ranking.
import { StvInputError } from './errors.js';
import type { Election, RuleName } from './types.js';

export interface BallotGroups {
  /** Every group's ranking (candidate indices, highest preference first), end to end. */
  readonly prefs: Int32Array;
  /** Group g's ranking is prefs[start[g]] .. prefs[start[g + 1] - 1]. */
  readonly start: Int32Array;
  /** Number of papers in each group. */
  readonly weights: Float64Array;
  readonly count: number;
}

/**
 * Groups identical rankings. Papers with no preference are not valid votes and are left out; equal rankings
 * are refused (only Meek defines them).
 */
export function groupBallots(election: Election, rule: RuleName): BallotGroups {
  let length = 0;
  for (const b of election.ballots) length += b.preferences.length;
  const prefs = new Int32Array(length);
  const start = new Int32Array(election.ballots.length + 1);
  const weights = new Float64Array(election.ballots.length);
  // Open-addressing hash table of groups: slot → group + 1 (0 = empty), probed linearly.
  let size = 1;
  while (size < 2 * election.ballots.length) size *= 2;
  const table = new Int32Array(size);
  const hashes = new Int32Array(election.ballots.length);
  let groups = 0;
  let end = 0;
  let total = 0;
  for (const ballot of election.ballots) {
    const ranking = ballot.preferences;
    if (ballot.weight === 0n || ranking.length === 0) continue;
    const weight = Number(ballot.weight);
    total += weight;
    if (!Number.isSafeInteger(total)) throw new StvInputError('blt-weight', 'too many ballots to count');
    // Write the ranking after the last group, then keep it only if no group has it already.
    const from = end;
    let hash = 0x811c9dc5;
    for (let i = 0; i < ranking.length; i++) {
      const pref = ranking[i] as readonly number[];
      if (pref.length !== 1) {
        throw new StvInputError(
          'unsupported-ranking',
          `the ${rule} rule does not allow equal rankings; use meek`,
        );
      }
      const c = pref[0] as number;
      prefs[end++] = c;
      hash = Math.imul(hash ^ (c + 1), 0x01000193); // FNV-1a over the candidate numbers
    }
    let slot = hash & (size - 1);
    let found = -1;
    for (let g = (table[slot] as number) - 1; g >= 0; g = (table[slot] as number) - 1) {
      if (hashes[g] === hash && equalRange(prefs, start[g] as number, start[g + 1] as number, from, end)) {
        found = g;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
    if (found >= 0) {
      weights[found] = (weights[found] as number) + weight;
      end = from;
      continue;
    }
    table[slot] = groups + 1;
    hashes[groups] = hash;
    weights[groups] = weight;
    start[++groups] = end;
  }
  return { prefs, start: start.subarray(0, groups + 1), weights: weights.subarray(0, groups), count: groups };
}

function equalRange(a: Int32Array, from1: number, to1: number, from2: number, to2: number): boolean {
  if (to1 - from1 !== to2 - from2) return false;
  for (let i = 0; i < to1 - from1; i++) if (a[from1 + i] !== a[from2 + i]) return false;
  return true;
}
