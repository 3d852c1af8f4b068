// Amendments (docs/counting-rules.md, "Amendments"): each amendment to a proposal is voted on first, in order;
// a carried amendment changes the text, and the substantive vote is then on the proposal as amended by every
// carried amendment. The proposal's outcome is the substantive vote's, whatever the amendments' were.
import { fail, ok, questionError, type QuestionError, type Result } from './errors.js';
import { listWords as list } from './render/words.js';
import type { YesNoReport } from './types.js';

export interface AmendmentOutcome {
  readonly proposal: string;
  /** Ids of carried amendments, in the order voted. */
  readonly adopted: readonly string[];
  readonly rejected: readonly string[];
  /** The text the substantive vote was on. */
  readonly text: 'original' | 'amended';
  /** The proposal (on that text) was carried. */
  readonly carried: boolean;
  readonly words: string;
}

function amendmentWords(adopted: readonly string[], rejected: readonly string[]): string {
  const parts: string[] = [];
  if (adopted.length > 0)
    parts.push(`${adopted.length === 1 ? 'Amendment' : 'Amendments'} ${list(adopted)} carried`);
  if (rejected.length > 0)
    parts.push(`${rejected.length === 1 ? 'amendment' : 'amendments'} ${list(rejected)} fell`);
  const said = parts.join('; ');
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
}

/**
 * The proposal's outcome from its amendments' results (in the order voted) and the substantive vote's result
 * (taken on the text as amended by the carried ones).
 */
export function resolveAmendments(
  amendments: readonly YesNoReport[],
  substantive: YesNoReport,
): Result<AmendmentOutcome, QuestionError> {
  const ids = amendments.map((a) => a.id);
  if (ids.includes(substantive.id) || new Set(ids).size !== ids.length)
    return fail(questionError('amendment', 'each amendment and the proposal need distinct ids'));
  const adopted = amendments.filter((a) => a.carried).map((a) => a.id);
  const rejected = amendments.filter((a) => !a.carried).map((a) => a.id);
  const text = adopted.length > 0 ? 'amended' : 'original';
  const on = text === 'amended' ? 'as amended' : 'as originally drafted';
  const result = substantive.carried ? 'was carried' : 'was not carried';
  const before = amendments.length === 0 ? '' : `${amendmentWords(adopted, rejected)}. `;
  return ok({
    proposal: substantive.id,
    adopted,
    rejected,
    text,
    carried: substantive.carried,
    words: `${before}The proposal ${substantive.id}, put to the vote ${on}, ${result}.`,
  });
}
