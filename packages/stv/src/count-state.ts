// The state of a count by parcels, shared by the Gregory-family rules (scottish, wigm, ers97).
// Identical ballots are grouped once; each candidate holds parcels of (ballot group, position on the ballot,
// value per paper, stage received), so a transfer costs the distinct ballots moved, not the voters.
// Every value is a BigInt count of units of 10^-places of a vote: no floating point anywhere.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { formatUnits, scaleOf } from './arith/index.js';
import { forcedExclusion, mayElect, protectedFromExclusion, type ConstraintView } from './constraints.js';
import { groupBallots, type BallotGroups } from './ballot-groups.js';
import { breakTie, type TieContext } from './ties.js';
import type {
  CandidateId,
  Constraint,
  Election,
  ElectionReason,
  ExclusionReason,
  Report,
  RuleName,
  Stage,
  StageAction,
  TieBreak,
} from './types.js';

export type Status = 'continuing' | 'elected' | 'excluded' | 'withdrawn';

/** Papers that reached a candidate together: same value per paper, same stage. */
export interface Parcel {
  /** Value of each paper, in units. */
  readonly value: bigint;
  /** The stage at which the candidate received them (1 = first preferences). */
  readonly stage: number;
  /** Indices into the grouped ballots, and for each the position of the candidate on that ballot. */
  readonly ballots: readonly number[];
  readonly positions: readonly number[];
  /** Number of papers (sum of the groups' weights). */
  readonly papers: number;
}

/** The papers of some parcels sorted by their next continuing preference. */
export interface Sorted {
  /** Destination candidate → ballots, positions and number of papers. */
  readonly to: Map<CandidateId, { ballots: number[]; positions: number[]; papers: number }>;
  /** Papers with no further continuing preference. */
  readonly exhaustedPapers: number;
}

export interface StateOptions {
  readonly rule: RuleName;
  readonly places: number;
  readonly seats: number;
  readonly constraints: readonly Constraint[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly lookback: TieContext['lookback'];
  readonly seed?: string;
}

export class CountState {
  readonly n: number;
  readonly scale: bigint;
  readonly status: Status[];
  readonly votes: bigint[];
  readonly parcels: Parcel[][];
  readonly ballots: BallotGroups;
  readonly validVotes: bigint;
  quota = 0n;
  nonTransferable = 0n;
  roundingLoss = 0n;
  readonly stages: Stage[] = [];
  /** Totals after each recorded stage (for tie look-backs). */
  readonly history: bigint[][] = [];
  readonly electedOrder: CandidateId[] = [];
  private pendingElected: { candidate: CandidateId; reason: ElectionReason }[] = [];
  private pendingExcluded: { candidate: CandidateId; reason: ExclusionReason }[] = [];
  private pendingTies: TieBreak[] = [];
  private lotSeed: string | null = null;

  constructor(
    readonly election: Election,
    readonly options: StateOptions,
  ) {
    this.n = election.candidates.length;
    this.scale = scaleOf(options.places);
    this.ballots = groupBallots(election, options.rule);
    this.status = election.candidates.map((c) =>
      election.withdrawn.includes(c.id) ? 'withdrawn' : 'continuing',
    );
    this.votes = new Array<bigint>(this.n).fill(0n);
    this.parcels = election.candidates.map(() => []);
    let valid = 0;
    for (const w of this.ballots.weights) valid += w;
    this.validVotes = BigInt(valid) * this.scale;
  }

  // ---- candidates --------------------------------------------------------------------------------------------

  continuing(): CandidateId[] {
    return this.ids().filter((c) => this.status[c] === 'continuing');
  }

  elected(): CandidateId[] {
    return [...this.electedOrder];
  }

  seatsLeft(): number {
    return this.options.seats - this.electedOrder.length;
  }

  private ids(): CandidateId[] {
    return this.election.candidates.map((c) => c.id);
  }

  // ---- moving papers -----------------------------------------------------------------------------------------

  /** Sorts papers by their next preference for a continuing candidate after their current position. */
  sort(ballots: readonly number[], positions: readonly number[]): Sorted {
    const to: Sorted['to'] = new Map();
    let exhaustedPapers = 0;
    const { prefs, start, weights } = this.ballots;
    for (let i = 0; i < ballots.length; i++) {
      const b = ballots[i] as number;
      const first = start[b] as number;
      const length = (start[b + 1] as number) - first;
      let p = (positions[i] as number) + 1;
      while (p < length && this.status[prefs[first + p] as number] !== 'continuing') p++;
      const w = weights[b] as number;
      if (p >= length) {
        exhaustedPapers += w;
        continue;
      }
      const dest = prefs[first + p] as CandidateId;
      let slot = to.get(dest);
      if (!slot) to.set(dest, (slot = { ballots: [], positions: [], papers: 0 }));
      slot.ballots.push(b);
      slot.positions.push(p);
      slot.papers += w;
    }
    return { to, exhaustedPapers };
  }

  /** Credits sorted papers to their candidates at `value` each; returns the value credited and exhausted. */
  credit(sorted: Sorted, value: bigint, stage: number): { transferred: bigint; exhausted: bigint } {
    let transferred = 0n;
    for (const [dest, slot] of sorted.to) {
      const amount = value * BigInt(slot.papers);
      this.parcels[dest]?.push({ value, stage, ...slot });
      this.votes[dest] = (this.votes[dest] as bigint) + amount;
      transferred += amount;
    }
    const exhausted = value * BigInt(sorted.exhaustedPapers);
    this.nonTransferable += exhausted;
    return { transferred, exhausted };
  }

  /** First preferences (SSI 2007/42 rule 45; ERS97 5.1; PRF A.4–A.5): every paper at value 1. */
  firstPreferences(): void {
    const all = Array.from({ length: this.ballots.count }, (_, i) => i);
    this.credit(
      this.sort(
        all,
        all.map(() => -1),
      ),
      this.scale,
      1,
    );
  }

  /** Takes all parcels away from `c` (they are being transferred). */
  takeParcels(c: CandidateId, which: (p: Parcel) => boolean = () => true): Parcel[] {
    const mine = this.parcels[c] as Parcel[];
    const taken = mine.filter(which);
    this.parcels[c] = mine.filter((p) => !which(p));
    return taken;
  }

  // ---- elections and exclusions ------------------------------------------------------------------------------

  /** What the constraints need to know about the count now. */
  view(): ConstraintView {
    return {
      candidates: this.election.candidates,
      elected: this.electedOrder,
      continuing: this.continuing(),
      seatsLeft: this.seatsLeft(),
    };
  }

  /**
   * Marks `c` elected. A candidate whose election would break a constraint is passed over: they stay
   * continuing for the moment and the constraint exclusion due next (constraintDue) excludes them.
   */
  elect(c: CandidateId, reason: ElectionReason): boolean {
    if (!mayElect(this.view(), c, this.options.constraints).allowed) return false;
    this.status[c] = 'elected';
    this.electedOrder.push(c);
    this.pendingElected.push({ candidate: c, reason });
    return true;
  }

  /** Elects, in descending order of votes, every continuing candidate whose vote reaches `threshold`. */
  electReaching(threshold: bigint, stage: number): CandidateId[] {
    const out: CandidateId[] = [];
    let reaching = this.continuing().filter((c) => (this.votes[c] as bigint) >= threshold);
    while (reaching.length > 0 && this.seatsLeft() > 0) {
      const top = reaching.reduce(
        (m, c) => ((this.votes[c] as bigint) > m ? (this.votes[c] as bigint) : m),
        0n,
      );
      const tied = reaching.filter((c) => this.votes[c] === top);
      const next = this.tie(tied, 'highest', 'election', stage);
      const reason = (this.votes[next] as bigint) >= this.quota ? 'quota' : 'threshold';
      if (this.elect(next, reason)) out.push(next);
      reaching = reaching.filter((c) => c !== next);
    }
    return out;
  }

  exclude(c: CandidateId, reason: ExclusionReason): void {
    this.status[c] = 'excluded';
    this.pendingExcluded.push({ candidate: c, reason });
  }

  /**
   * Continuing candidates who may be excluded as the lowest: all but those a minimum protects
   * (constraints.ts protectedFromExclusion); everyone continuing if that would leave no one.
   */
  excludable(): CandidateId[] {
    const view = this.view();
    const open = view.continuing.filter((c) => !protectedFromExclusion(view, c, this.options.constraints));
    return open.length > 0 ? open : [...view.continuing];
  }

  /** A constraint exclusion now due, if any (see constraints.ts). */
  constraintDue(): ReturnType<typeof forcedExclusion> {
    return forcedExclusion(this.view(), this.options.constraints);
  }

  /** Breaks a tie by the rule's look-back, the `[tie]` order, then lot; records it in the stage. */
  tie(tied: readonly CandidateId[], want: 'highest' | 'lowest', purpose: TieBreak['purpose'], stage: number) {
    const result = breakTie(tied, want, purpose, {
      history: this.history,
      lookback: this.options.lookback,
      ...(this.election.tieOrder ? { tieOrder: this.election.tieOrder } : {}),
      seed: () => this.seed(),
      stage,
    });
    if (result.record) this.pendingTies.push(result.record);
    return result.chosen;
  }

  private seed(): string {
    this.lotSeed ??= this.options.seed ?? defaultSeed(this.election);
    return this.lotSeed;
  }

  /** The candidate with the fewest votes among `among` (ties broken by the rule). */
  lowest(
    among: readonly CandidateId[],
    stage: number,
    purpose: TieBreak['purpose'] = 'exclusion',
  ): CandidateId {
    const low = among.reduce(
      (m, c) => ((this.votes[c] as bigint) < m ? (this.votes[c] as bigint) : m),
      this.max(),
    );
    return this.tie(
      among.filter((c) => this.votes[c] === low),
      'lowest',
      purpose,
      stage,
    );
  }

  /** The candidate with the most votes among `among` (ties broken by the rule). */
  highest(among: readonly CandidateId[], stage: number, purpose: TieBreak['purpose']): CandidateId {
    const high = among.reduce((m, c) => ((this.votes[c] as bigint) > m ? (this.votes[c] as bigint) : m), -1n);
    return this.tie(
      among.filter((c) => this.votes[c] === high),
      'highest',
      purpose,
      stage,
    );
  }

  /** Descending order of votes (by candidate number on equal votes: order only, never a decision). */
  byVotesDescending(cs: readonly CandidateId[]): CandidateId[] {
    return [...cs].sort((a, b) => {
      const d = (this.votes[b] as bigint) - (this.votes[a] as bigint);
      return d > 0n ? 1 : d < 0n ? -1 : a - b;
    });
  }

  private max(): bigint {
    return this.votes.reduce((m, v) => (v > m ? v : m), 0n) + 1n;
  }

  // ---- stages and the report ---------------------------------------------------------------------------------

  nextStage(): number {
    return this.stages.length + 1;
  }

  /** Records the stage just counted: totals, change, losses, who was elected or excluded, ties. */
  record(action: StageAction): Stage {
    const prev = this.history[this.history.length - 1];
    const now = [...this.votes];
    const fmt = (u: bigint): string => formatUnits(u, this.options.places);
    const stage: Stage = {
      number: this.nextStage(),
      action,
      votes: now.map(fmt),
      transferred: now.map((v, i) => fmt(prev ? v - (prev[i] as bigint) : 0n)),
      nonTransferable: fmt(this.nonTransferable),
      roundingLoss: fmt(this.roundingLoss),
      quota: fmt(this.quota),
      elected: this.pendingElected,
      excluded: this.pendingExcluded,
      ties: this.pendingTies,
    };
    this.stages.push(stage);
    this.history.push(now);
    this.pendingElected = [];
    this.pendingExcluded = [];
    this.pendingTies = [];
    return stage;
  }

  /** Elections or exclusions decided after the last transfer (e.g. filling the last seats) join the last stage. */
  amendLastStage(): void {
    const last = this.stages.pop();
    if (!last) return;
    this.history.pop();
    this.stages.push({
      ...last,
      elected: [...last.elected, ...this.pendingElected],
      excluded: [...last.excluded, ...this.pendingExcluded],
      ties: [...last.ties, ...this.pendingTies],
    });
    this.history.push([...this.votes]);
    this.pendingElected = [];
    this.pendingExcluded = [];
    this.pendingTies = [];
  }

  report(): Report {
    const fmt = (u: bigint): string => formatUnits(u, this.options.places);
    return {
      rule: this.options.rule,
      parameters: this.options.parameters,
      title: this.election.title,
      seats: this.options.seats,
      candidates: this.election.candidates,
      withdrawn: this.election.withdrawn,
      constraints: this.options.constraints,
      validVotes: fmt(this.validVotes),
      quota: this.stages[0]?.quota ?? fmt(this.quota),
      seed: this.lotSeed,
      stages: this.stages,
      elected: this.electedOrder,
    };
  }
}

/** The seed used when none was published: SHA-256 of the ballots as counted (see docs/counting-rules.md). */
export function defaultSeed(election: Election): string {
  const text = [
    election.title,
    ...election.candidates.map((c) => c.name),
    ...election.ballots.map((b) => `${b.weight}:${b.preferences.map((p) => p.join('=')).join(' ')}`),
  ].join('\n');
  return `ballots-sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
