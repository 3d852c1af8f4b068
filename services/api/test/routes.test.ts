// The route table in packages/client is the API's contract: the app mounts exactly its routes, /openapi.json is
// generated from it, and the typed client calls them.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApiClientError, OpenslateClient, ROUTES, openApiPath, type RouteSpec } from '@openslate/client';
import type { Express } from 'express';
import request from 'supertest';
import { officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  api = await startTestApi();
  server = api.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await api.close();
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  matchers?: unknown;
}

/** Every (method, path) the express app routes, read from its router stack. */
function mountedRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push(`${m} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out.sort();
}

test('the app mounts exactly the routes of the table (file trees are served as static files)', () => {
  const table = (Object.values(ROUTES) as RouteSpec[])
    .filter((r) => !r.files)
    .map((r) => `${r.method} ${r.path}`)
    .sort();
  expect(mountedRoutes(api.app)).toEqual(table);
});

test('/openapi.json is OpenAPI 3.1 with every route, its parameters, body schema and security', async () => {
  const doc = (await request(api.app).get('/openapi.json').expect(200)).body;
  expect(doc.openapi).toBe('3.1.0');
  const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
    (p) => Object.values(p).map((o) => o.operationId),
  );
  expect(ids.sort()).toEqual(Object.keys(ROUTES).sort());
  const create = doc.paths[openApiPath(ROUTES.addCandidate.path)].post;
  expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(['election', 'contest']);
  expect(create.security).toEqual([{ officer: [] }]);
  expect(create.requestBody.content['application/json'].schema.required).toEqual(['name']);
  const proof = doc.paths['/log/{election}/proof/inclusion'].get;
  expect(proof.parameters.find((p: { name: string }) => p.name === 'index')).toMatchObject({
    in: 'query',
    required: true,
  });
  expect(doc.paths['/api/elections/{election}/ballots'].post.security).toBeUndefined();
});

test("the typed client signs in, calls, and surfaces the API's error codes", async () => {
  const { email, password } = await officerToken(api);
  const client = new OpenslateClient({ baseUrl });
  await expect(client.call('officerSignIn', { body: { email, password: 'wrong' } })).rejects.toMatchObject({
    status: 401,
    code: 'BAD_CREDENTIALS',
  });
  // Checked before it leaves: nothing is sent.
  await expect(
    client.call('officerSignIn', { body: { email: 'not-an-email', password } }),
  ).rejects.toMatchObject({ status: 0, code: 'CLIENT_VALIDATION_FAILED' });
  const { token } = await client.call<{ token: string }>('officerSignIn', { body: { email, password } });
  const officer = client.withToken(token);
  const created = await officer.call<{ id: string }>('createElection', {
    body: { title: 'Client test', contests: [{ title: 'C', seats: 1, candidates: [{ name: 'A' }] }] },
  });
  const election = await client.call<{ title: string; contests: unknown[] }>('getElection', {
    params: { election: created.id },
  });
  expect(election).toMatchObject({ title: 'Client test' });
  expect(election.contests).toHaveLength(1);
  const err = await client.call('getElection', { params: { election: 'nope' } }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiClientError);
  expect((err as ApiClientError).code).toBe('NOT_FOUND');
});
