// A trustee's page: sign in with the code from the returning officer, take each step of the key ceremony in this
// browser (the secret key never leaves it, except in the backup the trustee downloads), and after the close
// reveal the key share so the ballots can be counted.
import { useState } from 'preact/hooks';
import { TrusteeDevice, type TrusteeStep } from '@openslate/client';
import { api, describeError } from '../api.js';
import { ErrorMessage, Show, useLoad } from '../components/async.js';
import { BackupLink, readBackup, saveState, savedState } from '../components/trustee-backup.js';
import { CeremonyProgress, ceremonyWaitingFor, type CeremonyView } from '../components/trustee-ceremony.js';
import type { Params } from '../router.js';

const STEP_SAID: Record<TrusteeStep, string> = {
  announced: 'You announced your public key.',
  committed: 'You committed to your dealing (its hash is now in the public log).',
  dealt: 'You published your dealing: a share of your key for each trustee, encrypted to them.',
  confirmed: 'You checked the shares dealt to you and confirmed them. Your part of the ceremony is done.',
  revealed: 'You revealed your key share. The count can run once enough trustees have revealed theirs.',
  waiting: 'Nothing to do yet.',
  done: 'Your part of the ceremony is done. Come back after the close to reveal your share.',
};

function SignIn(props: { onSignedIn: (device: TrusteeDevice, restored: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const code = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
    const file = (form.elements.namedItem('backup') as HTMLInputElement).files?.[0];
    setBusy(true);
    setError(null);
    (async () => {
      const backup = file ? await readBackup(file) : null;
      // Sign in once to learn which trustee this is, then carry on from the backup or this browser's copy.
      const fresh = await TrusteeDevice.signIn(api, code);
      const state = backup ?? savedState(fresh.electionId, fresh.index);
      if (!state) return props.onSignedIn(fresh, null);
      const device = await TrusteeDevice.signIn(api, code, state);
      saveState(device.exportState());
      props.onSignedIn(device, backup ? 'your backup file' : 'the copy kept in this browser');
    })().catch((err: unknown) => {
      setBusy(false);
      setError(describeError(err));
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="trustee-signin">
      <h2 id="trustee-signin">Sign in</h2>
      <label for="trustee-code">Your trustee code</label>
      <p class="hint" id="trustee-code-hint">
        The code the returning officer handed you, like ABCD-EFGH-JKLM-NPQR. Keep it: you sign in with it
        again after the close to reveal your share.
      </p>
      <input
        id="trustee-code"
        name="code"
        required
        minLength={8}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="trustee-code-hint"
      />
      <label for="trustee-backup">Restore from a backup file (optional)</label>
      <p class="hint" id="trustee-backup-hint">
        Only if you are on another device or browser than the one you used before.
      </p>
      <input
        id="trustee-backup"
        name="backup"
        type="file"
        accept=".json,application/json"
        aria-describedby="trustee-backup-hint"
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </div>
      <ErrorMessage message={error} />
    </form>
  );
}

function Ceremony(props: { device: TrusteeDevice; restored: string | null }) {
  const { device } = props;
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string>(
    props.restored ? `Signed in; your saved state was restored from ${props.restored}.` : 'Signed in.',
  );
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState(() => device.exportState());
  const params = { election: device.electionId };
  const [data] = useLoad(
    () =>
      Promise.all([
        api.call<{ title: string; state: string }>('getElection', { params }),
        api.call<CeremonyView>('getCeremony', { params }),
      ]),
    [device.electionId, tick],
  );
  const step = (reveal: boolean) => {
    setBusy(true);
    setError(null);
    device
      .step({ reveal })
      .then(async (what) => {
        const saved = device.exportState();
        saveState(saved);
        setState(saved);
        const view = await api.call<CeremonyView>('getCeremony', { params });
        setSaid(`${STEP_SAID[what]} ${what === 'waiting' ? ceremonyWaitingFor(view) : ''}`.trim());
      })
      .catch((err: unknown) => setError(describeError(err)))
      .finally(() => {
        setBusy(false);
        setTick((t) => t + 1);
      });
  };
  return (
    <Show value={data}>
      {([election, ceremony]) => {
        const closed = election.state === 'closed';
        const me = ceremony.trustees.find((t) => t.index === device.index);
        return (
          <>
            <p>
              You are trustee <strong>{device.index}</strong>, <strong>{device.name}</strong>, of{' '}
              <strong>{election.title}</strong> (stage: {election.state}).
            </p>
            <p role="status" class="trustee-said">
              {said}
            </p>
            <ErrorMessage message={error} />
            {me?.reveal ? (
              <p>You have revealed your key share: there is nothing more for you to do in this election.</p>
            ) : (
              <div class="actions">
                {closed ? (
                  <button type="button" onClick={() => step(true)} disabled={busy}>
                    Reveal my share
                  </button>
                ) : (
                  <button type="button" onClick={() => step(false)} disabled={busy}>
                    Continue the ceremony
                  </button>
                )}
              </div>
            )}
            <h2>Your backup</h2>
            {state.secretKey ? (
              <>
                <p class="warning">
                  <strong>This file holds your secret key.</strong> Keep it private (for example on a USB
                  stick in a safe place) until the election is published. With it and your code, anyone could
                  reveal your share. A copy is also kept in this browser.
                </p>
                <div class="actions">
                  <BackupLink state={state} />
                </div>
              </>
            ) : (
              <p>There is nothing to back up until you have announced your key.</p>
            )}
            <h2>The ceremony</h2>
            <CeremonyProgress view={ceremony} reveals={closed || ceremony.trustees.some((t) => t.reveal)} />
          </>
        );
      }}
    </Show>
  );
}

export default function TrusteePage(_props: { params: Params }) {
  const [session, setSession] = useState<{ device: TrusteeDevice; restored: string | null } | null>(null);
  return (
    <section>
      <h1>Trustee</h1>
      {session ? (
        <Ceremony device={session.device} restored={session.restored} />
      ) : (
        <>
          <p>
            As a trustee you hold a share of the key that decrypts the ballots. Your key is made in this
            browser; the server never sees it.
          </p>
          <SignIn onSignedIn={(device, restored) => setSession({ device, restored })} />
        </>
      )}
    </section>
  );
}
