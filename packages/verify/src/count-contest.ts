// One contest counted by its kind — STV with packages/stv, a question with packages/questions — into what is
// published (docs/bundle-format.md "results/"): the report JSON, the text table, the explanation, the BLT (STV
// only), the quorum, and the `result` log entry (docs/log-entries.md). The API's count and the verifier's recount
// both run this, so they agree byte for byte or the verifier names the difference.
import type { QuestionError, QuorumReport } from '@openslate/questions';
import { renderExplanation, renderText, reportToJson, writeBlt } from '@openslate/stv';
import type { ContestKind, ManifestContest } from './manifest.js';
import {
  contestKind,
  contestQuorum,
  tallyQuestion,
  type ContestChoice,
  type CountContext,
  type QuestionKind,
} from './question-tally.js';
import { tallyContest } from './tally.js';

export interface CountedContest {
  readonly kind: ContestKind;
  /** results/<contest>.json: packages/stv's reportToJson, or packages/questions' report. */
  readonly report: Record<string, unknown>;
  /** results/<contest>.txt: the stage table, or the question's table. */
  readonly text: string;
  /** results/<contest>.explain: plain English. */
  readonly explanation: string;
  /** results/<contest>.blt; null for a question. */
  readonly blt: string | null;
  /** Candidate ids: STV's elected in order of election, approval's winners, choose-one's winner; none for a motion. */
  readonly elected: readonly string[];
  readonly invalid: number;
  readonly blank: number;
  /** The quorum (a question's is also inside its report); null without one. */
  readonly quorum: QuorumReport | null;
  /** A question's `carried`; null for STV. */
  readonly carried: boolean | null;
}

const isQuestion = (c: ManifestContest): c is ManifestContest & { kind: QuestionKind } =>
  contestKind(c) !== 'stv';

/** Counts one contest, or says why it cannot be counted (a question's definition, a missing eligible weight). */
export function countContest(
  contest: ManifestContest,
  choices: readonly ContestChoice[],
  context: CountContext,
): { ok: true; value: CountedContest } | { ok: false; error: QuestionError } {
  const quorum = contestQuorum(contest, choices, context.eligible);
  if (!quorum.ok) return quorum;
  if (isQuestion(contest)) {
    const q = tallyQuestion(contest, choices, context);
    if (!q.ok) return q;
    const { report, text, explanation, elected, invalid, blank } = q.value;
    const value = { report: { ...report }, text, explanation, blt: null, elected, invalid, blank };
    return {
      ok: true,
      value: { kind: contest.kind, ...value, quorum: quorum.value, carried: report.carried },
    };
  }
  const tally = tallyContest(contest, choices, context.seed);
  return {
    ok: true,
    value: {
      kind: 'stv',
      report: reportToJson(tally.report) as Record<string, unknown>,
      text: renderText(tally.report),
      explanation: renderExplanation(tally.report),
      blt: writeBlt(tally.election),
      elected: tally.report.elected.map((i) => contest.candidates[i]!.id),
      invalid: tally.invalid,
      blank: tally.blank,
      quorum: quorum.value,
      carried: null,
    },
  };
}

/**
 * The `result` log entry's body: an STV contest's as before question contests (plus `quorum` when it has one); a
 * question's adds `kind` and `carried`, and its `blt` is null. `report`/`blt` are SHA-256 hex of the RFC 8785 report
 * and of the BLT text.
 */
export function resultEntry(
  contest: ManifestContest,
  counted: CountedContest,
  fields: {
    readonly ballots: number;
    readonly seed: string;
    readonly reportHash: string;
    readonly bltHash: string | null;
  },
): Record<string, unknown> {
  return {
    contest: contest.id,
    ...(counted.kind !== 'stv' && { kind: counted.kind, carried: counted.carried }),
    elected: counted.elected,
    ballots: fields.ballots,
    invalid: counted.invalid,
    blank: counted.blank,
    seed: fields.seed,
    report: fields.reportHash,
    blt: fields.bltHash,
    ...(counted.quorum !== null && { quorum: counted.quorum }),
  };
}
