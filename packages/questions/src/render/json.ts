// The report is already plain JSON (every number a decimal string, RFC 8259): printed with two-space indents.
import type { QuestionReport } from '../types.js';

export function renderQuestionJson(report: QuestionReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
