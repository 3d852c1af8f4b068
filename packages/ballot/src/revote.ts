// Which ballot counts when a credential votes more than once. Rule (docs/protocol.md "Revoting"):
//   1. per ballot key, the ballot with the highest counter counts;
//   2. among ballots with that counter, the one earliest in the log (lowest log index) counts;
//   3. every other ballot of that key is superseded.
// Rule 2 means a ballot a voter has a receipt for can only be displaced by one with a higher counter, which only
// the holder of the ballot key can sign. Same function for the API (at cast time) and for verifiers.

export interface RevoteEntry {
  readonly logIndex: number;
  readonly ballotKey: string;
  readonly counter: number;
}

export interface RevoteOutcome<T extends RevoteEntry> {
  /** One ballot per ballot key, in log order. */
  readonly counted: T[];
  /** Every other ballot, in log order. */
  readonly superseded: T[];
}

const beats = (a: RevoteEntry, b: RevoteEntry): boolean =>
  a.counter > b.counter || (a.counter === b.counter && a.logIndex < b.logIndex);

export function resolveRevotes<T extends RevoteEntry>(entries: readonly T[]): RevoteOutcome<T> {
  const best = new Map<string, T>();
  for (const entry of entries) {
    const current = best.get(entry.ballotKey);
    if (current === undefined || beats(entry, current)) best.set(entry.ballotKey, entry);
  }
  const winners = new Set(best.values());
  const byLog = (a: T, b: T) => a.logIndex - b.logIndex;
  return {
    counted: [...winners].sort(byLog),
    superseded: entries.filter((e) => !winners.has(e)).sort(byLog),
  };
}
