export * from './types.js';
export {
  ballotError,
  questionError,
  type BallotError,
  type BallotErrorCode,
  type QuestionError,
  type QuestionErrorCode,
  type Result,
} from './errors.js';
export { checkQuestion, optionsOf, YES_NO_OPTIONS } from './define.js';
export { parseChoice, parseWeight, type Choice } from './choice.js';
export { tally, type Tally } from './tally.js';
export { meetsShare, leastMeeting, percent, type Fraction } from './fraction.js';
export { chooseHighest, defaultSeed } from './highest.js';
export { countQuestion } from './count.js';
export { evaluateQuorum } from './quorum.js';
export { resolveAmendments, type AmendmentOutcome } from './amendment.js';
export { renderQuestionText } from './render/text.js';
export { renderQuestionExplanation } from './render/explain.js';
export { renderQuestionJson } from './render/json.js';
