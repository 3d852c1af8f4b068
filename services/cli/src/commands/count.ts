// `openslate count <ballots.blt|ballots.json> --rules <scottish|ers97|wigm|meek> [--seats N]
//    [--format text|json|csv|explain] [--constraint 'attribute=value>=N' ...] [--attributes candidates.csv]
//    [--seed S]`: counts a ballot file and prints the report. Exit 0 on success, 2 on bad input or arguments
// (the message, naming the file, line and column, on stderr).
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  count,
  parseBlt,
  parseJsonBallots,
  renderCsv,
  renderExplanation,
  renderJson,
  renderText,
  StvInputError,
  type Constraint,
  type Election,
  type Report,
  type RuleName,
} from '@openslate/stv';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from '../io.js';

const USAGE =
  'usage: openslate count <ballots.blt|ballots.json> --rules <scottish|ers97|wigm|meek> [--seats N]\n' +
  "       [--format text|json|csv|explain] [--constraint 'attribute=value>=N' | 'attribute=value<=N' ...]\n" +
  '       [--attributes candidates.csv] [--seed S]\n';

const RULES: readonly RuleName[] = ['scottish', 'ers97', 'wigm', 'meek'];
const FORMATS: Record<string, (report: Report) => string> = {
  text: renderText,
  json: renderJson,
  csv: renderCsv,
  explain: renderExplanation,
};

/** Bad arguments: reported on stderr with the usage and exit code 2. */
class UsageError extends Error {}

/**
 * `--constraint` values: `gender=woman>=4` (at least 4 seats), `gender=man<=5` (at most 5). Bounds on the same
 * attribute=value combine into one constraint.
 */
export function parseConstraints(texts: readonly string[]): Constraint[] {
  const byGroup = new Map<string, { attribute: string; value: string; min?: number; max?: number }>();
  for (const text of texts) {
    const m = /^([^=<>]+)=([^<>]*?)(>=|<=)(\d+)$/.exec(text.trim());
    if (!m) throw new UsageError(`--constraint '${text}': expected attribute=value>=N or attribute=value<=N`);
    const [, attribute = '', value = '', op, n = '0'] = m;
    const key = `${attribute}\u0000${value}`;
    const group = byGroup.get(key) ?? { attribute, value };
    if (op === '>=') group.min = Number(n);
    else group.max = Number(n);
    byGroup.set(key, group);
  }
  return [...byGroup.values()];
}

/** RFC 4180 records (csv-parse), blank lines skipped, each with the line it starts on. */
function csvRecords(text: string): { fields: string[]; line: number }[] {
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records
      .filter((r) => r.record.some((f) => f.trim() !== ''))
      .map((r) => ({ fields: r.record, line: r.info.lines }));
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new StvInputError(
      'constraint',
      `the attributes file is not valid CSV: ${e.message}`,
      e.lines ?? 1,
      1,
    );
  }
}

/**
 * Adds candidate attributes from a CSV whose header is `name,<attribute>,...` and whose rows name candidates
 * exactly as in the ballot file. An unknown name is an input error naming its line.
 */
export function applyAttributes(election: Election, csv: string): Election {
  const [first, ...rows] = csvRecords(csv);
  const header = first?.fields;
  if (!header || header[0]?.trim().toLowerCase() !== 'name' || header.length < 2) {
    throw new StvInputError('constraint', 'the first line must be "name,<attribute>,..."', 1, 1);
  }
  const attributes = election.candidates.map((c) => ({ ...c.attributes }));
  rows.forEach(({ fields: r, line }) => {
    const name = r[0] ?? '';
    const index = election.candidates.findIndex((c) => c.name === name || c.name.trim() === name.trim());
    if (index < 0) throw new StvInputError('constraint', `no candidate named "${name}"`, line, 1);
    header.slice(1).forEach((attribute, k) => {
      const value = r[k + 1];
      if (value !== undefined && value !== '')
        (attributes[index] as Record<string, string>)[attribute.trim()] = value.trim();
    });
  });
  return {
    ...election,
    candidates: election.candidates.map((c, i) => ({ ...c, attributes: attributes[i] ?? {} })),
  };
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** A JSON ballot file (by extension, or by content starting with '{') or a BLT file. */
function parseBallots(path: string, text: string): Election {
  const json = /\.json$/i.test(path) || text.trimStart().startsWith('{');
  return json ? parseJsonBallots(text).election : parseBlt(text);
}

export const run: Command = async (args: string[], io: CliIo): Promise<number> => {
  let file = '';
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        rules: { type: 'string' },
        seats: { type: 'string' },
        format: { type: 'string', default: 'text' },
        constraint: { type: 'string', multiple: true, default: [] },
        attributes: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('expected exactly one ballot file');
    file = positionals[0] as string;
    const rule = values.rules as RuleName | undefined;
    if (!rule || !RULES.includes(rule)) throw new UsageError(`--rules must be one of ${RULES.join(', ')}`);
    const render = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format] : undefined;
    if (!render) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
    let seats: number | undefined;
    if (values.seats !== undefined) {
      if (!/^[1-9]\d*$/.test(values.seats)) throw new UsageError('--seats must be a positive whole number');
      seats = Number(values.seats);
    }
    const constraints = parseConstraints(values.constraint);
    let election = parseBallots(file, await readInput(file));
    if (values.attributes !== undefined) {
      file = values.attributes; // errors below name the attributes file
      election = applyAttributes(election, await readInput(file));
      file = positionals[0] as string;
    }
    const report = count(election, {
      rule,
      ...(seats !== undefined ? { seats } : {}),
      ...(constraints.length > 0 ? { constraints } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
    });
    io.stdout(render(report));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof StvInputError) {
      io.stderr(`openslate count: ${file}: ${e.message} [${e.code}]\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`openslate count: ${(e as Error).message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
};
