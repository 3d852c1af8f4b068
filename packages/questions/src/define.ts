// Checks a question's definition and the count's options before anything is counted, so every later step can
// rely on them: option ids unique, winners in range, a quorum that makes sense, an eligible weight where needed.
import { fail, ok, questionError, type QuestionError, type Result } from './errors.js';
import type { CountOptions, Question, QuestionOption } from './types.js';

/** A motion's two countable answers; `abstain` is a valid ballot that chooses neither. */
export const YES_NO_OPTIONS: readonly QuestionOption[] = [
  { id: 'yes', name: 'Yes' },
  { id: 'no', name: 'No' },
];

/** The options a ballot chooses among, in question order (yes, no for a motion). */
export function optionsOf(question: Question): readonly QuestionOption[] {
  return question.kind === 'yes-no-abstain' ? YES_NO_OPTIONS : question.options;
}

function checkOptions(options: readonly QuestionOption[]): QuestionError | null {
  if (!Array.isArray(options) || options.length < 2)
    return questionError('options', 'a question needs at least two options');
  const seen = new Set<string>();
  for (const o of options) {
    if (typeof o?.id !== 'string' || o.id === '' || typeof o.name !== 'string')
      return questionError('options', 'every option needs a non-empty string id and a string name');
    if (seen.has(o.id)) return questionError('options', `option id "${o.id}" is used twice`);
    seen.add(o.id);
  }
  return null;
}

function checkQuorum(question: Question, eligible: bigint | undefined): QuestionError | null {
  const q = question.quorum;
  if (q === undefined) return null;
  if (q.kind === 'weight')
    return typeof q.weight === 'bigint' && q.weight > 0n
      ? null
      : questionError('quorum', 'a quorum weight must be a positive whole number (bigint)');
  if (q.kind !== 'fraction-of-eligible') return questionError('quorum', 'unknown quorum kind');
  if (!Number.isSafeInteger(q.numerator) || !Number.isSafeInteger(q.denominator))
    return questionError('quorum', 'a quorum fraction needs whole numerator and denominator');
  if (q.numerator <= 0 || q.denominator <= 0 || q.numerator > q.denominator)
    return questionError('quorum', 'a quorum fraction must be more than 0 and at most 1');
  return eligible === undefined
    ? questionError('eligible', 'a quorum that is a fraction of the eligible roll needs the eligible weight')
    : null;
}

function checkKind(question: Question, eligible: bigint | undefined): QuestionError | null {
  switch (question.kind) {
    case 'yes-no-abstain':
      if (!['simple', 'two-thirds', 'of-eligible'].includes(question.majority))
        return questionError('majority', 'majority must be simple, two-thirds or of-eligible');
      if (question.majority === 'of-eligible' && eligible === undefined)
        return questionError('eligible', 'a majority of the eligible roll needs the eligible weight');
      return checkAbstentions(question.abstentions);
    case 'approval': {
      const w = question.winners;
      if (w !== undefined && (!Number.isSafeInteger(w) || w < 1 || w > question.options.length))
        return questionError('winners', 'winners must be a whole number from 1 to the number of options');
      return checkOptions(question.options);
    }
    case 'choose-one':
      return checkOptions(question.options) ?? checkAbstentions(question.abstentions);
    default:
      return questionError('kind', 'kind must be yes-no-abstain, approval or choose-one');
  }
}

function checkAbstentions(a: string | undefined): QuestionError | null {
  return a === undefined || a === 'excluded' || a === 'included'
    ? null
    : questionError('abstentions', 'abstentions must be excluded or included');
}

/** The question is countable with these options, or the first problem found. */
export function checkQuestion(
  question: Question,
  options: CountOptions = {},
): Result<Question, QuestionError> {
  const { eligible } = options;
  if (typeof question.id !== 'string' || question.id === '')
    return fail(questionError('id', 'a question needs a non-empty string id'));
  if (eligible !== undefined && (typeof eligible !== 'bigint' || eligible <= 0n))
    return fail(questionError('eligible', 'the eligible weight must be a positive whole number (bigint)'));
  const problem = checkKind(question, eligible) ?? checkQuorum(question, eligible);
  return problem === null ? ok(question) : fail(problem);
}
