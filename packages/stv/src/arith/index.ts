export { divRound, type RoundingMode } from './rounding.js';
export { Fixed, formatUnits, scaleOf } from './fixed.js';
export { Rational } from './rational.js';
