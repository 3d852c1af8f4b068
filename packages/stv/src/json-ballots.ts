// The JSON ballot format used by the rest of Openslate (the API exports it, the counter reads it):
//   { "title": "...", "seats": 3,
//     "candidates": [{ "id": "c1", "name": "Ann", "attributes": { "gender": "woman" } }, ...],
//     "withdrawn": ["c4"],                    (optional)
//     "tieOrder": ["c2", "c1", ...],          (optional: strongest first, like BLT [tie])
//     "ballots": [{ "ranking": ["c1", ["c2", "c3"], "c5"], "weight": 2 }, ...] }
// A nested array is an equal ranking; `weight` (default 1) is a positive integer (a number or a digit string).
// Identical rankings are grouped; an empty ranking is a blank paper and is left out of the count.
// Syntax follows RFC 8259; every error names the line and column of the offending value.
import { StvInputError } from './errors.js';
import { candidateId, type Ballot, type Candidate, type CandidateId, type Election } from './types.js';

// ---- A small RFC 8259 parser that remembers where each value starts -------------------------------------

type JsonNode =
  | { readonly kind: 'object'; readonly at: number; readonly members: ReadonlyMap<string, JsonNode> }
  | { readonly kind: 'array'; readonly at: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly at: number; readonly value: string }
  | { readonly kind: 'number'; readonly at: number; readonly raw: string }
  | { readonly kind: 'literal'; readonly at: number; readonly value: boolean | null };

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): JsonNode {
  let i = 0;
  const fail = (message: string, at = i): never => {
    const p = position(text, at);
    throw new StvInputError('json-ballots', message, p.line, p.column);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++; // RFC 8259 §2: ws
  };
  const expect = (ch: string): void => {
    skipSpace();
    if (text[i] !== ch)
      fail(`expected '${ch}'${i < text.length ? ` but found '${text[i]}'` : ' but the text ended'}`);
    i++;
  };
  const parseString = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('control character in a string'); // RFC 8259 §7: must be escaped
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('unterminated string', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string; // RFC 8259 §7 escapes, decoded by the platform
    } catch {
      return fail('malformed escape in a string', start);
    }
  };
  const parseValue = (): JsonNode => {
    skipSpace();
    const at = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const members = new Map<string, JsonNode>();
      skipSpace();
      if (text[i] === '}') return (i++, { kind: 'object', at, members });
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('expected a member name in double quotes');
        const keyAt = i;
        const key = parseString();
        if (members.has(key)) fail(`duplicate member "${key}"`, keyAt);
        expect(':');
        members.set(key, parseValue());
        skipSpace();
        if (text[i] === '}') return (i++, { kind: 'object', at, members });
        expect(',');
      }
    }
    if (ch === '[') {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === ']') return (i++, { kind: 'array', at, items });
      for (;;) {
        items.push(parseValue());
        skipSpace();
        if (text[i] === ']') return (i++, { kind: 'array', at, items });
        expect(',');
      }
    }
    if (ch === '"') return { kind: 'string', at, value: parseString() };
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i)); // RFC 8259 §6
    if (number) return ((i += number[0].length), { kind: 'number', at, raw: number[0] });
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) return ((i += word.length), { kind: 'literal', at, value });
    }
    return fail(i < text.length ? `unexpected '${ch}'` : 'unexpected end of text');
  };
  const root = parseValue();
  skipSpace();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}

// ---- The ballot format --------------------------------------------------------------------------------------

export interface JsonBallots {
  readonly election: Election;
  /** The JSON candidate ids, indexed by CandidateId (the counter numbers candidates in the order given). */
  readonly candidateIds: readonly string[];
}

/**
 * Parses and validates the JSON ballot format. Throws StvInputError (code 'json-ballots' or 'seats') naming the
 * line and column of the offending value: syntax errors, missing or mistyped fields, unknown or repeated
 * candidate ids, a candidate ranked twice on one ballot, bad weights, more seats than candidates.
 */
export function parseJsonBallots(text: string): JsonBallots {
  const root = parseJson(text);
  const fail = (node: JsonNode, message: string, code: 'json-ballots' | 'seats' = 'json-ballots'): never => {
    const p = position(text, node.at);
    throw new StvInputError(code, message, p.line, p.column);
  };
  const object = (node: JsonNode, what: string): ReadonlyMap<string, JsonNode> =>
    node.kind === 'object' ? node.members : fail(node, `${what} must be an object`);
  const array = (node: JsonNode, what: string): readonly JsonNode[] =>
    node.kind === 'array' ? node.items : fail(node, `${what} must be an array`);
  const string = (node: JsonNode, what: string): string =>
    node.kind === 'string' ? node.value : fail(node, `${what} must be a string`);
  const member = (obj: ReadonlyMap<string, JsonNode>, owner: JsonNode, key: string): JsonNode =>
    obj.get(key) ?? fail(owner, `missing "${key}"`);

  const top = object(root, 'the ballot file');
  const title = string(member(top, root, 'title'), '"title"');

  const candidatesNode = member(top, root, 'candidates');
  const ids = new Map<string, CandidateId>();
  const candidates: Candidate[] = array(candidatesNode, '"candidates"').map((node, index) => {
    const c = object(node, 'a candidate');
    const idNode = member(c, node, 'id');
    const id = string(idNode, 'a candidate id');
    if (id === '') fail(idNode, 'a candidate id must not be empty');
    if (ids.has(id)) fail(idNode, `candidate id "${id}" is used twice`);
    ids.set(id, candidateId(index));
    const attributes: Record<string, string> = {};
    const attrNode = c.get('attributes');
    if (attrNode)
      for (const [k, v] of object(attrNode, '"attributes"')) attributes[k] = string(v, `attribute "${k}"`);
    return { id: candidateId(index), name: string(member(c, node, 'name'), 'a candidate name'), attributes };
  });
  if (candidates.length === 0) fail(candidatesNode, 'there must be at least one candidate');

  const lookup = (node: JsonNode): CandidateId => {
    const id = string(node, 'a candidate id');
    return ids.get(id) ?? fail(node, `unknown candidate id "${id}"`);
  };
  const idList = (key: string): CandidateId[] => {
    const node = top.get(key);
    if (!node) return [];
    const seen = new Set<CandidateId>();
    return array(node, `"${key}"`).map((item) => {
      const id = lookup(item);
      if (seen.has(id)) fail(item, `candidate "${string(item, '')}" appears twice in "${key}"`);
      seen.add(id);
      return id;
    });
  };
  const withdrawn = idList('withdrawn');
  const tieOrder = idList('tieOrder');

  const seatsNode = member(top, root, 'seats');
  const seats = seatsNode.kind === 'number' && /^[1-9]\d*$/.test(seatsNode.raw) ? Number(seatsNode.raw) : NaN;
  if (!Number.isSafeInteger(seats)) fail(seatsNode, '"seats" must be a positive whole number');
  const standing = candidates.length - withdrawn.length;
  if (seats > standing) fail(seatsNode, `${seats} seats but only ${standing} candidates standing`, 'seats');

  const groups = new Map<string, { weight: bigint; preferences: CandidateId[][] }>();
  for (const node of array(member(top, root, 'ballots'), '"ballots"')) {
    const b = object(node, 'a ballot');
    const weightNode = b.get('weight');
    const weight = weightNode === undefined ? 1n : ballotWeight(weightNode, fail);
    const seen = new Set<CandidateId>();
    const preferences = array(member(b, node, 'ranking'), '"ranking"').map((pref) => {
      const group = pref.kind === 'array' ? pref.items : [pref];
      if (group.length === 0) fail(pref, 'an equal ranking must name at least one candidate');
      return group.map((item) => {
        const id = lookup(item);
        if (seen.has(id)) fail(item, `candidate "${string(item, '')}" is ranked twice on this ballot`);
        seen.add(id);
        return id;
      });
    });
    if (preferences.length === 0) continue; // a blank paper
    const key = preferences.map((p) => p.join('=')).join(' ');
    const grouped = groups.get(key);
    if (grouped) grouped.weight += weight;
    else groups.set(key, { weight, preferences });
  }
  const ballots: Ballot[] = [...groups.values()];
  const election: Election = {
    title,
    seats,
    candidates,
    withdrawn,
    ballots,
    ...(tieOrder.length > 0 ? { tieOrder } : {}),
  };
  return { election, candidateIds: [...ids.keys()] };
}

function ballotWeight(node: JsonNode, fail: (node: JsonNode, message: string) => never): bigint {
  const raw = node.kind === 'number' ? node.raw : node.kind === 'string' ? node.value : '';
  if (!/^[1-9]\d*$/.test(raw)) return fail(node, '"weight" must be a positive whole number');
  return BigInt(raw);
}
