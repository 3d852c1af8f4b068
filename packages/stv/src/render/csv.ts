// The stage grid as CSV (RFC 4180: CRLF line ends, fields with comma, quote or line break quoted, quotes doubled).
import type { Report } from '../types.js';
import { stageGrid } from './table.js';

/** RFC 4180 §2 rules 5–7. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(report: Report): string {
  const grid = stageGrid(report);
  return [grid.header, ...grid.rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
