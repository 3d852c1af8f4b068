import {
  ApiClientError,
  OpenslateClient,
  ROUTES,
  fillPath,
  openApiDocument,
  openApiPath,
} from '../src/index.js';

test('paths: express syntax to OpenAPI, and filled from parameters with escaping', () => {
  expect(openApiPath('/api/elections/:election/results/:contest.:format')).toBe(
    '/api/elections/{election}/results/{contest}.{format}',
  );
  expect(openApiPath('/log/:election/tile/*path')).toBe('/log/{election}/tile/{path}');
  expect(fillPath('/api/elections/:election/ballots/:hash', { election: 'e 1', hash: 'abc' })).toBe(
    '/api/elections/e%201/ballots/abc',
  );
  expect(fillPath('/log/:election/tile/*path', { election: 'e1', path: 'entries/000.p/3' })).toBe(
    '/log/e1/tile/entries/000.p/3',
  );
  expect(() => fillPath('/api/elections/:election', {})).toThrow(ApiClientError);
});

test('every route has an operation; bodies are JSON Schema of what the caller sends', () => {
  const doc = openApiDocument() as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
        }
      >
    >;
  };
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
  expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(ROUTES).sort());
  const cast = doc.paths['/api/elections/{election}/ballots']!['post']!;
  expect(Object.keys(cast.requestBody!.content['application/json']!.schema.properties!)).toEqual(['ballot']);
});

test('the client checks arguments before sending, never sends a session when casting, and maps errors', async () => {
  const sent: Array<{ url: string; headers: Record<string, string> }> = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify({ error: { code: 'WRONG_STATE', message: 'closed' } }), {
      status: 409,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  const client = new OpenslateClient({
    baseUrl: 'http://api.test/',
    token: 'secret-session',
    fetch: fakeFetch,
  });
  await expect(
    client.call('transition', { params: { election: 'e1' }, body: { to: 'counted' as never } }),
  ).rejects.toMatchObject({ code: 'CLIENT_VALIDATION_FAILED' });
  expect(sent).toHaveLength(0);
  await expect(
    client.call('castBallot', { params: { election: 'e1' }, body: { ballot: {} } }),
  ).rejects.toMatchObject({ status: 409, code: 'WRONG_STATE' });
  expect(sent[0]!.url).toBe('http://api.test/api/elections/e1/ballots');
  expect(sent[0]!.headers['authorization']).toBeUndefined();
  await client.call('turnout', { params: { election: 'e1' } }).catch(() => undefined);
  expect(sent[1]!.headers['authorization']).toBe('Bearer secret-session');
});
