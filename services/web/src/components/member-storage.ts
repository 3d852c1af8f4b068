// What the member's browser keeps, and where. localStorage (this device, until the member clears it): the
// device state (ballot and identity seeds, credential, counter: secret, never sent), the last rankings (to
// reopen the ballot on "change my vote") and the last receipt. sessionStorage (this tab only): the sign-in
// session, so "Am I on the roll?" works without a second code. "Forget this ballot" deletes the device state,
// the rankings and the session, and keeps only the receipt (it shows that the ballot is in the log, not how it
// voted), so that someone else using this browser can neither see the vote nor replace it.
import type { MemberState } from '@openslate/client';

export type Rankings = Readonly<Record<string, readonly string[]>>;
export interface Receipt {
  readonly hash: string;
  readonly tracker: string;
  readonly logIndex: number;
}
export interface SavedVote {
  readonly device: MemberState;
  readonly rankings: Rankings;
  readonly receipt: Receipt | null;
}

const voteKey = (election: string) => `openslate.vote.${election}`;
const sessionKey = (election: string) => `openslate.session.${election}`;
const receiptKey = (election: string) => `openslate.receipt.${election}`;

export function loadVote(election: string): SavedVote | null {
  const text = localStorage.getItem(voteKey(election));
  if (!text) return null;
  try {
    const saved = JSON.parse(text) as SavedVote;
    return saved.device?.electionId === election ? saved : null;
  } catch {
    return null;
  }
}

export function saveVote(election: string, vote: SavedVote): void {
  localStorage.setItem(voteKey(election), JSON.stringify(vote));
}

export const loadSession = (election: string): string | null => sessionStorage.getItem(sessionKey(election));
export const saveSession = (election: string, token: string): void =>
  sessionStorage.setItem(sessionKey(election), token);

/** Deletes the ballot's keys, credential, rankings and session from this browser, keeping only the receipt. */
export function forgetVote(election: string, receipt: Receipt): void {
  localStorage.setItem(receiptKey(election), JSON.stringify(receipt));
  localStorage.removeItem(voteKey(election));
  sessionStorage.removeItem(sessionKey(election));
}

/** The receipt kept after the member asked this browser to forget their ballot. */
export function loadKeptReceipt(election: string): Receipt | null {
  const text = localStorage.getItem(receiptKey(election));
  if (!text) return null;
  try {
    return JSON.parse(text) as Receipt;
  } catch {
    return null;
  }
}
