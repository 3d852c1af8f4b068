// "Check my ballot": anyone with a receipt (the ballot's hash) sees that the ballot is in the public log —
// checked here, in the browser, against the log's signed checkpoint — and, after the count, whether it counted.
import { ApiClientError } from '@openslate/client';
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorMessage, Show, useLoad } from '../components/async.js';
import { getElection, type Election } from '../components/member-election.js';
import {
  bundlePathFor,
  checkReceipt,
  type InclusionProof,
  type ReceiptCheck,
} from '../components/member-receipt-check.js';
import { Link, type Params } from '../router.js';

interface ReceiptStatus {
  readonly logIndex: number;
  readonly counted: boolean | null;
}
type Outcome =
  | { readonly kind: 'checked'; readonly status: ReceiptStatus; readonly check: ReceiptCheck }
  | { readonly kind: 'pending'; readonly status: ReceiptStatus }
  | { readonly kind: 'unknown' };

const HASH = /^[A-Za-z0-9_-]{43}$/;

/** The published entry bundle's bytes (a static file of the log, C2SP tlog-tiles). */
async function fetchLogFile(election: string, path: string): Promise<Uint8Array> {
  const res = await fetch(`/log/${encodeURIComponent(election)}/${path}`, { credentials: 'omit' });
  if (!res.ok) throw new Error(`the log file ${path} could not be fetched (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

async function check(election: Election, hash: string): Promise<Outcome> {
  let status: ReceiptStatus;
  try {
    status = await api.call<ReceiptStatus>('getReceipt', { params: { election: election.id, hash } });
  } catch (err) {
    if (err instanceof ApiClientError && err.code === 'NOT_FOUND') return { kind: 'unknown' };
    throw err;
  }
  let proof: InclusionProof;
  try {
    proof = await api.call<InclusionProof>('inclusionProof', {
      params: { election: election.id },
      query: { index: status.logIndex },
    });
  } catch (err) {
    // The publisher signs a new checkpoint every few seconds: a ballot just cast may not be in one yet.
    if (err instanceof ApiClientError && ['INDEX_BEYOND_SIZE', 'NOT_PUBLISHED'].includes(err.code))
      return { kind: 'pending', status };
    throw err;
  }
  const bundle = await fetchLogFile(election.id, bundlePathFor(proof.index, proof.size));
  const result = checkReceipt({
    hash,
    proof,
    bundle,
    verifierKey: election.log.verifierKey,
    origin: election.log.origin,
  });
  return { kind: 'checked', status, check: result };
}

export default function CheckPage(props: { params: Params }) {
  const id = props.params['election']!;
  const [election] = useLoad(() => getElection(id), [id]);
  const fromUrl = decodeURIComponent(location.hash.slice(1));
  const [hash, setHash] = useState(HASH.test(fromUrl) ? fromUrl : '');
  const [typed, setTyped] = useState(hash);
  return (
    <section>
      <h1>Check my ballot</h1>
      <Show value={election}>
        {(e) => (
          <>
            <p>
              {e.title}. Your receipt's ballot hash is checked here, in your browser, against the public log's
              signed checkpoint: nothing needs to be taken on trust from this server except the log's key.
            </p>
            <form
              onSubmit={(ev) => {
                ev.preventDefault();
                const h = typed.trim();
                history.replaceState(null, '', `${location.pathname}#${h}`);
                setHash(h);
              }}
            >
              <label for="receipt-hash">Ballot hash from your receipt</label>
              <input
                id="receipt-hash"
                class="mono wide"
                value={typed}
                required
                spellcheck={false}
                autoComplete="off"
                onInput={(ev) => setTyped(ev.currentTarget.value)}
              />
              <div class="actions">
                <button type="submit">Check</button>
              </div>
            </form>
            {hash && <Result election={e} hash={hash} />}
          </>
        )}
      </Show>
    </section>
  );
}

function Result(props: { election: Election; hash: string }) {
  const { election, hash } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setOutcome(null);
    setError(null);
    if (!HASH.test(hash)) {
      setError(
        'This is not a ballot hash: it is 43 letters, digits, "-" and "_". Copy it from your receipt.',
      );
      return;
    }
    let live = true;
    check(election, hash).then(
      (o) => {
        if (!live) return;
        setOutcome(o);
        // Not in a signed checkpoint yet: try again shortly (the publisher signs one every few seconds).
        if (o.kind === 'pending' && attempt < 20) setTimeout(() => live && setAttempt((a) => a + 1), 1500);
      },
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [hash, attempt]);
  if (error) return <ErrorMessage message={error} />;
  if (!outcome) return <p aria-busy="true">Checking…</p>;
  if (outcome.kind === 'unknown')
    return (
      <p class="error" role="alert">
        ✗ No ballot with this hash is in this election's log. Check that you copied the whole hash from your
        receipt, and that this is the right election.
      </p>
    );
  if (outcome.kind === 'pending')
    return (
      <p role="status">
        Your ballot was accepted as entry {outcome.status.logIndex} of the log; it is not in a signed
        checkpoint yet. Checking again in a moment…
      </p>
    );
  const { check: c, status } = outcome;
  if (!c.ok)
    return (
      <p class="error" role="alert">
        ✗ The proof does not check: {c.message} ({c.code}). Keep your receipt and tell the returning officer
        and the election's observers.
      </p>
    );
  return (
    <div role="status" class="check-result">
      <p class="ok">
        ✓ Your ballot is entry {c.index} of the public log; the proof checks against checkpoint of size{' '}
        {c.size} signed by {c.signedBy}.
      </p>
      <CountedLine counted={status.counted} election={election.id} />
    </div>
  );
}

function CountedLine(props: { counted: boolean | null; election: string }) {
  if (props.counted === null)
    return <p>It has not been counted yet: come back after the count to see that it was counted as cast.</p>;
  if (props.counted)
    return (
      <p class="ok">
        ✓ Counted: this ballot was counted as cast.{' '}
        <Link href={`/results/${props.election}`}>See the results</Link>.
      </p>
    );
  return (
    <p>
      Not counted: a later ballot cast with the same credential (a changed vote) replaced it, and that one was
      counted instead.
    </p>
  );
}
