// BLT ballot files (ERS / OpenSTV / Droop format), with every real-world variant in
// /work/shared/elections: CRLF, space padding, `"name" "party"` candidate lines, unquoted names,
// withdrawn candidates as negatives or `[withdrawn ...]`, `[nick ...]`, `[tie ...]`, equal rankings `2=3`,
// `#` and `/* */` comments, and free text after the title. Every error names its line and column.
import { StvInputError, type StvErrorCode } from './errors.js';
import {
  candidateId,
  type Ballot,
  type Candidate,
  type CandidateId,
  type Election,
  type Preference,
} from './types.js';

interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Replaces `#` line comments and `/* *\/` block comments (outside quotes) by spaces, keeping line breaks. */
function stripComments(text: string): string {
  if (!text.includes('#') && !text.includes('/*')) return text;
  let out = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuote) {
      if (ch === '"' || ch === '\n') inQuote = false;
      out += ch;
    } else if (ch === '"') {
      inQuote = true;
      out += ch;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
      if (i < text.length) out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Whitespace-separated tokens of one line, with 1-based columns. */
function tokens(line: string, lineNo: number): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push({ text: m[0], line: lineNo, column: m.index + 1 });
  return out;
}

/** Quoted strings on a line (a `""` string is empty); null if the line holds none. */
function quotedStrings(line: string): string[] | null {
  const out: string[] = [];
  const re = /"([^"]*)"/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? '');
  return out.length > 0 ? out : null;
}

function fail(code: StvErrorCode, message: string, at: { line: number; column: number }): never {
  throw new StvInputError(code, message, at.line, at.column);
}

const isInteger = (s: string): boolean => /^-?\d+$/.test(s);

/**
 * Parses the text of a BLT file (read as UTF-8; names are kept exactly as written).
 * Throws StvInputError (with line and column) on malformed input.
 */
export function parseBlt(text: string): Election {
  const lines = stripComments(text.replace(/^\uFEFF/, ''))
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  let li = 0; // index into lines
  const lastLine = lines.reduce((last, l, i) => (l.trim() === '' ? last : i + 1), 1);
  const nextContentLine = (): number => {
    while (li < lines.length && (lines[li] as string).trim() === '') li++;
    return li;
  };

  // Header: "<candidates> <seats>", possibly followed on the same line by nothing else.
  nextContentLine();
  if (li >= lines.length)
    fail('blt-header', 'empty file: expected "<candidates> <seats>"', { line: 1, column: 1 });
  const header = tokens(lines[li] as string, li + 1);
  const [nTok, sTok] = header;
  if (!nTok || !sTok || !isInteger(nTok.text) || !isInteger(sTok.text) || header.length !== 2) {
    return fail(
      'blt-header',
      'expected "<number of candidates> <number of seats>"',
      nTok ?? { line: li + 1, column: 1 },
    );
  }
  const nCandidates = Number(nTok.text);
  const seats = Number(sTok.text);
  if (nCandidates < 1) fail('blt-header', 'the number of candidates must be at least 1', nTok);
  if (seats < 1) fail('seats', 'the number of seats must be at least 1', sTok);
  if (seats > nCandidates) fail('seats', `${seats} seats but only ${nCandidates} candidates`, sTok);
  li++;

  const nicks = new Map<string, CandidateId>();
  const withdrawn: CandidateId[] = [];
  let tieOrder: CandidateId[] | undefined;

  /** A candidate reference: a number 1..n or a nickname. */
  const candidateRef = (tok: Token, text = tok.text): CandidateId => {
    const byNick = nicks.get(text);
    if (byNick !== undefined) return byNick;
    if (!/^\d+$/.test(text)) return fail('blt-candidate', `unknown candidate "${text}"`, tok);
    const n = Number(text);
    if (n < 1 || n > nCandidates)
      return fail('blt-candidate', `candidate ${n} is not between 1 and ${nCandidates}`, tok);
    return candidateId(n - 1);
  };

  // Options lines ([nick], [withdrawn], [tie]) and withdrawn candidates as negative numbers, then ballots.
  const ballots: Ballot[] = [];
  for (;;) {
    nextContentLine();
    if (li >= lines.length)
      fail('blt-unterminated', 'ballots not ended by a line "0"', { line: lastLine, column: 1 });
    const line = lines[li] as string;
    const toks = tokens(line, li + 1);
    const first = toks[0] as Token;
    li++;
    if (first.text.startsWith('[')) {
      parseOption(line, li, toks);
      continue;
    }
    if (first.text.startsWith('-')) {
      for (const t of toks) {
        if (!/^-\d+$/.test(t.text))
          fail('blt-option', `expected a withdrawn candidate like -2, found "${t.text}"`, t);
        withdrawn.push(candidateRef(t, t.text.slice(1)));
      }
      continue;
    }
    if (first.text === '0' && toks.length === 1) break;
    ballots.push(parseBallot(toks));
  }

  function parseOption(line: string, lineNo: number, toks: Token[]): void {
    const first = toks[0] as Token;
    const close = line.lastIndexOf(']');
    if (close < 0) fail('blt-option', 'option not closed by "]"', first);
    const words = tokens(line.slice(0, close).replace('[', ' '), lineNo);
    const [kind, ...args] = words;
    switch (kind?.text) {
      case 'nick':
        if (args.length !== nCandidates) {
          fail('blt-option', `[nick] needs ${nCandidates} nicknames, found ${args.length}`, kind);
        }
        args.forEach((a, i) => {
          if (nicks.has(a.text)) fail('blt-option', `nickname "${a.text}" used twice`, a);
          nicks.set(a.text, candidateId(i));
        });
        return;
      case 'withdrawn':
        for (const a of args) withdrawn.push(candidateRef(a));
        return;
      case 'tie':
        tieOrder = args.map((a) => candidateRef(a));
        return;
      case 'droop': // Droop's own count settings ([droop precision=5 ...]): the rule chosen for the count decides.
      case 'undeclared': // Minneapolis undeclared write-ins (Droop): no effect on the rules counted here.
        return;
      default:
        fail('blt-option', `unknown option [${kind?.text ?? ''}]`, kind ?? first);
    }
  }

  function parseBallot(toks: Token[]): Ballot {
    let [weightTok, ...rest] = toks as [Token, ...Token[]];
    // Droop allows an optional ballot id in parentheses before the weight.
    if (weightTok.text.startsWith('(') && rest.length > 0) [weightTok, ...rest] = rest as [Token, ...Token[]];
    if (!/^\d+$/.test(weightTok.text)) {
      fail('blt-weight', `ballot weight must be a whole number, found "${weightTok.text}"`, weightTok);
    }
    const last = rest[rest.length - 1];
    if (!last || last.text !== '0') {
      fail('blt-unterminated', 'ballot line must end with 0', last ?? weightTok);
    }
    const seen = new Set<CandidateId>();
    const preferences: Preference[] = [];
    for (const tok of rest.slice(0, -1)) {
      const group: CandidateId[] = [];
      let offset = 0;
      for (const part of tok.text.split('=')) {
        const at = { text: part, line: tok.line, column: tok.column + offset };
        offset += part.length + 1;
        if (part === '') fail('blt-ballot', `malformed equal ranking "${tok.text}"`, at);
        const c = candidateRef(at, part);
        if (seen.has(c)) fail('blt-duplicate', `candidate "${part}" ranked twice on one ballot`, at);
        seen.add(c);
        group.push(c);
      }
      preferences.push(group);
    }
    return { weight: BigInt(weightTok.text), preferences };
  }

  // Candidate names, one per line: `"name"`, `"name" "party"`, or an unquoted name. Then the title.
  const candidates: Candidate[] = [];
  while (candidates.length < nCandidates) {
    nextContentLine();
    if (li >= lines.length) {
      const at = { line: lastLine, column: 1 };
      fail('blt-names', `expected ${nCandidates} candidate names, found ${candidates.length}`, at);
    }
    const line = lines[li] as string;
    const quoted = quotedStrings(line);
    const id = candidateId(candidates.length);
    const name = quoted ? (quoted[0] as string) : line.trim();
    const affiliation = quoted?.[1];
    candidates.push({ id, name, ...(affiliation !== undefined ? { affiliation } : {}), attributes: {} });
    li++;
  }
  nextContentLine();
  const titleLine = lines[li];
  const title = titleLine === undefined ? '' : (quotedStrings(titleLine)?.[0] ?? titleLine.trim());
  // Anything after the title (Droop's optional source/comment strings, free notes) is not part of the count.

  return {
    title,
    seats,
    candidates,
    withdrawn: [...new Set(withdrawn)],
    ballots,
    ...(tieOrder ? { tieOrder } : {}),
  };
}
