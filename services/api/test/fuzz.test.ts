// Fuzzing every endpoint of the route table (packages/client ROUTES, which a test checks the app mounts exactly):
// random JSON bodies, wrong types, huge strings, nesting 20,000 deep, malformed JSON, random path parameters and queries,
// as officer, member, trustee and anonymous, against an election that is open for voting. Never a 500; every
// error is `{ error: { code, message } }` and carries no stack trace. Runs are bounded (PGlite < 90 s).
import { ROUTES, type RouteSpec } from '@openslate/client';
import fc from 'fast-check';
import request from 'supertest';
import { openElection, Voter } from './flow.js';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

jest.setTimeout(120_000);

const RUNS_PER_ROUTE = 15;
let api: TestApi;
let tokens: Record<'anonymous' | 'officer' | 'member' | 'trustee', string | null>;
let real: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ issuancePerMinute: 100_000, signInPerMinute: 100_000 });
  const { token: officer } = await officerToken(api);
  const election = await openElection(api.app, api.database.db, officer, 3);
  const member = await Voter.signIn(api.app, election.id, election.codes[0]!);
  tokens = { anonymous: null, officer, member: member.token, trustee: election.trustees[0]!.token };
  real = {
    election: election.id,
    contest: election.contest.id,
    candidate: election.contest.candidates[0]!,
    format: 'txt',
    membership: 'L1',
    hash: 'A'.repeat(43),
    path: '0/000',
  };
});
afterAll(() => api.close());

/** Junk: any JSON, values of the wrong type, huge strings, and near-miss objects. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ minLength: 10_000, maxLength: 200_000 }),
  fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}, { __proto__: { admin: true } }),
);
/** A body as sent on the wire: JSON of junk, deeply nested JSON (built as text), or text that is not JSON. */
const junkBody: fc.Arbitrary<string> = fc.oneof(
  junkValue.map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom('ballot', 'request', 'blindedMessage', 'code', 'to', 'title', 'contests', 'threshold'),
      junkValue,
    )
    .map((v) => JSON.stringify(v)),
  fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('ballot', 'request', 'contests', 'a'))
    .map(([depth, key]) => `{"${key}":${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}}`),
  fc.string({ maxLength: 200 }),
);
const junkParam = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
);
const junkQuery = fc.dictionary(
  fc.constantFrom('index', 'size', 'old', 'new', 'format', 'limit'),
  fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String)),
);
const role = fc.constantFrom('anonymous', 'officer', 'member', 'trustee') as fc.Arbitrary<
  keyof typeof tokens
>;

/** The route's path with each `:name` / `*name` filled from `values` (null: the real value of the election). */
function fillPath(path: string, values: ReadonlyArray<string | null>): string {
  let i = 0;
  return path.replace(/[:*]([A-Za-z]+)/g, (_m, name: string) => {
    const v = values[i++] ?? real[name] ?? 'x';
    return name === 'path' && values[i - 1] === null ? v : encodeURIComponent(v);
  });
}

async function send(route: RouteSpec, path: string, who: keyof typeof tokens, query: object, body: string) {
  const token = tokens[who];
  let req = route.method === 'get' ? request(api.app).get(path) : request(api.app).post(path);
  if (token) req = req.set(bearer(token));
  req = req.query(query);
  if (route.method === 'get') return req;
  return req.set('content-type', 'application/json').send(body);
}

function expectWellFormed(res: request.Response): void {
  expect(res.status).not.toBe(500);
  expect(res.status).toBeLessThan(500);
  expect(res.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|Error: /);
  if (res.status >= 400) {
    expect(res.body).toEqual({
      error: expect.objectContaining({
        code: expect.stringMatching(/^[A-Z_]+$/),
        message: expect.any(String),
      }),
    });
  }
}

describe.each(Object.entries(ROUTES) as Array<[string, RouteSpec]>)('%s', (_id, route) => {
  const params = (route.path.match(/[:*][A-Za-z]+/g) ?? []).length;
  test(`${route.method.toUpperCase()} ${route.path}: no 500, errors well-formed`, async () => {
    await fc.assert(
      fc.asyncProperty(
        role,
        fc.array(junkParam, { minLength: params, maxLength: params }),
        junkQuery,
        junkBody,
        async (who, values, query, body) => {
          const res = await send(route, fillPath(route.path, values), who, query, body);
          expectWellFormed(res);
        },
      ),
      { numRuns: RUNS_PER_ROUTE },
    );
  });
});

// A NUL byte cannot be stored in PostgreSQL text (SQLSTATE 22021); it used to reach the database and answer 500.
test.each(['officer', 'trustee', 'member', 'anonymous'] as const)(
  'a NUL byte in every path parameter, as %s, is refused as bad input',
  async (who) => {
    for (const route of Object.values(ROUTES) as RouteSpec[]) {
      const params = (route.path.match(/[:*][A-Za-z]+/g) ?? []).length;
      if (params === 0) continue;
      const res = await send(route, fillPath(route.path, Array(params).fill('\u0000')), who, {}, '{}');
      expect({ route: route.path, server: res.status >= 500 }).toEqual({ route: route.path, server: false });
      expectWellFormed(res);
    }
  },
);
