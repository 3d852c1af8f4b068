// A typed HTTP client over the route table: arguments are checked against the same zod schemas the API parses
// with (so a bad call fails before it leaves), errors come back as ApiClientError with the API's stable code.
import type { z } from 'zod';
import { ROUTES, type RouteId, type RouteSpec } from './routes.js';

type Spec<Id extends RouteId> = (typeof ROUTES)[Id];
type Part<S, K extends 'params' | 'query' | 'body'> = S extends { [P in K]: infer T extends z.ZodType }
  ? { [P in K]: z.input<T> }
  : { [P in K]?: never };

/** What a call takes: `params`, `query` and `body` exactly where the route has them. */
export type CallArgs<Id extends RouteId> = Part<Spec<Id>, 'params'> &
  Part<Spec<Id>, 'query'> &
  Part<Spec<Id>, 'body'>;

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  readonly baseUrl: string;
  /** A session token from a sign-in call; never sent on `castBallot` (casting is anonymous). */
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

/** Fills `:name` and `*name` segments of an express path. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/[:*]([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new ApiClientError(0, 'CLIENT_MISSING_PARAM', `missing path parameter ${name}`);
    return name === 'path' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

export class OpenslateClient {
  private readonly fetch: typeof fetch;
  constructor(private readonly options: ClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The same client signed in as someone else. */
  withToken(token: string | undefined): OpenslateClient {
    return new OpenslateClient({
      ...this.options,
      ...(token === undefined ? { token: undefined } : { token }),
    });
  }

  /** Calls a route; resolves to the parsed JSON (or text for raw routes), rejects with ApiClientError. */
  async call<T = unknown, Id extends RouteId = RouteId>(
    id: Id,
    args: CallArgs<Id> = {} as CallArgs<Id>,
  ): Promise<T> {
    const spec: RouteSpec = ROUTES[id];
    const a = args as { params?: unknown; query?: unknown; body?: unknown };
    const check = (schema: z.ZodType | undefined, value: unknown, what: string) => {
      if (!schema) return value;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiClientError(
          0,
          'CLIENT_VALIDATION_FAILED',
          `${what}${issue ? `.${issue.path.join('.')}: ${issue.message}` : ''}`,
          parsed.error.issues,
        );
      }
      return value;
    };
    check(spec.params, a.params, 'params');
    check(spec.query, a.query, 'query');
    check(spec.body, a.body, 'body');
    let url =
      this.options.baseUrl.replace(/\/$/, '') + fillPath(spec.path, a.params as Record<string, string>);
    if (a.query)
      url += `?${new URLSearchParams(
        Object.entries(a.query as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, String(v)]),
      )}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (a.body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.token && id !== 'castBallot') headers['authorization'] = `Bearer ${this.options.token}`;
    const res = await this.fetch(url, {
      method: spec.method.toUpperCase(),
      headers,
      body: a.body === undefined ? undefined : JSON.stringify(a.body),
      credentials: 'omit',
    });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    const data: unknown = isJson && text ? JSON.parse(text) : text;
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } })?.error;
      throw new ApiClientError(
        res.status,
        e?.code ?? 'HTTP_ERROR',
        e?.message ?? `HTTP ${res.status}`,
        e?.details,
      );
    }
    return data as T;
  }
}
