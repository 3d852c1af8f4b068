// What the member pages read about an election: the public election (statements, attributes, log key) merged
// with the voting manifest (the ballot's candidates, in ballot order), and the contest's rule in one sentence.
import { api } from '../api.js';
import type { Constraint, Contest as BaseContest, Election as BaseElection } from './election-types.js';
import type { KindFields } from './member-question-rule.js';

/** A contest of any kind: STV, or a question with its settings and quorum. */
export interface Contest extends BaseContest, KindFields {}
/** The public election with the log's identity, which the receipt check needs. */
export interface Election extends BaseElection<Contest> {
  readonly log: { readonly origin: string; readonly verifierKey: string };
}
interface Manifest {
  readonly contests: readonly {
    readonly id: string;
    readonly candidates: readonly { readonly id: string }[];
  }[];
  readonly roll: { readonly size: number; readonly root: string };
}

export const getElection = (id: string) => api.call<Election>('getElection', { params: { election: id } });
export const getManifest = (id: string) => api.call<Manifest>('getManifest', { params: { election: id } });

/** The election as its ballot shows it: each contest's candidates are the manifest's, in its order. */
export async function loadBallotElection(id: string): Promise<Election> {
  // Both at once (one round trip, not two); the manifest exists only once voting has opened.
  const [election, manifest] = await Promise.all([getElection(id), getManifest(id).catch(() => null)]);
  if (election.state !== 'voting') return election;
  if (!manifest) throw new Error('the voting manifest could not be loaded; reload the page');
  return {
    ...election,
    contests: manifest.contests.map((m) => {
      const c = election.contests.find((x) => x.id === m.id);
      if (!c) throw new Error(`contest ${m.id} of the manifest is not in the election`);
      const byId = new Map(c.candidates.map((k) => [k.id, k]));
      return {
        ...c,
        candidates: m.candidates.map(
          (k) => byId.get(k.id) ?? { id: k.id, name: k.id, statement: '', attributes: {} },
        ),
      };
    }),
  };
}

const RULES: Readonly<Record<string, string>> = {
  scottish: 'Scottish STV rules',
  ers97: 'ERS97 rules',
  wigm: 'weighted inclusive Gregory method',
  meek: "Meek's method",
};

// Plural nouns for the attribute values constraints use most; anything else is quoted as it is.
const PLURAL: Readonly<Record<string, string>> = { woman: 'women', man: 'men', 'non-binary': 'non-binary' };

function constraintText(k: Constraint): string {
  const who = k.attribute === 'gender' && PLURAL[k.value] ? PLURAL[k.value] : `${k.attribute} "${k.value}"`;
  const parts = [];
  if (k.min !== undefined) parts.push(`at least ${k.min}`);
  if (k.max !== undefined) parts.push(`at most ${k.max}`);
  return `${parts.join(' and ')} of those elected must be ${who}`;
}

/** "3 seats, counted by single transferable vote (ERS97 rules); at least 2 of those elected must be women". */
export function contestRule(c: Contest): string {
  const seats = c.seats === 1 ? '1 seat' : `${c.seats} seats`;
  const rule = `${seats}, counted by single transferable vote (${RULES[c.rules] ?? c.rules})`;
  return [rule, ...c.constraints.map(constraintText)].join('; ');
}

/** "Slate: Grassroots Left · Gender: woman". */
export function attributesText(attributes: Readonly<Record<string, string>>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k.charAt(0).toUpperCase()}${k.slice(1)}: ${v}`)
    .join(' · ');
}

/** What a state means for a member who wants to vote. */
export function votingStateText(state: string): string {
  if (['draft', 'nominations', 'shortlist'].includes(state))
    return `Voting has not opened yet: this election is at the ${state} stage. Your invitation link will work once voting opens.`;
  if (state === 'voting') return 'Voting is open.';
  return `Voting has closed (this election is now ${state}). Ballots can no longer be cast or changed.`;
}
