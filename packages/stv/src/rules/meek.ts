// Meek's method (Hill, Wichmann & Woodall, "Algorithm 123", Computer Journal 30(3), 1987) as written in the
// Proportional Representation Foundation's reference Meek rule (prfound.org/resources/reference/reference-meek-rule):
// 9-decimal fixed point, omega = 10^-6, one defeat per round. Section numbers (A, B.1 ... C.2, T) are that rule's.
//
// Variant 'parametric' is Droop's "Meek Parametric" with `arithmetic=fixed precision=9 omega=6 defeat_batch=none`
// (the rule stv-rs reproduces): keep and passed-on weights both truncated, iteration stops when surplus <= omega,
// and Droop's recursive descent over equal rankings, which stops at a rank holding no continuing candidate.
//
// Variant 'equalize' is stv-rs's "equalized counting" (otherwise as 'parametric'): a rank of m equal candidates
// counts as the average of its m! strict orderings (see `equalizedFractions`).
//
// Equal rankings ('prf' and 'parametric'): the weight reaching a rank is split evenly (truncated) between its
// continuing candidates; each keeps its keep-factor share and passes the rest to the next rank.
//
// Identical ballots share a prefix tree, and a ballot stops at the first hopeful candidate (keep factor 1), so an
// iteration costs the tree nodes reached through elected or defeated candidates, not the number of voters.
import { defaultSeed } from '../count-state.js';
import { formatUnits, scaleOf } from '../arith/index.js';
import { forcedExclusion, mayElect, protectedFromExclusion, type ConstraintView } from '../constraints.js';
import { StvInputError } from '../errors.js';
import { breakTie } from '../ties.js';
import {
  candidateId,
  type CandidateId,
  type CountOptions,
  type Election,
  type Report,
  type Stage,
  type StageAction,
} from '../types.js';

export type MeekVariant = 'prf' | 'parametric' | 'equalize';

/** count()'s resolved options (seats, constraints, seed) plus the variant. */
export interface MeekOptions extends Pick<CountOptions, 'seats' | 'constraints' | 'seed'> {
  /** 'prf' (default): PR Foundation reference Meek. 'parametric': Droop / stv-rs "Meek Parametric". */
  readonly meekVariant?: MeekVariant;
}

const PLACES = 9; // A. 9 decimal places
const ONE = scaleOf(PLACES);
const OMEGA = ONE / 10n ** 6n; // A. omega = 0.000001
const EPSILON = 1n; // B.2.b. 0.000000001

/** A rank shared by all ballots below it; `ends` voters' ballots stop here. */
interface Node {
  readonly group: readonly CandidateId[];
  /** The candidate for a single rank, "a=b" for an equal ranking (children are found by it). */
  readonly key: number | string;
  voters: bigint;
  ends: bigint;
  readonly children: Node[];
}

const keyOf = (group: readonly CandidateId[]): number | string =>
  group.length === 1 ? (group[0] as number) : group.join('=');

const newNode = (group: readonly CandidateId[]): Node => ({
  group,
  key: keyOf(group),
  voters: 0n,
  ends: 0n,
  children: [],
});

/** Ceiling and floor of a × b / d for non-negative a, b and positive d. */
const ceilDiv = (n: bigint, d: bigint): bigint => (n + d - 1n) / d;

interface Tally {
  readonly votes: bigint[];
  /** Weight of ballots whose preferences ran out (or were blocked), in units. */
  exhausted: bigint;
}

type Status = 'hopeful' | 'elected' | 'defeated' | 'withdrawn';

interface CountState {
  readonly kf: bigint[];
  readonly status: readonly Status[];
  readonly variant: MeekVariant;
  /** The flow of the strictly ranked ballots (see `flowOf`). */
  flow?: FlowIndex;
}

interface FlowIndex {
  /** The statuses the flow reflects. */
  readonly known: Status[];
  readonly root: Flow;
  /** Per hopeful candidate: the tree nodes where ballots stop at that candidate, and the flows holding them. */
  readonly waitingNodes: Node[][];
  readonly waitingFlows: Flow[][];
}

/**
 * Strictly ranked ballots, summarised for one set of statuses. A ballot's weight on reaching a candidate depends
 * only on the elected candidates it has passed (defeated ones pass it on whole, a hopeful one keeps it all), so
 * ballots are summed by that sequence of elected candidates: each iteration then costs the number of sequences,
 * not the number of ballots, and gives exactly the per-ballot result.
 */
interface Flow {
  /** Voters whose ballots reach this sequence (through its last elected candidate). */
  voters: bigint;
  /** Voters whose ballots stop here, without reaching a hopeful candidate. */
  ends: bigint;
  /** Voters whose next continuing preference is this hopeful candidate (indexed by CandidateId). */
  readonly hopeful: bigint[];
  /** The sequence extended by the next elected candidate on the ballot. */
  readonly next: Map<CandidateId, Flow>;
}

const newFlow = (n: number): Flow => ({
  voters: 0n,
  ends: 0n,
  hopeful: new Array<bigint>(n).fill(0n),
  next: new Map(),
});

/**
 * The flow for the current statuses, kept up to date incrementally: when a hopeful candidate is elected or
 * defeated, only the ballots that were waiting at that candidate walk on, so over a whole count every tree node
 * is walked about once.
 */
function flowOf(tree: Node, state: CountState): Flow {
  const n = state.kf.length;
  let index = state.flow;
  if (!index) {
    index = {
      known: [...state.status],
      root: newFlow(n),
      waitingNodes: state.kf.map(() => []),
      waitingFlows: state.kf.map(() => []),
    };
    index.root.voters = tree.voters;
    state.flow = index;
    walkFlow(tree, index.root, index, state.status);
    return index.root;
  }
  for (let c = 0; c < n; c++) {
    const now = state.status[c] as Status;
    if (index.known[c] === now) continue;
    index.known[c] = now;
    // Only hopeful candidates can change (to elected or defeated): their waiting ballots walk on.
    const nodes = index.waitingNodes[c] as Node[];
    const flows = index.waitingFlows[c] as Flow[];
    index.waitingNodes[c] = [];
    index.waitingFlows[c] = [];
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k] as Node;
      const flow = flows[k] as Flow;
      flow.hopeful[c] = (flow.hopeful[c] as bigint) - node.voters;
      let into = flow;
      if (now === 'elected') {
        let next = flow.next.get(candidateId(c));
        if (!next) flow.next.set(candidateId(c), (next = newFlow(n)));
        next.voters += node.voters;
        into = next;
      }
      walkFlow(node, into, index, state.status);
    }
  }
  return index.root;
}

/** Adds the ballots below `node` to `flow`, stopping at each ballot's first hopeful candidate. */
function walkFlow(node: Node, flow: Flow, index: FlowIndex, status: readonly Status[]): void {
  flow.ends += node.ends;
  for (const child of node.children) {
    const c = child.group[0] as CandidateId;
    const s = status[c];
    if (s === 'hopeful') {
      flow.hopeful[c] = (flow.hopeful[c] as bigint) + child.voters;
      index.waitingNodes[c]?.push(child);
      index.waitingFlows[c]?.push(flow);
    } else if (s === 'elected') {
      let next = flow.next.get(c);
      if (!next) flow.next.set(c, (next = newFlow(flow.hopeful.length)));
      next.voters += child.voters;
      walkFlow(child, next, index, status);
    } else {
      walkFlow(child, flow, index, status); // defeated or withdrawn: passed over
    }
  }
}

/** One candidate's share: what it keeps (added to its vote) and what passes on (B.2.a). */
function split(share: bigint, k: bigint, variant: MeekVariant): [keep: bigint, rest: bigint] {
  if (k === ONE) return [share, 0n]; // keeps everything (exact under both variants)
  if (k === 0n) return [0n, share];
  if (variant === 'prf') {
    const keep = ceilDiv(share * k, ONE); // B.2.a. w × kf to 9 places, rounded up
    return [keep, share - keep];
  }
  return [(share * k) / ONE, (share * (ONE - k)) / ONE]; // Droop Meek parametric: both truncated
}

/** B.2.a. Distribute every ballot's weight by the keep factors. */
function distribute(trees: Trees, state: CountState, n: number): Tally {
  const tally: Tally = { votes: new Array<bigint>(n).fill(0n), exhausted: 0n };
  const { votes } = tally;
  const { kf, variant } = state;
  const flowing = (flow: Flow, w: bigint): void => {
    flow.hopeful.forEach((voters, c) => {
      if (voters > 0n) votes[c] = (votes[c] as bigint) + w * voters;
    });
    tally.exhausted += w * flow.ends;
    for (const [e, next] of flow.next) {
      const [keep, rest] = split(w, kf[e] as bigint, variant);
      votes[e] = (votes[e] as bigint) + keep * next.voters;
      if (rest > 0n) flowing(next, rest);
    }
  };
  flowing(flowOf(trees.plain, state), ONE);

  // Ballots with equal rankings: the weight reaching a rank is split evenly (truncated) between its continuing
  // candidates, each keeping its share and passing the rest to the next rank (Droop's recursive descent).
  const visit = (node: Node, w: bigint): void => {
    if (node.ends > 0n) tally.exhausted += w * node.ends;
    for (const child of node.children) {
      const members = child.group.filter((c) => (kf[c] as bigint) > 0n);
      if (members.length === 0) {
        // A rank of defeated candidates: passed over, or (Droop's recursive descent) the ballot stops there.
        if (trees.blocking) tally.exhausted += w * child.voters;
        else visit(child, w);
        continue;
      }
      const share = w / BigInt(members.length);
      for (const c of members) {
        const [keep, rest] = split(share, kf[c] as bigint, variant);
        votes[c] = (votes[c] as bigint) + keep * child.voters;
        if (rest > 0n) visit(child, rest);
      }
    }
  };
  const fractions = new Map<number | string, ReturnType<typeof equalizedFractions>>(); // per rank, this count
  const visitEqualized = (node: Node, w: bigint): void => {
    if (node.ends > 0n) tally.exhausted += w * node.ends;
    for (const child of node.children) {
      let f = fractions.get(child.key);
      if (!f) fractions.set(child.key, (f = equalizedFractions(child.group.map((c) => kf[c] as bigint))));
      child.group.forEach((c, i) => {
        votes[c] = (votes[c] as bigint) + ((w * (f.kept[i] as bigint)) / ONE) * child.voters;
      });
      const rest = (w * f.passed) / ONE;
      if (rest > 0n) visitEqualized(child, rest);
    }
  };
  if (variant === 'equalize') visitEqualized(trees.equal, ONE);
  else visit(trees.equal, ONE);
  return tally;
}

/** C(n, 0), C(n, 1), ..., C(n, n). */
function pascalRow(n: number): bigint[] {
  const row = [1n];
  for (let k = 1; k <= n; k++) row.push(((row[k - 1] as bigint) * BigInt(n - k + 1)) / BigInt(k));
  return row;
}

/**
 * stv-rs "equalized counting" of one rank holding candidates with keep factors `ks` (in ballot order): the rank
 * counts as the average of all orderings of its candidates. Returns each candidate's fraction of the weight
 * reaching the rank, kf_i × (Σ_d e_d(u_j, j ≠ i) ÷ C(m−1, d)) ÷ m with u_j = 1 − kf_j and e_d the elementary
 * symmetric sums, and the fraction passed on, Π u_j. Every product and quotient is truncated to 9 places, in
 * stv-rs's order; the weight w then gives w × fraction, truncated.
 */
function equalizedFractions(ks: readonly bigint[]): { kept: bigint[]; passed: bigint } {
  const m = ks.length;
  const unused = ks.map((k) => ONE - k);
  const row = pascalRow(m - 1);
  const kept = ks.map((k, i) => {
    if (k === 0n) return 0n; // a defeated candidate keeps nothing (stv-rs computes the same zero the long way)
    const poly = new Array<bigint>(m).fill(0n); // coefficients of Π_{j≠i} (X + u_j), highest degree first
    poly[0] = ONE;
    unused.forEach((a, j) => {
      if (j === i || a === 0n) return;
      let prev = poly[0] as bigint;
      for (let d = 1; d < m; d++) {
        const here = poly[d] as bigint;
        poly[d] = here + (prev * a) / ONE;
        prev = here;
      }
    });
    const average = poly.reduce((sum, coefficient, d) => sum + coefficient / (row[d] as bigint), 0n);
    return (average * k) / ONE / BigInt(m);
  });
  return { kept, passed: unused.reduce((product, a) => (product * a) / ONE, ONE) };
}

interface Trees {
  /** Strictly ranked ballots. */
  readonly plain: Node;
  /** Ballots with at least one equal ranking. */
  readonly equal: Node;
  /** Droop's recursive descent stops a ballot with equal rankings at a rank of defeated candidates. */
  readonly blocking: boolean;
  /** Valid votes (voters whose ballots name a standing candidate). */
  readonly total: bigint;
}

/** Builds the prefix trees of the ballots, withdrawn candidates removed. */
function buildTrees(election: Election, variant: MeekVariant): Trees {
  const withdrawn = new Set(election.withdrawn);
  const plain = newNode([]);
  const equal = newNode([]);
  let total = 0n;
  for (const ballot of election.ballots) {
    if (ballot.weight <= 0n) continue;
    let ranks = ballot.preferences;
    if (withdrawn.size > 0 || ranks.some((p) => p.length !== 1)) {
      ranks = ranks.map((p) => p.filter((c) => !withdrawn.has(c))).filter((p) => p.length > 0);
    }
    if (ranks.length === 0) continue; // blank once withdrawn candidates are removed
    total += ballot.weight;
    let node = ranks.some((p) => p.length > 1) ? equal : plain;
    node.voters += ballot.weight;
    for (const group of ranks) {
      const key = keyOf(group);
      let child: Node | undefined;
      for (const c of node.children) {
        if (c.key === key) {
          child = c; // at most one child per rank
          break;
        }
      }
      if (!child) {
        child = newNode(group);
        node.children.push(child);
      }
      child.voters += ballot.weight;
      node = child;
    }
    node.ends += ballot.weight;
  }
  return { plain, equal, blocking: variant === 'parametric', total };
}

/** Counts an election by Meek's method. Throws StvInputError on impossible input (seats, no votes). */
export function countMeek(election: Election, options: MeekOptions = {}): Report {
  const variant = options.meekVariant ?? 'prf';
  const seats = options.seats ?? election.seats;
  const n = election.candidates.length;
  const status: Status[] = election.candidates.map(() => 'hopeful');
  for (const c of election.withdrawn) status[c] = 'withdrawn';
  const standing = status.filter((s) => s === 'hopeful').length;
  if (!Number.isSafeInteger(seats) || seats < 1) throw new StvInputError('seats', `seats must be at least 1`);
  if (seats > standing)
    throw new StvInputError('seats', `${seats} seats but only ${standing} candidates standing`);

  const trees = buildTrees(election, variant);
  const voters = trees.total;
  if (voters === 0n) throw new StvInputError('rule', 'no valid votes to count');
  const total = voters * ONE;
  // A. Keep factor 1 for hopeful candidates, 0 for withdrawn ones.
  const state: CountState = { kf: status.map((s) => (s === 'hopeful' ? ONE : 0n)), status, variant };
  const quotaOf = (votes: bigint): bigint => votes / BigInt(seats + 1) + EPSILON; // B.2.b. truncated, plus 10^-9

  const stages: Stage[] = [];
  const elected: CandidateId[] = [];
  let seed: string | null = null; // set only when a lot is drawn
  const fmt = (u: bigint): string => formatUnits(u, PLACES);
  const ids = (s: Status): CandidateId[] =>
    election.candidates.filter((_, i) => status[i] === s).map((c) => c.id);

  let previousVotes: readonly bigint[] | undefined;
  const pushStage = (
    action: StageAction,
    tally: Tally,
    quota: bigint,
    events: Pick<Stage, 'elected' | 'excluded' | 'ties'>,
  ): void => {
    const previous = previousVotes;
    previousVotes = tally.votes;
    const counted = tally.votes.reduce((a, b) => a + b, 0n);
    const votes = tally.votes.map(fmt);
    stages.push({
      number: stages.length + 1,
      action,
      votes,
      transferred: tally.votes.map((v, i) => fmt(previous ? v - (previous[i] as bigint) : 0n)),
      nonTransferable: fmt(tally.exhausted),
      roundingLoss: fmt(total - counted - tally.exhausted),
      quota: fmt(quota),
      keepFactors: state.kf.map(fmt),
      ...events,
    });
  };

  // Stage 1: first preferences (every hopeful candidate keeps all it receives).
  let tally = distribute(trees, state, n);
  let quota = quotaOf(total);
  pushStage({ kind: 'first-preferences' }, tally, quota, { elected: [], excluded: [], ties: [] });

  const seatsLeft = (): number => seats - elected.length;
  const constraints = options.constraints ?? [];
  const view = (): ConstraintView => ({
    candidates: election.candidates,
    elected,
    continuing: ids('hopeful'),
    seatsLeft: seatsLeft(),
  });
  const exclude = (cs: readonly CandidateId[]): void => {
    for (const c of cs) {
      status[c] = 'defeated';
      state.kf[c] = 0n;
    }
  };

  for (;;) {
    // Diversity constraints (constraints.ts): a group's due exclusion is a stage of its own.
    const due = constraints.length > 0 ? forcedExclusion(view(), constraints) : null;
    if (due) {
      exclude(due.candidates);
      tally = distribute(trees, state, n);
      const { constraint, candidates, description } = due;
      pushStage({ kind: 'constraint', constraint, candidates, description }, tally, quota, {
        elected: [],
        excluded: candidates.map((candidate) => ({ candidate, reason: 'constraint' as const })),
        ties: [],
      });
      continue;
    }
    // B.1. Continue while more hopeful candidates remain than seats left to fill.
    if (!(ids('hopeful').length > seatsLeft() && seatsLeft() > 0)) break;
    const round = runRound();
    const action: StageAction = { kind: 'iteration', iterations: round.iterations };
    if (round.outcome === 'elected') {
      pushStage(action, tally, quota, {
        elected: round.elected.map((candidate) => ({ candidate, reason: 'quota' as const })),
        excluded: [],
        ties: [],
      });
      continue;
    }
    // B.3. Defeat the lowest hopeful candidate (passing over any a minimum still needs); candidates within the
    // total surplus of it are tied, and the tie is broken by procedure T: the tie order, else a lot.
    const hopeful = ids('hopeful');
    const open = hopeful.filter((c) => !protectedFromExclusion(view(), c, constraints));
    const pool = open.length > 0 ? open : hopeful;
    const low = pool.reduce(
      (m, c) => ((tally.votes[c] as bigint) < m ? (tally.votes[c] as bigint) : m),
      total,
    );
    const tied = pool.filter((c) => (tally.votes[c] as bigint) <= low + round.surplus);
    const stage = stages.length + 1;
    const tie = breakTie(tied, 'lowest', 'exclusion', {
      history: [],
      lookback: 'none',
      ...(election.tieOrder ? { tieOrder: election.tieOrder } : {}),
      seed: () => (seed = lotSeed(options, election)),
      stage,
    });
    status[tie.chosen] = 'defeated';
    pushStage(action, tally, quota, {
      elected: [],
      excluded: [{ candidate: tie.chosen, reason: 'lowest' }],
      ties: tie.record ? [tie.record] : [],
    });
    state.kf[tie.chosen] = 0n;
  }

  /** B.2. Iterate until a candidate is elected, the surplus is below omega, or it stops falling. */
  function runRound(): {
    outcome: 'elected' | 'omega' | 'stable';
    elected: CandidateId[];
    surplus: bigint;
    iterations: number;
  } {
    let lastSurplus = total;
    const newlyElected: CandidateId[] = [];
    for (let iterations = 1; ; iterations++) {
      tally = distribute(trees, state, n); // B.2.a
      const continuing = [...ids('hopeful'), ...ids('elected')];
      quota = quotaOf(continuing.reduce((a, c) => a + (tally.votes[c] as bigint), 0n)); // B.2.b
      for (const c of ids('hopeful')) {
        // B.2.c. Elect each hopeful candidate with v >= q (in ballot order), unless a constraint passes it over.
        if ((tally.votes[c] as bigint) < quota || elected.length >= seats) continue;
        if (constraints.length > 0 && !mayElect(view(), c, constraints).allowed) continue;
        status[c] = 'elected';
        elected.push(c);
        newlyElected.push(c);
      }
      // B.2.d. Total surplus of the elected, not less than 0 (stv-rs does the same; Droop's parametric rule
      // does not, and fails on a negative surplus: stv-rs-meek/meek/crashes/*.droop.err).
      let surplus = ids('elected').reduce((a, c) => a + (tally.votes[c] as bigint) - quota, 0n);
      if (surplus < 0n) surplus = 0n;
      // B.2.e. Stop on an election, on surplus < omega (parametric: <=), or when the surplus stops falling.
      if (newlyElected.length > 0) return { outcome: 'elected', elected: newlyElected, surplus, iterations };
      if (variant === 'prf' ? surplus < OMEGA : surplus <= OMEGA)
        return { outcome: 'omega', elected: [], surplus, iterations };
      if (surplus >= lastSurplus) return { outcome: 'stable', elected: [], surplus, iterations };
      lastSurplus = surplus;
      // B.2.f. kf := kf × q (rounded up) ÷ v (rounded up), for every elected candidate.
      for (const c of ids('elected')) {
        const kf = state.kf[c] as bigint;
        state.kf[c] = ceilDiv(ceilDiv(kf * quota, ONE) * ONE, tally.votes[c] as bigint);
      }
    }
  }

  // C. Count complete: elect the remaining hopeful candidates if seats are left (C.1), else defeat them (C.2).
  const remaining = ids('hopeful');
  if (remaining.length > 0) {
    const fill = seatsLeft() > 0;
    for (const c of remaining) {
      status[c] = fill ? 'elected' : 'defeated';
      if (fill) elected.push(c);
      else state.kf[c] = 0n;
    }
    tally = distribute(trees, state, n);
    pushStage({ kind: 'fill-remaining', candidates: remaining }, tally, quota, {
      elected: fill ? remaining.map((candidate) => ({ candidate, reason: 'remaining-seats' as const })) : [],
      excluded: fill ? [] : remaining.map((candidate) => ({ candidate, reason: 'bulk' as const })),
      ties: [],
    });
  }

  const firstQuota = stages[0]?.quota ?? fmt(0n);
  return {
    rule: 'meek',
    parameters: {
      variant,
      precision: String(PLACES),
      omega: fmt(OMEGA),
      quota: 'droop-dynamic',
    },
    title: election.title,
    seats,
    candidates: election.candidates,
    withdrawn: election.withdrawn,
    constraints,
    validVotes: fmt(total),
    quota: firstQuota,
    seed,
    stages,
    elected,
  };
}

/** The published seed of the lot, or (none given) the same ballots-hash seed as every other rule. */
function lotSeed(options: MeekOptions, election: Election): string {
  return options.seed ?? defaultSeed(election);
}
