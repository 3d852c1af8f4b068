import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from '../errors.js';
import type { Principal, Sessions } from './session.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Reads `Authorization: Bearer <token>` into `req.principal` (absent or invalid: none). Never reads cookies. */
export function readSession(sessions: Sessions): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const principal = await sessions.verify(header.slice(7).trim());
      if (principal) req.principal = principal;
    }
    next();
  };
}

const unauthenticated = () => new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
const forbidden = (what: string) => new ApiError(403, 'FORBIDDEN', `only ${what} may do this`);

export function officerOf(req: Request): Extract<Principal, { kind: 'officer' }> {
  const p = req.principal;
  if (!p) throw unauthenticated();
  if (p.kind !== 'officer') throw forbidden('an officer');
  return p;
}

/** The signed-in member of election `electionId`; another election's member is refused. */
export function memberOf(req: Request, electionId: string): Extract<Principal, { kind: 'member' }> {
  const p = req.principal;
  if (!p) throw unauthenticated();
  if (p.kind !== 'member' || p.electionId !== electionId) throw forbidden('a member of this election');
  return p;
}

export function trusteeOf(req: Request, electionId: string): Extract<Principal, { kind: 'trustee' }> {
  const p = req.principal;
  if (!p) throw unauthenticated();
  if (p.kind !== 'trustee' || p.electionId !== electionId) throw forbidden('a trustee of this election');
  return p;
}
