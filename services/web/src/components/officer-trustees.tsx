// Trustees: name 3–7 trustees and the threshold; each one-time code is shown once, to hand over privately; the
// ceremony's progress as the trustees publish each step.
import { useState } from 'preact/hooks';
import { ActionResult, formFields, useAction, type Action, type LogEntryRef } from './officer-action.js';
import { allowedIn, type SectionProps } from './officer-data.js';
import { CeremonyProgress, type CeremonyView } from './trustee-ceremony.js';

// The API's bounds (MIN_TRUSTEES and MAX_TRUSTEES of packages/ballot, checked by trusteesInput).
const MIN_TRUSTEES = 3;
const MAX_TRUSTEES = 7;

interface Configured {
  readonly threshold: number;
  readonly trustees: readonly { index: number; name: string; code: string }[];
  readonly logEntry: LogEntryRef;
}

// The forms leave once they have worked (the trustees are named, or no longer): their outcome is shown by the
// section, which stays.
function NameTrustees(props: SectionProps & { action: Action; onCodes: (c: Configured) => void }) {
  const { action } = props;
  const [count, setCount] = useState(MIN_TRUSTEES);
  const submit = (e: Event) => {
    const { get } = formFields(e);
    action.run(async () => {
      const res = await props.client.call<Configured>('configureTrustees', {
        params: { election: props.election.id },
        body: {
          threshold: Number(get('threshold')),
          trustees: Array.from({ length: count }, (_, i) => ({ name: get(`trustee-${i}`) })),
        },
      });
      props.onCodes(res);
      return {
        message: `named ${res.trustees.length} trustees; ${res.threshold} are needed to decrypt.`,
        entries: [res.logEntry],
      };
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="name-trustees">
      <h3 id="name-trustees">Name the trustees</h3>
      <p class="hint">
        {MIN_TRUSTEES} to {MAX_TRUSTEES} people who each hold a share of the election key. Ballots can be
        decrypted only when enough of them reveal their shares after the close.
      </p>
      {Array.from({ length: count }, (_, i) => (
        <div key={i}>
          <label for={`trustee-${i}`}>Trustee {i + 1}</label>
          <input id={`trustee-${i}`} name={`trustee-${i}`} required maxLength={200} autocomplete="off" />
        </div>
      ))}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={count >= MAX_TRUSTEES}
          onClick={() => setCount(count + 1)}
        >
          Add a trustee
        </button>
        <button
          type="button"
          class="secondary"
          disabled={count <= MIN_TRUSTEES}
          onClick={() => setCount(count - 1)}
        >
          Remove the last trustee
        </button>
      </div>
      <label for="trustee-threshold">Trustees needed to decrypt (threshold)</label>
      <input
        id="trustee-threshold"
        name="threshold"
        type="number"
        min={2}
        max={count}
        defaultValue="2"
        required
      />
      <div class="actions">
        <button type="submit" disabled={action.busy}>
          Name the trustees
        </button>
      </div>
    </form>
  );
}

function Codes(props: { configured: Configured }) {
  return (
    <div class="officer-codes" aria-labelledby="trustee-codes">
      <h3 id="trustee-codes">Trustee codes — shown only once</h3>
      <p class="warning">
        <strong>Warning:</strong> hand each code to its trustee privately (in person, or by a channel nobody
        else reads). Anyone with a code can act as that trustee. Only a hash is stored: this page cannot show
        the codes again.
      </p>
      <ul>
        {props.configured.trustees.map((t) => (
          <li key={t.index}>
            {t.index}. {t.name}: <code class="officer-code">{t.code}</code>
          </li>
        ))}
      </ul>
      <p>
        Each trustee opens <a href="/trustee">the trustee page</a> and signs in with their code.
      </p>
    </div>
  );
}

function ResetCeremony(props: SectionProps & { action: Action }) {
  const { action } = props;
  const [confirming, setConfirming] = useState(false);
  const reset = () =>
    action.run(async () => {
      const res = await props.client.call<{ logEntry: LogEntryRef }>('resetCeremony', {
        params: { election: props.election.id },
      });
      setConfirming(false);
      return { message: 'the ceremony was reset; name the trustees again.', entries: [res.logEntry] };
    });
  return (
    <div>
      {confirming ? (
        <div role="group" aria-labelledby="reset-question" class="officer-confirm">
          <p id="reset-question">
            Reset the ceremony? Every trustee's work so far is discarded and new codes are made.
          </p>
          <div class="actions">
            <button type="button" onClick={reset} disabled={action.busy}>
              Yes, reset the ceremony
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            Reset the ceremony…
          </button>
        </div>
      )}
    </div>
  );
}

export function OfficerTrustees(props: SectionProps & { ceremony: CeremonyView }) {
  const [configured, setConfigured] = useState<Configured | null>(null);
  const configure = useAction(props.refresh);
  const reset = useAction(props.refresh);
  const setup = allowedIn(props.election.state, 'trustees');
  const named = props.ceremony.trustees.length > 0;
  return (
    <section class="officer-section" aria-labelledby="trustees">
      <h2 id="trustees">Trustees and the key ceremony</h2>
      {configured ? <Codes configured={configured} /> : null}
      <CeremonyProgress view={props.ceremony} reveals={!setup} />
      <div class="actions">
        <button type="button" class="secondary" onClick={props.refresh}>
          Refresh the progress
        </button>
      </div>
      {setup && !named ? <NameTrustees {...props} action={configure} onCodes={setConfigured} /> : null}
      {setup && named ? <ResetCeremony {...props} action={reset} /> : null}
      <ActionResult action={configure} />
      <ActionResult action={reset} />
    </section>
  );
}
