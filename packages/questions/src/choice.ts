// One ballot's choice for one question, checked: the API can refuse a bad ballot at casting time with the same
// rules the counter applies. A valid choice is the list of chosen option positions (empty: an abstention).
import { optionsOf } from './define.js';
import { ballotError, fail, ok, type BallotError, type Result } from './errors.js';
import type { Question } from './types.js';

/** Positions in `optionsOf(question)`, in the order the ballot gave them; empty for an abstention. */
export type Choice = readonly number[];

function positionOf(question: Question, id: unknown): Result<number, BallotError> {
  if (typeof id !== 'string')
    return fail(ballotError('not-an-option', 'an option must be given by its id (a string)'));
  const at = optionsOf(question).findIndex((o) => o.id === id);
  return at < 0 ? fail(ballotError('unknown-option', `"${id}" is not an option of this question`)) : ok(at);
}

function parseYesNo(raw: unknown): Result<Choice, BallotError> {
  if (raw === 'yes') return ok([0]);
  if (raw === 'no') return ok([1]);
  if (raw === 'abstain') return ok([]);
  return fail(ballotError('unknown-answer', 'the answer must be "yes", "no" or "abstain"'));
}

function parseApproval(question: Question, raw: unknown): Result<Choice, BallotError> {
  if (!Array.isArray(raw))
    return fail(ballotError('not-a-list', 'an approval ballot is a list of option ids'));
  const chosen: number[] = [];
  for (const id of raw as unknown[]) {
    const at = positionOf(question, id);
    if (!at.ok) return at;
    if (chosen.includes(at.value))
      return fail(ballotError('duplicate-option', `"${String(id)}" is chosen twice`));
    chosen.push(at.value);
  }
  return ok(chosen);
}

function parseChooseOne(question: Question, raw: unknown): Result<Choice, BallotError> {
  if (raw === null) return ok([]);
  if (Array.isArray(raw) && raw.length > 1)
    return fail(ballotError('too-many-choices', 'choose-one allows one option (or null for a blank ballot)'));
  const at = positionOf(question, raw);
  return at.ok ? ok([at.value]) : at;
}

/** The ballot's choice, or why it is invalid (checked against a question that passed `checkQuestion`). */
export function parseChoice(question: Question, raw: unknown): Result<Choice, BallotError> {
  switch (question.kind) {
    case 'yes-no-abstain':
      return parseYesNo(raw);
    case 'approval':
      return parseApproval(question, raw);
    case 'choose-one':
      return parseChooseOne(question, raw);
  }
}

/** A ballot's weight: default 1; anything but a positive bigint makes the ballot invalid. */
export function parseWeight(weight: unknown): Result<bigint, BallotError> {
  if (weight === undefined) return ok(1n);
  return typeof weight === 'bigint' && weight > 0n
    ? ok(weight)
    : fail(ballotError('weight', 'a ballot weight must be a positive whole number (bigint)'));
}
