// OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) generated from the route table; JSON Schema 2020-12 from
// zod's own converter, describing what a caller sends (the `input` side of each schema).
import { z } from 'zod';
import { ROUTES, type RouteSpec } from './routes.js';

const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/** `/log/:election/tile/*path` → `/log/{election}/tile/{path}`; `:contest.:format` → `{contest}.{format}`. */
export const openApiPath = (path: string): string => path.replace(/[:*]([A-Za-z]+)/g, '{$1}');

const pathParams = (path: string): string[] => [...path.matchAll(/[:*]([A-Za-z]+)/g)].map((m) => m[1]!);

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'stable error code, e.g. VALIDATION_FAILED' },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

export function openApiDocument(info: { title?: string; version?: string } = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, spec] of Object.entries(ROUTES) as Array<[string, RouteSpec]>) {
    const parameters: unknown[] = pathParams(spec.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.query) {
      const q = toJson(spec.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: id,
      tags: [spec.tag],
      summary: spec.summary,
      parameters,
      responses: {
        [spec.method === 'post' ? '201' : '200']: { description: 'success' },
        '4XX': {
          description: 'the caller did something wrong',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        '503': {
          description: 'the database is not answering',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    if (spec.body)
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: toJson(spec.body) } },
      };
    if (spec.auth !== 'none') operation['security'] = [{ [spec.auth]: [] }];
    (paths[openApiPath(spec.path)] ??= {})[spec.method] = operation;
  }
  const bearer = (who: string) => ({
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `a ${who} session from the sign-in endpoint`,
  });
  return {
    openapi: '3.1.0',
    info: { title: info.title ?? 'Openslate API', version: info.version ?? '0.1.0' },
    paths,
    components: {
      schemas: { Error: errorBody },
      securitySchemes: { officer: bearer('officer'), member: bearer('member'), trustee: bearer('trustee') },
    },
  };
}
