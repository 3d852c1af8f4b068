import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Metrics } from './metrics.js';

/** The one error shape every endpoint answers with: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error a handler throws on purpose: a stable code, an HTTP status, a message meant for the caller. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'NOT_FOUND', `${what} not found`);

// Error codes of node-postgres / PGlite that mean "the database is not reachable right now".
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  const message = (err as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    // "not queryable": node-postgres refusing the ROLLBACK on a client whose connection just died.
    /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable/i.test(
      message,
    )
  );
}

// PostgreSQL SQLSTATE 22021 character_not_in_repertoire (a NUL byte in text, from a path parameter or body)
// and 22P05 untranslatable_character: the caller's input, not a fault of the server.
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function isUnstorableText(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNSTORABLE_TEXT.has(code);
}

/** Maps anything thrown to the error shape; never sends a stack trace or SQL. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = details[0];
    const message = first ? `${first.path || 'body'}: ${first.message}` : 'invalid request';
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, details } } };
  }
  const e = err as { type?: string; status?: number; statusCode?: number };
  // body-parser's own errors: malformed JSON, body too large, unsupported charset.
  if (e?.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: { error: { code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' } },
    };
  }
  if (e?.type === 'entity.too.large') {
    return {
      status: 413,
      body: { error: { code: 'BODY_TOO_LARGE', message: 'the request body is too large' } },
    };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return {
      status: e.status,
      body: { error: { code: 'BAD_REQUEST', message: 'the request could not be read' } },
    };
  }
  if (isUnstorableText(err)) {
    return {
      status: 400,
      body: {
        error: {
          code: 'INVALID_TEXT',
          message: 'the request contains a character that cannot be stored (NUL)',
        },
      },
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      status: 503,
      body: {
        error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is not answering; try again shortly' },
      },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'an internal error occurred' } } };
}

export function errorHandler(metrics?: Metrics): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = toErrorResponse(err);
    metrics?.rejected.inc({ code: body.error.code });
    if (status >= 500) req.log?.error({ err, code: body.error.code }, 'request failed');
    res.status(status).json(body);
  };
}
