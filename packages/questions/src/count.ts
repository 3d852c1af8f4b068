// Counts one question: check the definition, add up the weights, test the quorum, then the kind's own rule
// (a motion's threshold, approval's highest totals, choose-one's plurality or majority). The rules in words are
// in docs/counting-rules.md, "Questions and proposals".
import { checkQuestion, optionsOf } from './define.js';
import { fail, ok, questionError, type QuestionError, type Result } from './errors.js';
import { chooseHighest, defaultSeed, type Highest } from './highest.js';
import { evaluateQuorum } from './quorum.js';
import { tally, type Tally } from './tally.js';
import { evaluateThreshold, thresholdBase } from './threshold.js';
import type {
  ApprovalQuestion,
  ApprovalReport,
  CastBallot,
  ChooseOneQuestion,
  ChooseOneReport,
  CountOptions,
  Question,
  QuestionReport,
  YesNoQuestion,
  YesNoReport,
} from './types.js';

type Common = Omit<YesNoReport, 'kind' | 'threshold' | 'carried'>;

function common(
  question: Question,
  t: Tally,
  options: CountOptions,
  parameters: Record<string, string>,
): Common {
  const labels = optionsOf(question);
  return {
    id: question.id,
    title: question.title,
    parameters,
    turnout: {
      received: t.received.toString(),
      valid: t.valid.toString(),
      invalid: t.invalid.toString(),
      invalidByCode: Object.fromEntries([...t.invalidByCode].map(([code, w]) => [code, w.toString()])),
      eligible: options.eligible?.toString() ?? null,
    },
    quorum: evaluateQuorum(question.quorum, t.received, options.eligible),
    totals: labels.map((o, i) => ({ id: o.id, name: o.name, votes: (t.totals[i] ?? 0n).toString() })),
    abstained: t.abstained.toString(),
    seed: null,
    lots: [],
  };
}

const quorumReached = (c: Common): boolean => c.quorum?.reached ?? true;

/** The lot's seed and draw, recorded only when a lot was drawn. */
function withLot(highest: Highest, seed: string): Pick<Common, 'seed' | 'lots'> {
  return highest.lot === null ? { seed: null, lots: [] } : { seed, lots: [highest.lot] };
}

function countYesNo(question: YesNoQuestion, t: Tally, options: CountOptions): YesNoReport {
  const abstentions = question.abstentions ?? 'excluded';
  const c = common(question, t, options, { majority: question.majority, abstentions });
  const [yes = 0n, no = 0n] = t.totals;
  const base = thresholdBase(question.majority, abstentions);
  const baseVotes =
    base === 'eligible' ? (options.eligible ?? 0n) : base === 'valid-votes' ? t.valid : yes + no;
  const threshold = evaluateThreshold(question.majority, base, yes, baseVotes);
  return { kind: 'yes-no-abstain', ...c, threshold, carried: threshold.met && quorumReached(c) };
}

function countApproval(question: ApprovalQuestion, t: Tally, options: CountOptions): ApprovalReport {
  const wanted = question.winners ?? null;
  const c = common(question, t, options, wanted === null ? {} : { winners: String(wanted) });
  if (wanted === null || !quorumReached(c))
    return { kind: 'approval', ...c, winnersWanted: wanted, winners: [], carried: quorumReached(c) };
  const seed = options.seed ?? defaultSeed(question.id, t.totals);
  const highest = chooseHighest(t.totals, wanted, question.options, seed);
  const winners = highest.chosen.map((i) => question.options[i]?.id ?? '');
  return {
    kind: 'approval',
    ...c,
    ...withLot(highest, seed),
    winnersWanted: wanted,
    winners,
    carried: winners.length > 0,
  };
}

function countChooseOne(question: ChooseOneQuestion, t: Tally, options: CountOptions): ChooseOneReport {
  const abstentions = question.abstentions ?? 'excluded';
  const requireMajority = question.requireMajority ?? false;
  const c = common(question, t, options, { requireMajority: String(requireMajority), abstentions });
  const none = { kind: 'choose-one' as const, ...c, winner: null, carried: false };
  if (requireMajority) {
    const leading = t.totals.reduce((a, b) => (b > a ? b : a), 0n);
    const base = thresholdBase('majority', abstentions);
    const threshold = evaluateThreshold(
      'majority',
      base,
      leading,
      base === 'valid-votes' ? t.valid : t.valid - t.abstained,
    );
    const at = t.totals.indexOf(leading); // more than half: no one else can have as many
    const winner = threshold.met && quorumReached(c) ? (question.options[at]?.id ?? null) : null;
    return { ...none, threshold, winner, carried: winner !== null };
  }
  if (!quorumReached(c)) return { ...none, threshold: null };
  const seed = options.seed ?? defaultSeed(question.id, t.totals);
  const highest = chooseHighest(t.totals, 1, question.options, seed);
  const first = highest.chosen[0];
  const winner = first === undefined ? null : (question.options[first]?.id ?? null);
  return { ...none, ...withLot(highest, seed), threshold: null, winner, carried: winner !== null };
}

/**
 * Counts `ballots` (each one ballot's answer to this question) for `question`. Invalid ballots are counted as
 * invalid, never thrown; only a question that cannot be counted (or a roll smaller than the turnout) is an error.
 */
export function countQuestion(
  question: Question,
  ballots: readonly CastBallot[],
  options: CountOptions = {},
): Result<QuestionReport, QuestionError> {
  const checked = checkQuestion(question, options);
  if (!checked.ok) return checked;
  const t = tally(question, ballots);
  if (options.eligible !== undefined && t.received > options.eligible)
    return fail(
      questionError('eligible', `${t.received} votes were received but the roll holds ${options.eligible}`),
    );
  switch (question.kind) {
    case 'yes-no-abstain':
      return ok(countYesNo(question, t, options));
    case 'approval':
      return ok(countApproval(question, t, options));
    case 'choose-one':
      return ok(countChooseOne(question, t, options));
  }
}
