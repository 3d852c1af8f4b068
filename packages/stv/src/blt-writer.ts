// Writes an Election as a BLT file, so that any count can be repeated by other STV programs (OpenSTV, Droop,
// stv-rs, OpenTally). Plain BLT (ERS format) plus two of Droop's widely read extensions, used only when needed:
// `[tie ...]` for an explicit tie-break order and `a=b` for equal rankings.
import { StvInputError } from './errors.js';
import type { Election } from './types.js';

export interface BltWriteOptions {
  /** Writes each candidate's affiliation as a second quoted string, as Glasgow's files do (default false). */
  readonly affiliations?: boolean;
}

/** A BLT quoted string; BLT has no escapes, so a double quote or line break cannot be written. */
function quoted(text: string, what: string): string {
  if (/["\r\n]/.test(text)) {
    throw new StvInputError('blt-names', `${what} ${JSON.stringify(text)} contains a quote or line break`);
  }
  return `"${text}"`;
}

/** The BLT text, "\n" line ends. Candidates are numbered from 1 in `election.candidates` order. */
export function writeBlt(election: Election, options: BltWriteOptions = {}): string {
  const number = (id: number): string => String(id + 1);
  const lines = [`${election.candidates.length} ${election.seats}`];
  // Withdrawn candidates as negative numbers on the line after the header (ERS / OpenSTV convention).
  if (election.withdrawn.length > 0) lines.push(election.withdrawn.map((id) => `-${number(id)}`).join(' '));
  if (election.tieOrder && election.tieOrder.length > 0)
    lines.push(`[tie ${election.tieOrder.map(number).join(' ')}]`);
  for (const ballot of election.ballots) {
    if (ballot.weight <= 0n || ballot.preferences.length === 0) continue;
    const ranking = ballot.preferences.map((p) => p.map(number).join('='));
    lines.push(`${ballot.weight} ${ranking.join(' ')} 0`);
  }
  lines.push('0');
  for (const c of election.candidates) {
    const name = quoted(c.name, 'candidate name');
    lines.push(
      options.affiliations && c.affiliation !== undefined
        ? `${name} ${quoted(c.affiliation, 'party')}`
        : name,
    );
  }
  lines.push(quoted(election.title, 'title'));
  return `${lines.join('\n')}\n`;
}
