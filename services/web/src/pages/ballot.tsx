// The member's ballot. Sign in with the one-time code, and the browser at once makes the ballot key and obtains a
// blind-signed credential for it (packages/client MemberDevice): the server never sees the ballot key. The device
// state stays in this browser (components/member-storage.ts) so the member can cast now or later, and change
// their vote until the close; casting carries no session.
import { useState } from 'preact/hooks';
import { MemberDevice } from '@openslate/client';
import { api, describeError } from '../api.js';
import { ErrorMessage, Show, useLoad } from '../components/async.js';
import { loadBallotElection, votingStateText, type Election } from '../components/member-election.js';
import { QuestionControl, QuestionReview } from '../components/member-question.js';
import { ballotChoice, isQuestion } from '../components/member-question-rule.js';
import { RankingControl } from '../components/member-ranking.js';
import { ReceiptCard } from '../components/member-receipt.js';
import { CodeForm, signInError } from '../components/member-signin.js';
import {
  forgetVote,
  loadKeptReceipt,
  loadSession,
  loadVote,
  saveSession,
  saveVote,
  type Rankings,
  type Receipt,
  type SavedVote,
} from '../components/member-storage.js';
import { Link, type Params } from '../router.js';
import { localDateTime, scheduleOf } from '../components/schedule-view.js';

type Step = 'rank' | 'review' | 'receipt';

export default function BallotPage(props: { params: Params }) {
  const id = props.params['election']!;
  const [election] = useLoad(() => loadBallotElection(id), [id]);
  return (
    <section>
      <Show value={election}>{(e) => <Ballot election={e} />}</Show>
    </section>
  );
}

/** When voting opens (before it has) or until when a vote can be cast or changed (during it), if scheduled. */
function ScheduleNotice(props: { election: Election; open: boolean }) {
  const schedule = scheduleOf(props.election);
  const before = ['draft', 'nominations', 'shortlist'].includes(props.election.state);
  if (before && schedule?.opensAt) return <p>Voting opens on {localDateTime(schedule.opensAt)}.</p>;
  if (props.open && schedule?.closesAt)
    return <p>You can vote or change your vote until {localDateTime(schedule.closesAt)}.</p>;
  return null;
}

function Ballot(props: { election: Election }) {
  const { election } = props;
  const [vote, setVote] = useState<SavedVote | null>(() => loadVote(election.id));
  const [kept, setKept] = useState<Receipt | null>(() => loadKeptReceipt(election.id));
  const open = election.state === 'voting';
  const receipt = vote?.receipt ?? kept;
  return (
    <>
      <h1>Your ballot: {election.title}</h1>
      {!open && <p role="status">{votingStateText(election.state)}</p>}
      <ScheduleNotice election={election} open={open} />
      {!vote && kept && (
        <p role="status">
          This browser has forgotten your ballot's keys and rankings, as you asked. Your ballot stands, but it
          can no longer be changed from here.
        </p>
      )}
      {(!open || !vote) && receipt && <ReceiptCard election={election.id} receipt={receipt} />}
      {open && !kept && !vote?.device.credential && (
        <SignIn
          election={election.id}
          onReady={(v) => {
            saveVote(election.id, v);
            setVote(v);
          }}
        />
      )}
      {open && vote?.device.credential && (
        <Voting
          election={election}
          vote={vote}
          onVoted={setVote}
          onForgotten={(r) => {
            forgetVote(election.id, r);
            setVote(null);
            setKept(r);
          }}
        />
      )}
      <p>
        <Link href={`/roll/${election.id}`}>Am I on the roll?</Link> ·{' '}
        <Link href={`/check/${election.id}`}>Check a receipt</Link>
      </p>
    </>
  );
}

function SignIn(props: { election: string; onReady: (vote: SavedVote) => void }) {
  const { election } = props;
  // Signed in before, but the credential did not arrive (a network failure): carry on with the same keys.
  const earlier = loadVote(election);
  const session = loadSession(election);
  const obtain = async (token: string, device: MemberDevice) => {
    saveVote(election, { device: device.exportState(), rankings: {}, receipt: null });
    await device.obtainCredential();
    props.onReady({ device: device.exportState(), rankings: {}, receipt: null });
  };
  const signedIn = async (token: string) => {
    saveSession(election, token);
    await obtain(token, new MemberDevice(api.withToken(token), election));
  };
  const [retryError, setRetryError] = useState<string | null>(null);
  if (earlier && session)
    return (
      <>
        <p>You signed in, but this browser has not yet received your voting credential.</p>
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              obtain(session, MemberDevice.restore(api.withToken(session), earlier.device)).catch(
                (err: unknown) => setRetryError(signInError(err)),
              )
            }
          >
            Get my voting credential
          </button>
        </div>
        <ErrorMessage message={retryError} />
      </>
    );
  // Signed in on another page of this election in this tab (proposals, roll): no second code is needed.
  if (session && !earlier)
    return (
      <>
        <p>
          You are signed in. This browser now makes your ballot key and gets it signed blindly, so the server
          can check that your ballot comes from someone on the roll but not from whom.
        </p>
        <div class="actions">
          <button
            type="button"
            onClick={() => signedIn(session).catch((err: unknown) => setRetryError(signInError(err)))}
          >
            Get my ballot
          </button>
        </div>
        <ErrorMessage message={retryError} />
        <p>Or sign in again with a new code:</p>
        <CodeForm election={props.election} action="Sign in and get my ballot" onSignedIn={signedIn} />
      </>
    );
  return (
    <>
      <p>
        Sign in with the code from your invitation. This browser then makes your ballot key and gets it signed
        blindly, so the server can check that your ballot comes from someone on the roll but not from whom.
        Your keys are kept only in this browser, so you can come back here to vote or change your vote.
      </p>
      <CodeForm election={props.election} action="Sign in and get my ballot" onSignedIn={signedIn} />
    </>
  );
}

interface VotingProps {
  readonly election: Election;
  readonly vote: SavedVote;
  readonly onVoted: (vote: SavedVote) => void;
  readonly onForgotten: (receipt: Receipt) => void;
}

function Voting(props: VotingProps) {
  const { election, vote } = props;
  const [step, setStep] = useState<Step>(vote.receipt ? 'receipt' : 'rank');
  const [rankings, setRankings] = useState<Rankings>(vote.rankings);
  const [announcement, setAnnouncement] = useState('');
  const [casting, setCasting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = (next: Step) => {
    setStep(next);
    setError(null);
    document.getElementById('main')?.focus();
    window.scrollTo(0, 0);
  };
  const cast = async () => {
    setCasting(true);
    setError(null);
    try {
      const device = MemberDevice.restore(api, vote.device);
      const choices = Object.fromEntries(
        election.contests.map((c) => [c.id, ballotChoice(c, rankings[c.id] ?? [])]),
      );
      const receipt = await device.cast(choices);
      const saved = { device: device.exportState(), rankings, receipt };
      saveVote(election.id, saved);
      props.onVoted(saved);
      go('receipt');
    } catch (err) {
      setError(`Your ballot was not cast: ${describeError(err)}`);
    } finally {
      setCasting(false);
    }
  };
  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {step === 'rank' && (
        <>
          {vote.receipt && (
            <p class="notice">
              You have voted. Changing your vote replaces your earlier ballot; only your last ballot counts.
            </p>
          )}
          {election.contests.map((c) => {
            const control = {
              contest: c,
              onChange: (next: string[], message: string) => {
                setRankings({ ...rankings, [c.id]: next });
                setAnnouncement(message);
              },
            };
            return isQuestion(c) ? (
              <QuestionControl key={c.id} {...control} answer={rankings[c.id] ?? []} />
            ) : (
              <RankingControl key={c.id} {...control} ranking={rankings[c.id] ?? []} />
            );
          })}
          <div class="actions">
            <button type="button" onClick={() => go('review')}>
              Review my ballot
            </button>
            {vote.receipt && (
              <button type="button" class="secondary" onClick={() => go('receipt')}>
                Keep my earlier vote
              </button>
            )}
          </div>
        </>
      )}
      {step === 'review' && (
        <>
          <h2>Check your ballot</h2>
          {election.contests.map((c) => {
            const ranked = rankings[c.id] ?? [];
            return (
              <section key={c.id} class="review" aria-labelledby={`review-${c.id}`}>
                <h3 id={`review-${c.id}`}>{c.title}</h3>
                {isQuestion(c) ? (
                  <QuestionReview contest={c} answer={ranked} />
                ) : ranked.length === 0 ? (
                  <p>No one ranked: your ballot will be blank in this contest.</p>
                ) : (
                  <ol>
                    {ranked.map((k) => (
                      <li key={k}>{c.candidates.find((x) => x.id === k)?.name ?? k}</li>
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
          <div class="actions">
            <button type="button" onClick={cast} disabled={casting}>
              {casting ? 'Casting…' : 'Cast my ballot'}
            </button>
            <button type="button" class="secondary" onClick={() => go('rank')} disabled={casting}>
              Change my rankings
            </button>
          </div>
          {casting && (
            <p role="status">Encrypting and signing your ballot in this browser, then casting it…</p>
          )}
          <ErrorMessage message={error} />
        </>
      )}
      {step === 'receipt' && vote.receipt && (
        <>
          <p class="ok" role="status">
            You have voted. You can change your vote until voting closes; only your last ballot counts.
          </p>
          <ReceiptCard election={election.id} receipt={vote.receipt} />
          <div class="actions">
            <button type="button" onClick={() => go('rank')}>
              Change my vote
            </button>
          </div>
          <ForgetBallot onForget={() => props.onForgotten(vote.receipt!)} />
        </>
      )}
    </>
  );
}

/** "Forget this ballot on this device", asked twice: afterwards the vote can no longer be changed. */
function ForgetBallot(props: { onForget: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <section class="forget" aria-labelledby="forget-heading">
      <h2 id="forget-heading">On a shared device?</h2>
      <p>
        This browser keeps your ballot's keys and your rankings so that you can change your vote. You can make
        it forget them; it then keeps only your receipt.
      </p>
      {asking ? (
        <>
          <p class="warning" role="alert">
            <strong>Warning:</strong> once forgotten, your vote can no longer be changed, from this device or
            any other. Your ballot stays cast and counts.
          </p>
          <div class="actions">
            <button type="button" onClick={props.onForget}>
              Yes, forget my ballot
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              Keep it
            </button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setAsking(true)}>
            Forget this ballot on this device
          </button>
        </div>
      )}
    </section>
  );
}
