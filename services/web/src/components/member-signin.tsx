// The member's one-time code: read from the invitation link's fragment (`#code=…`, never sent to a server) or
// typed, then exchanged for a session. The code is taken out of the address bar once it has been used.
import { ApiClientError } from '@openslate/client';
import { useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorMessage } from './async.js';

/** The code in the address's fragment, if the member followed an invitation link. */
export function codeFromFragment(): string {
  return new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
}

// The sign-in errors a member can act on, in words (API error codes of POST /api/auth/member).
const SIGN_IN_ERRORS: Readonly<Record<string, string>> = {
  CODE_USED:
    'This code has already been used. If you signed in on another device, carry on there; otherwise ask the returning officer for a new code.',
  CODE_EXPIRED: 'This code has expired. Ask the returning officer for a new one.',
  BAD_CREDENTIALS: 'This code is not right. Check it against your invitation and try again.',
  NOT_ON_ROLL: 'You are no longer on the roll of this election.',
  ALREADY_ISSUED:
    'Your voting credential has already been issued to the browser where you first signed in: vote, or change your vote, there.',
  WRONG_STATE: 'Voting is not open in this election.',
};

export function signInError(err: unknown): string {
  if (err instanceof ApiClientError && SIGN_IN_ERRORS[err.code]) return SIGN_IN_ERRORS[err.code]!;
  return describeError(err);
}

/** Signs in with a code for `election`; resolves to the session token. */
export async function memberSignIn(election: string, code: string): Promise<string> {
  const res = await api.call<{ token: string; election: string }>('memberSignIn', {
    body: { code: code.trim() },
  });
  if (res.election !== election) throw new Error('This code is for another election: follow its own link.');
  if (location.hash.includes('code=')) history.replaceState(null, '', location.pathname);
  return res.token;
}

/** A code form; `onSignedIn` does what the page needs with the session (and may fail with a message). */
export function CodeForm(props: {
  election: string;
  action: string;
  onSignedIn: (token: string) => Promise<void>;
}) {
  const [code, setCode] = useState(codeFromFragment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSignedIn(await memberSignIn(props.election, code));
    } catch (err) {
      setError(signInError(err));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <label for="member-code">Your one-time code</label>
      <p class="hint" id="member-code-hint">
        It is in your invitation. If you followed the invitation link it is filled in already.
      </p>
      <input
        id="member-code"
        name="code"
        autoComplete="one-time-code"
        aria-describedby="member-code-hint"
        required
        minLength={8}
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : props.action}
        </button>
      </div>
      {busy && <p role="status">Signing in and preparing your ballot keys on this device…</p>}
      <ErrorMessage message={error} />
    </form>
  );
}
