// What a member's roll page (`GET /api/elections/:id/me`) needs from the whole election — the roll's history in
// the log and the roll commitment — kept per election and brought up to date from the log entries appended since
// the last request. The log is append-only, so what was read stays true; every change of the roll is logged (a
// `roll.*` entry) in the transaction that makes it, so the commitment is rebuilt only after a new `roll.*` entry.
// Without this, each request parsed the whole log and hashed the whole roll: quadratic over an election.
import { parseEntry } from '@openslate/log';
import type { AppContext } from './context.js';
import { commitRoll, type RollCommitment, type RollLeaf } from './roll-commitment.js';
import { rollLeaves } from './roll-leaves.js';

type Db = AppContext['database']['db'];

/** One `roll.*` log entry, as a member's history shows it. */
export interface RollEvent {
  readonly logIndex: number;
  readonly type: string;
  readonly reason: unknown;
  /** The one roll position it concerns (roll.added, roll.removed)… */
  readonly position?: unknown;
  /** …or the first and last positions of a range (roll.imported, roll.derived). */
  readonly positions?: unknown;
}

export interface CommittedRoll {
  readonly leaves: readonly RollLeaf[];
  readonly commitment: RollCommitment;
  /** Leaf index of each roll position. */
  readonly indexOf: ReadonlyMap<number, number>;
}

interface ElectionView {
  /** Log entries [0, read) have been seen. */
  read: number;
  readonly events: RollEvent[];
  /** The commitment, and how many `roll.*` entries had been seen when its leaves were read. */
  committed?: { readonly events: number; readonly roll: CommittedRoll };
}

/** Does `event` concern the roll entry at `position`? */
export function concerns(event: RollEvent, position: number): boolean {
  if (event.position === position) return true;
  const range = event.positions;
  return (
    Array.isArray(range) &&
    typeof range[0] === 'number' &&
    typeof range[1] === 'number' &&
    range[0] <= position &&
    position <= range[1]
  );
}

export class RollViews {
  private readonly views = new Map<string, ElectionView>();

  constructor(private readonly db: Db) {}

  /**
   * The election's `roll.*` entries so far, in log order, and the roll commitment as of now: the log is read once
   * (from where the last call stopped) and the commitment rebuilt only if the roll changed since it was last built.
   */
  async read(electionId: string): Promise<{ events: readonly RollEvent[]; roll: CommittedRoll }> {
    const view = await this.caughtUp(electionId);
    // The count of roll events is taken before the roll is read: a change committed in between is then newer than
    // the count, and the next request, seeing its entry, builds again.
    const events = view.events.length;
    if (view.committed?.events === events) return { events: view.events, roll: view.committed.roll };
    const leaves = await rollLeaves(this.db, electionId);
    const roll: CommittedRoll = {
      leaves,
      commitment: commitRoll(leaves),
      indexOf: new Map(leaves.map((l, i) => [l.position, i])),
    };
    if (!view.committed || view.committed.events <= events) view.committed = { events, roll };
    return { events: view.events, roll };
  }

  /** Reads the entries appended since the last call (any process may have appended them). */
  private async caughtUp(electionId: string): Promise<ElectionView> {
    let view = this.views.get(electionId);
    if (!view) {
      view = { read: 0, events: [] };
      this.views.set(electionId, view);
    }
    const rows = await this.db
      .selectFrom('log_entries')
      .select(['idx', 'entry'])
      .where('election_id', '=', electionId)
      .where('idx', '>=', view.read)
      .orderBy('idx')
      .execute();
    // Synchronous from here: concurrent callers may have read the same rows; each entry is taken once, in order.
    for (const row of rows) {
      if (row.idx !== view.read) continue;
      view.read++;
      const entry = parseEntry(row.entry);
      if (!entry.type.startsWith('roll.')) continue;
      view.events.push({
        logIndex: row.idx,
        type: entry.type,
        reason: entry.body['reason'] ?? null,
        position: entry.body['position'],
        positions: entry.body['positions'],
      });
    }
    return view;
  }
}
