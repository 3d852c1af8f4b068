// "Am I on the roll?": the member's own roll entry, its proof of inclusion in the roll commitment (checked here,
// in the browser, with packages/log verifyJsonLeafInclusion), the roll changes that concern them, and whether a
// voting credential was issued in their name. Uses the session the ballot page keeps for this tab, else a code.
import { ApiClientError } from '@openslate/client';
import { verifyJsonLeafInclusion, LogError } from '@openslate/log';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { getManifest } from '../components/member-election.js';
import { CodeForm } from '../components/member-signin.js';
import { loadSession, saveSession } from '../components/member-storage.js';
import { Link, type Params } from '../router.js';

interface Me {
  readonly election: { readonly id: string; readonly title: string; readonly state: string };
  readonly entry: {
    readonly name: string;
    readonly membershipNumber: string;
    readonly weight: number;
    readonly status: string;
    readonly reason: string | null;
  };
  readonly credentialIssued: boolean;
  readonly history: readonly { readonly logIndex: number; readonly type: string; readonly reason: unknown }[];
  readonly commitment: {
    readonly size: number;
    readonly root: string;
    readonly leafIndex: number;
    readonly leaf: unknown;
    readonly proof: readonly string[];
  };
}

interface RollView {
  readonly me: Me;
  /** The proof's outcome: null when it holds, else what is wrong. */
  readonly proofError: string | null;
  /** The commitment recorded in the log when voting opened, if it has. */
  readonly opening: { readonly size: number; readonly root: string } | null;
}

async function loadRoll(election: string, token: string): Promise<RollView> {
  const me = await api.withToken(token).call<Me>('me', { params: { election } });
  const c = me.commitment;
  let proofError: string | null = null;
  try {
    verifyJsonLeafInclusion(c.leaf, c.leafIndex, c.size, c.proof, c.root);
  } catch (e) {
    proofError = e instanceof LogError ? `${e.message} (${e.code})` : String(e);
  }
  const opening = await getManifest(election).then(
    (m) => m.roll,
    (err: unknown) => {
      if (err instanceof ApiClientError && err.code === 'VOTING_NOT_OPEN') return null;
      throw err;
    },
  );
  return { me, proofError, opening };
}

const CHANGE: Readonly<Record<string, string>> = {
  'roll.imported': 'Added when the roll was imported',
  'roll.added': 'Added to the roll',
  'roll.removed': 'Removed from the roll',
};

export default function RollPage(props: { params: Params }) {
  const id = props.params['election']!;
  const [token, setToken] = useState(() => loadSession(id));
  return (
    <section>
      <h1>Am I on the roll?</h1>
      {token ? (
        <Roll election={id} token={token} />
      ) : (
        <>
          <p>
            Sign in with your one-time code to see your own roll entry. If you have already used your code on
            the ballot page, open this page from there (the sign-in is kept for that browser tab).
          </p>
          <CodeForm
            election={id}
            action="Sign in"
            onSignedIn={async (t) => {
              saveSession(id, t);
              setToken(t);
            }}
          />
        </>
      )}
    </section>
  );
}

function Roll(props: { election: string; token: string }) {
  const [view] = useLoad(() => loadRoll(props.election, props.token), [props.election, props.token]);
  return (
    <Show value={view}>
      {({ me, proofError, opening }) => {
        const c = me.commitment;
        return (
          <>
            <p>{me.election.title}</p>
            <h2>Your entry</h2>
            <dl>
              <dt>Name</dt>
              <dd>{me.entry.name}</dd>
              <dt>Membership number</dt>
              <dd>{me.entry.membershipNumber}</dd>
              <dt>Status</dt>
              <dd>
                {me.entry.status === 'active'
                  ? 'On the roll'
                  : `Removed (${me.entry.reason ?? 'no reason given'})`}
              </dd>
              <dt>Vote weight</dt>
              <dd>{me.entry.weight}</dd>
              <dt>Voting credential</dt>
              <dd>
                {me.credentialIssued
                  ? 'Issued in your name. If you did not ask for it, tell the returning officer now.'
                  : 'Not issued: no one has obtained a credential in your name.'}
              </dd>
            </dl>
            <h2>Proof that you are in the roll commitment</h2>
            {proofError ? (
              <p class="error" role="alert">
                ✗ The proof does not check: {proofError}. Tell the returning officer and the observers.
              </p>
            ) : (
              <p class="ok" role="status">
                ✓ Checked in this browser: your entry is number {c.leafIndex + 1} of {c.size} in the roll
                commitment <code>{c.root}</code>.
              </p>
            )}
            <p>
              {opening === null
                ? 'The roll commitment is published in the log when voting opens.'
                : opening.root === c.root
                  ? `This is the commitment published in the public log when voting opened (${opening.size} members).`
                  : `The roll has changed since voting opened (then ${opening.size} members); every change is in the public log.`}
            </p>
            <h2>Changes to your entry</h2>
            {me.history.length === 0 ? (
              <p>None recorded.</p>
            ) : (
              <ul>
                {me.history.map((h) => (
                  <li key={h.logIndex}>
                    {CHANGE[h.type] ?? h.type}
                    {typeof h.reason === 'string' ? ` (reason: ${h.reason})` : ''}: log entry {h.logIndex}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href={`/vote/${props.election}`}>Go to your ballot</Link>
            </p>
          </>
        );
      }}
    </Show>
  );
}
