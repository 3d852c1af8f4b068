// roll/changes.json: how many roll entries were added and removed, by reason (entries `roll.added`,
// `roll.removed` of docs/log-entries.md). Reasons only: positions are public, identities are not.
import type { LogEntry } from '@openslate/log';

export interface RollChanges {
  readonly imported: number;
  readonly added: Record<string, number>;
  readonly removed: Record<string, number>;
}

export function rollChanges(entries: readonly LogEntry[]): RollChanges {
  let imported = 0;
  const added: Record<string, number> = {};
  const removed: Record<string, number> = {};
  for (const { type, body } of entries) {
    const reason = typeof body['reason'] === 'string' ? body['reason'] : 'unspecified';
    if (type === 'roll.imported' && typeof body['entries'] === 'number') imported += body['entries'];
    else if (type === 'roll.added') added[reason] = (added[reason] ?? 0) + 1;
    else if (type === 'roll.removed') removed[reason] = (removed[reason] ?? 0) + 1;
  }
  return { imported, added, removed };
}
