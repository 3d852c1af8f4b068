export * from './types.js';
export { StvInputError, type StvErrorCode } from './errors.js';
export { Fixed, Rational, divRound, formatUnits, scaleOf, type RoundingMode } from './arith/index.js';
export { parseBlt } from './blt.js';
export { count, resolveOptions, type ResolvedOptions } from './count.js';
export { countScottish } from './rules/scottish.js';
export { countWigm } from './rules/wigm.js';
export { countErs97 } from './rules/ers97.js';
export {
  canExcludeAll,
  forcedExclusion,
  mayElect,
  protectedFromExclusion,
  validateConstraints,
  inGroup,
  type ConstraintAction,
  type ConstraintView,
} from './constraints.js';
export { breakTie, type TieContext, type TieResult } from './ties.js';
export { drawLot, lotTicket } from './lot.js';
export { droopIntegerQuota, droopFixedQuota, droopRoundedUpQuota } from './quota.js';
// Engineer B: renderers, JSON ballots, BLT writer
export { renderJson, reportToJson } from './render/json.js';
export { renderText } from './render/text.js';
export { renderCsv } from './render/csv.js';
export { renderExplanation } from './render/explain.js';
export { candidateLabels } from './render/labels.js';
export { countMeek, type MeekOptions, type MeekVariant } from './rules/meek.js';
export { parseJsonBallots, type JsonBallots } from './json-ballots.js';
export { writeBlt, type BltWriteOptions } from './blt-writer.js';
