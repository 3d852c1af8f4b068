// Compares decimal strings by exact value (stage 1 is printed "1035" officially, "1035.00000" by us).
import { Fixed } from '../../src/index.js';
import type { Report } from '../../src/index.js';

export const value = (s: string, places: number): bigint => Fixed.parse(s, places).units;

export const names = (report: Report, ids: readonly number[]): string[] =>
  ids.map((c) => report.candidates[c]?.name ?? `#${c}`);
