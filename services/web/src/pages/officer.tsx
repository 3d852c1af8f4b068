// The returning officer's start: sign in (password, then the authenticator code when the API asks for it), see
// the organisation's elections, create one and go on to run it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { ElectionCards } from '../components/election-cards.js';
import { SubmitRow, formFields, setFlash, useAction } from '../components/officer-action.js';
import { useOfficerSession, type OfficerSession } from '../components/officer-session.js';
import { Link, navigate, type Params } from '../router.js';

interface ElectionRow {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly demo: boolean;
}

function SignIn(props: { onSignedIn: (s: OfficerSession) => void }) {
  const action = useAction();
  const [needTotp, setNeedTotp] = useState(false);
  const submit = (e: Event) => {
    const { get } = formFields(e);
    action.run(async () => {
      const totp = get('totp');
      const res = await api.call<{ token: string; user: { name: string } }>('officerSignIn', {
        body: { email: get('email'), password: get('password'), ...(totp ? { totp } : {}) },
      });
      props.onSignedIn({ token: res.token, name: res.user.name });
      return { message: `signed in as ${res.user.name}.`, entries: [] };
    });
  };
  // The API answers TOTP_REQUIRED when this officer has enrolled a second factor.
  useEffect(() => {
    if (action.failure?.code === 'TOTP_REQUIRED') setNeedTotp(true);
  }, [action.failure]);
  return (
    <form onSubmit={submit} aria-labelledby="officer-signin">
      <h2 id="officer-signin">Sign in</h2>
      <label for="officer-email">Email</label>
      <input id="officer-email" name="email" type="email" autocomplete="username" required />
      <label for="officer-password">Password</label>
      <input id="officer-password" name="password" type="password" autocomplete="current-password" required />
      {needTotp ? (
        <>
          <label for="officer-totp">Code from your authenticator app</label>
          <p class="hint" id="officer-totp-hint">
            Six digits; it changes every 30 seconds.
          </p>
          <input
            id="officer-totp"
            name="totp"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            aria-describedby="officer-totp-hint"
            required
          />
        </>
      ) : null}
      <SubmitRow action={action} label="Sign in" />
    </form>
  );
}

export default function OfficerPage(_props: { params: Params }) {
  const { session, client, signIn, signOut } = useOfficerSession();
  const [elections] = useLoad(
    () =>
      client
        ? client.call<{ elections: ElectionRow[] }>('officerElections')
        : Promise.resolve({ elections: [] }),
    [session?.token],
  );
  const create = useAction();
  if (!session || !client)
    return (
      <section>
        <h1>Returning officer</h1>
        <p>Sign in to create and run your organisation's elections.</p>
        <SignIn onSignedIn={signIn} />
      </section>
    );
  const submit = (e: Event) => {
    const { get } = formFields(e);
    create.run(async () => {
      const res = await client.call<{ id: string; logEntry: { index: number; type: string } }>(
        'createElection',
        { body: { title: get('title') } },
      );
      const done = { message: `created the election “${get('title')}”.`, entries: [res.logEntry] };
      setFlash(done);
      navigate(`/officer/elections/${res.id}`);
      return done;
    });
  };
  return (
    <section>
      <h1>Returning officer</h1>
      <p>
        Signed in as <strong>{session.name}</strong>.{' '}
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </p>
      <h2>Your organisation's elections</h2>
      <Show value={elections}>
        {({ elections: list }) => (
          <ElectionCards elections={list}>
            {(e) => (
              <>
                <h3>
                  <Link href={`/officer/elections/${e.id}`}>{e.title}</Link>
                </h3>
                <p>
                  Stage: <strong>{e.state}</strong>
                  {e.demo ? ' (demo)' : ''}
                </p>
              </>
            )}
          </ElectionCards>
        )}
      </Show>
      <form onSubmit={submit} aria-labelledby="officer-create">
        <h2 id="officer-create">Create an election</h2>
        <label for="officer-title">Title</label>
        <input id="officer-title" name="title" required maxLength={300} size={40} />
        <SubmitRow action={create} label="Create the election" />
      </form>
    </section>
  );
}
