// The count report as the API serves it (packages/stv `reportToJson`: candidates named, numbers as decimal
// strings) and the pure readings of it the results page shows: winners with their stage, each candidate's
// outcome, the votes that moved at a stage, and exact sums of decimal strings (no floating point in counting).

import type { ProposalOutcome } from './proposals-data.js';

export type Decimal = string;

export interface ReportStage {
  readonly number: number;
  /** The official sheet's column heading: "First preferences", "Surplus of …", "Exclusion of …". */
  readonly summary: string;
  readonly action: { readonly kind: string };
  /** Candidate name → total after this stage. */
  readonly votes: Readonly<Record<string, Decimal>>;
  /** Candidate name → change since the previous stage. */
  readonly transferred: Readonly<Record<string, Decimal>>;
  /** Running total of votes that could not pass on. */
  readonly nonTransferable: Decimal;
  /** Running total of votes lost to rounding. */
  readonly roundingLoss: Decimal;
  readonly quota: Decimal;
  /** Meek only: candidate name → keep factor. */
  readonly keepFactors?: Readonly<Record<string, Decimal>>;
  readonly elected: readonly { readonly candidate: string; readonly reason: string }[];
  readonly excluded: readonly { readonly candidate: string; readonly reason: string }[];
  readonly ties: readonly { readonly purpose: string; readonly method: string }[];
}

export interface CountReport {
  readonly title: string;
  readonly rule: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly seats: number;
  readonly validVotes: Decimal;
  readonly quota: Decimal;
  readonly seed: string | null;
  readonly candidates: readonly { readonly name: string }[];
  readonly withdrawn: readonly string[];
  readonly constraints: readonly {
    readonly attribute: string;
    readonly value: string;
    readonly min?: number;
    readonly max?: number;
  }[];
  /** In order of election. */
  readonly elected: readonly string[];
  readonly stages: readonly ReportStage[];
}

/** `getResults` (services/api/src/voting/count-routes.ts). */
export interface ResultsResponse {
  readonly election: { readonly id: string; readonly title: string; readonly state: string };
  readonly contests: readonly {
    readonly id: string;
    readonly title: string;
    readonly seats: number;
    readonly rules: string;
    readonly report: CountReport;
  }[];
  /** The counted proposals' outcomes (components/proposals-data.ts). */
  readonly proposals?: readonly ProposalOutcome[];
}

export interface Winner {
  readonly name: string;
  readonly stage: number;
  readonly reason: string;
  /** Their total at that stage, and the quota then. */
  readonly votes: Decimal;
  readonly quota: Decimal;
}

/** The winners in order of election, each with the stage that elected them and why. */
export function winners(report: CountReport): Winner[] {
  return report.elected.map((name) => {
    const stage = report.stages.find((s) => s.elected.some((e) => e.candidate === name));
    const reason = stage?.elected.find((e) => e.candidate === name)?.reason ?? '';
    return {
      name,
      stage: stage?.number ?? 0,
      reason,
      votes: stage?.votes[name] ?? '0',
      quota: stage?.quota ?? report.quota,
    };
  });
}

const ELECTED_BECAUSE: Readonly<Record<string, string>> = {
  quota: 'reached the quota',
  threshold:
    'reached the lower threshold for the last places (the votes of the candidates still in the count ÷ (places left + 1)), below the quota',
  'remaining-seats': 'filled a remaining seat',
  constraint: 'needed to meet a constraint',
};

/** "reached the quota" and the like, for an election reason of packages/stv. */
export function electedBecause(w: Pick<Winner, 'reason'>): string {
  return ELECTED_BECAUSE[w.reason] ?? w.reason;
}

/** Each candidate's outcome in words: "Elected at stage 2", "Excluded at stage 3", "Withdrawn" or "". */
export function outcomes(report: CountReport): ReadonlyMap<string, string> {
  const out = new Map(report.candidates.map((c) => [c.name, '']));
  for (const name of report.withdrawn) out.set(name, 'Withdrawn');
  for (const stage of report.stages) {
    for (const e of stage.elected) out.set(e.candidate, `Elected at stage ${stage.number}`);
    for (const e of stage.excluded)
      if (out.get(e.candidate) === '') out.set(e.candidate, `Excluded at stage ${stage.number}`);
  }
  return out;
}

/** "at least 2 with gender “woman”" */
export function constraintWords(c: CountReport['constraints'][number]): string {
  const bounds = [
    ...(c.min === undefined ? [] : [`at least ${c.min}`]),
    ...(c.max === undefined ? [] : [`at most ${c.max}`]),
  ];
  return `${bounds.join(' and ')} elected with ${c.attribute} “${c.value}”`;
}

/** One bar of the movement chart: a total before the stage, its change, and the total after. */
export interface Movement {
  readonly label: string;
  readonly before: Decimal;
  readonly change: Decimal;
  readonly after: Decimal;
}

/** What moved at stage `index` (0-based): every candidate, then the non-transferable pile. */
export function movements(report: CountReport, index: number): Movement[] {
  const stage = report.stages[index];
  if (!stage) return [];
  const previous = report.stages[index - 1];
  const rows: Movement[] = report.candidates.map(({ name }) => {
    const after = stage.votes[name] ?? '0';
    const change = stage.transferred[name] ?? '0';
    return { label: name, before: previous ? (previous.votes[name] ?? '0') : '0', change, after };
  });
  const ntBefore = previous?.nonTransferable ?? '0';
  rows.push({
    label: NON_TRANSFERABLE,
    before: ntBefore,
    change: subtractDecimals(stage.nonTransferable, ntBefore),
    after: stage.nonTransferable,
  });
  return index === 0 ? rows.map((r) => ({ ...r, before: '0', change: r.after })) : rows;
}

export const NON_TRANSFERABLE = 'Non-transferable';

/** Shown under a stage's heading when a tie was broken there; the explanation says how. */
export const TIE_NOTE = 'tie broken (see the explanation)';

/** True when any stage lost votes to rounding (the table then shows that row). */
export function hasRoundingLoss(report: CountReport): boolean {
  return report.stages.some((s) => !isZero(s.roundingLoss));
}

/** "0", "0.00", "-0.000" are zero. */
export function isZero(d: Decimal): boolean {
  return /^[-+]?0*(\.0*)?$/.test(d);
}

// Exact decimal arithmetic on the report's strings: scaled bigints, printed at the widest precision given.
const places = (d: Decimal): number => d.split('.')[1]?.length ?? 0;

function scaled(d: Decimal, scale: number): bigint {
  const negative = d.startsWith('-');
  const [whole = '0', fraction = ''] = d.replace(/^[-+]/, '').split('.');
  const digits = BigInt(`${whole || '0'}${fraction.padEnd(scale, '0')}`);
  return negative ? -digits : digits;
}

function printScaled(value: bigint, scale: number): Decimal {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** The exact sum of decimal strings, at the precision of the most precise one. */
export function sumDecimals(values: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map(places));
  return printScaled(
    values.reduce((total, v) => total + scaled(v, scale), 0n),
    scale,
  );
}

/** `a - b`, exactly. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  return sumDecimals([a, b.startsWith('-') ? b.slice(1) : `-${b.replace(/^\+/, '')}`]);
}

/** Every number a stage column holds adds up to this: the candidates, non-transferable and rounding. */
export function stageTotal(report: CountReport, stage: ReportStage): Decimal {
  return sumDecimals([
    ...report.candidates.map((c) => stage.votes[c.name] ?? '0'),
    stage.nonTransferable,
    stage.roundingLoss,
  ]);
}

/** The plain-English explanation (`.explain`) split into its stage paragraphs and the closing result line. */
export function explanationParagraphs(text: string): { stages: Map<number, string>; result: string } {
  const stages = new Map<number, string>();
  let result = '';
  for (const paragraph of text.split(/\n\s*\n/).map((p) => p.trim())) {
    const stage = /^Stage (\d+): /.exec(paragraph);
    if (stage) stages.set(Number(stage[1]), paragraph.slice(stage[0].length));
    else if (paragraph.startsWith('Result: ')) result = paragraph;
  }
  return { stages, result };
}
