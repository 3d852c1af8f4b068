import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export interface RollRow {
  readonly line: number;
  readonly membershipNumber: string;
  readonly name: string;
  readonly email: string;
  readonly weight: number;
  readonly attributes: Record<string, string>;
}

export interface RollProblem {
  readonly line: number;
  readonly message: string;
}

const REQUIRED = ['membership_number', 'name', 'email'] as const;
const rowSchema = z.object({
  membership_number: z.string().trim().min(1, 'membership number is empty').max(64),
  name: z.string().trim().min(1, 'name is empty').max(200),
  email: z.string().trim().email('email is not an email address').max(320),
  weight: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, 'weight must be a whole number')
    .transform(Number)
    .refine((n) => n >= 1, 'weight must be at least 1')
    .optional(),
});

/** Header names are matched loosely: "Membership number", "membership-number" → membership_number. */
const normaliseHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Parses a roll CSV (RFC 4180; a header row with membership_number, name, email, optional weight, and any other
 * columns kept as attributes). Every bad line is reported with its line number; any problem means no rows.
 */
export function parseRollCsv(text: string): { rows: RollRow[]; problems: RollProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], problems: [{ line: e.lines ?? 1, message: `not valid CSV: ${e.message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const names = header.map(normaliseHeader);
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length)
    return { rows: [], problems: [{ line: 1, message: `the header lacks ${missing.join(', ')}` }] };

  const rows: RollRow[] = [];
  const problems: RollProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((record, i) => {
    const line = i + 2;
    if (record.length !== names.length) {
      problems.push({ line, message: `has ${record.length} fields, the header has ${names.length}` });
      return;
    }
    const raw = Object.fromEntries(names.map((n, j) => [n, record[j] ?? '']));
    const parsed = rowSchema.safeParse({ ...raw, weight: raw['weight'] === '' ? undefined : raw['weight'] });
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((x) => x.message).join('; ') });
      return;
    }
    const number = parsed.data.membership_number;
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      problems.push({ line, message: `membership number ${number} is already on line ${earlier}` });
      return;
    }
    seen.set(number, line);
    const attributes = Object.fromEntries(
      names
        .filter((n) => !['membership_number', 'name', 'email', 'weight'].includes(n))
        .map((n) => [n, (raw[n] ?? '').trim()]),
    );
    rows.push({
      line,
      membershipNumber: number,
      name: parsed.data.name,
      email: parsed.data.email.toLowerCase(),
      weight: parsed.data.weight ?? 1,
      attributes,
    });
  });
  return { rows: problems.length ? [] : rows, problems };
}
