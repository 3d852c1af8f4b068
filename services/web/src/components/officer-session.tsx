// The officer's session: the API's bearer token kept in sessionStorage (this tab only, gone when it closes).
import { useState } from 'preact/hooks';
import type { OpenslateClient } from '@openslate/client';
import { api } from '../api.js';

const KEY = 'openslate.officer';

export interface OfficerSession {
  readonly token: string;
  readonly name: string;
}

function load(): OfficerSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as OfficerSession) : null;
  } catch {
    return null;
  }
}

/** The session (or null), a client signed in with it, and how to change it. */
export function useOfficerSession(): {
  session: OfficerSession | null;
  client: OpenslateClient | null;
  signIn(session: OfficerSession): void;
  signOut(): void;
} {
  const [session, setSession] = useState(load);
  return {
    session,
    client: session ? api.withToken(session.token) : null,
    signIn: (s) => {
      sessionStorage.setItem(KEY, JSON.stringify(s));
      setSession(s);
    },
    signOut: () => {
      sessionStorage.removeItem(KEY);
      setSession(null);
    },
  };
}
