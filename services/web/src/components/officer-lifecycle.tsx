// The election's life cycle: each move to the next stage asks for confirmation and shows the API's refusal when
// it is not allowed yet; the schedule that opens and closes voting by itself; turnout during voting (counts only);
// after the close the reveals, the count, publishing.
import { useState } from 'preact/hooks';
import { Show, useLoad } from './async.js';
import {
  ActionResult,
  formFields,
  logged,
  useAction,
  type Action,
  type Done,
  SubmitRow,
  type LogEntryRef,
} from './officer-action.js';
import type { SectionProps } from './officer-data.js';
import { revealProgress, type CeremonyView } from './trustee-ceremony.js';
import { fromLocalInput, localDateTime, localTimeZone, scheduleOf, toLocalInput } from './schedule-view.js';

/** The stages in order (services/api/src/election-state.ts). */
export const STAGES = [
  'draft',
  'nominations',
  'shortlist',
  'voting',
  'closed',
  'counted',
  'published',
] as const;

/** The moves offered from each stage, with what each does (the API's transition table). */
const MOVES: Record<string, readonly { to: string; label: string; explain: string }[]> = {
  draft: [
    {
      to: 'nominations',
      label: 'Open nominations',
      explain: 'Members and affiliates can nominate; contests can no longer be added.',
    },
    {
      to: 'voting',
      label: 'Open voting',
      explain: 'The candidates entered so far are the ballot; members can sign in and vote.',
    },
  ],
  nominations: [
    { to: 'shortlist', label: 'Close nominations', explain: 'Nominations close; you shortlist.' },
  ],
  shortlist: [
    {
      to: 'voting',
      label: 'Open voting',
      explain: 'The shortlisted candidates are the ballot; members can vote.',
    },
  ],
  voting: [
    {
      to: 'closed',
      label: 'Close voting',
      explain: 'No more ballots are accepted; the log is sealed. Trustees then reveal their shares.',
    },
  ],
};

function Transitions(props: SectionProps) {
  const action = useAction(props.refresh);
  const [asking, setAsking] = useState<string | null>(null);
  const moves = MOVES[props.election.state] ?? [];
  const move = (to: string) =>
    action.run(async () => {
      setAsking(null);
      const res = await props.client.call<{ state: string; logIndex: number }>('transition', {
        params: { election: props.election.id },
        body: { to: to as 'nominations' | 'shortlist' | 'voting' | 'closed' },
      });
      return {
        message: `the election is now ${res.state}.`,
        entries: logged('election.state', res.logIndex),
      };
    });
  const chosen = moves.find((m) => m.to === asking);
  return (
    <div>
      {chosen ? (
        <div role="group" aria-labelledby="move-question" class="officer-confirm">
          <p id="move-question">
            Move the election from {props.election.state} to {chosen.to}? {chosen.explain} This cannot be
            undone.
          </p>
          <div class="actions">
            <button type="button" onClick={() => move(chosen.to)} disabled={action.busy}>
              Yes, {chosen.label.toLowerCase()}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          {moves.map((m) => (
            <button type="button" key={m.to} onClick={() => setAsking(m.to)}>
              {m.label}…
            </button>
          ))}
        </div>
      )}
      <ActionResult action={action} />
    </div>
  );
}

/** The stages in which a schedule can still be set (services/api/src/scheduler.ts assertSchedulable). */
const SCHEDULABLE = ['draft', 'nominations', 'shortlist', 'voting'];

/** A local date-time input for one of the schedule's times, filled with the current one. */
function TimeField(props: { name: string; label: string; at: string | null | undefined }) {
  const id = `schedule-${props.name}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="datetime-local"
        aria-describedby="schedule-hint"
        defaultValue={toLocalInput(props.at ?? null)}
      />
    </div>
  );
}

/** Set or clear the times at which voting opens and closes by itself; the current schedule and any refusal. */
function ScheduleVoting(props: SectionProps) {
  const action = useAction(props.refresh);
  const schedule = scheduleOf(props.election);
  const before = props.election.state !== 'voting';
  const submit = (e: Event) => {
    const { get } = formFields(e);
    action.run(async () => {
      const body = {
        opensAt: before ? fromLocalInput(get('opensAt')) : null,
        closesAt: fromLocalInput(get('closesAt')),
      };
      const res = await props.client.call<{ logEntry: LogEntryRef }>('schedule', {
        params: { election: props.election.id },
        body,
      });
      return {
        message:
          body.opensAt === null && body.closesAt === null
            ? 'the schedule is cleared.'
            : 'the schedule is saved.',
        entries: [res.logEntry],
      };
    });
  };
  const time = (iso: string | null | undefined) => (iso ? localDateTime(iso) : 'not scheduled');
  return (
    <form onSubmit={submit} aria-labelledby="schedule-voting">
      <h3 id="schedule-voting">Schedule voting</h3>
      <dl aria-label="Current schedule">
        <dt>Voting opens</dt>
        <dd>{time(schedule?.opensAt)}</dd>
        <dt>Voting closes</dt>
        <dd>{time(schedule?.closesAt)}</dd>
      </dl>
      {schedule?.lastError ? (
        <p>
          <strong>Problem:</strong> the scheduled{' '}
          {schedule.lastError.transition === 'voting' ? 'opening' : 'closing'} was refused at{' '}
          {localDateTime(schedule.lastError.at)}: {schedule.lastError.message} (
          <code>{schedule.lastError.code}</code>). It is tried again until it succeeds or you change the
          schedule.
        </p>
      ) : null}
      <p class="hint" id="schedule-hint">
        Times are in your browser's time zone ({localTimeZone()}) and are sent as UTC. Leave a time empty for
        none; you can still open or close by hand.
      </p>
      {before ? <TimeField name="opensAt" label="Voting opens at" at={schedule?.opensAt} /> : null}
      <TimeField name="closesAt" label="Voting closes at" at={schedule?.closesAt} />
      <SubmitRow action={action} label="Save the schedule" />
    </form>
  );
}

interface Turnout {
  readonly roll: number;
  readonly credentialsIssued: number;
  readonly ballotsCast: number;
}

function TurnoutCounts(props: SectionProps) {
  const [turnout] = useLoad(
    () => props.client.call<Turnout>('turnout', { params: { election: props.election.id } }),
    [props.election.id, props.tick],
  );
  return (
    <div>
      <h3 id="turnout">Turnout</h3>
      <Show value={turnout}>
        {(t) => (
          <dl class="officer-counts" aria-labelledby="turnout">
            <dt>Members on the roll</dt>
            <dd>{t.roll}</dd>
            <dt>Credentials issued</dt>
            <dd>{t.credentialsIssued}</dd>
            <dt>Members who have voted</dt>
            <dd>{t.ballotsCast}</dd>
          </dl>
        )}
      </Show>
      <p class="hint">Counts only: nobody, the officer included, can see who voted how.</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.refresh}>
          Refresh the turnout
        </button>
      </div>
    </div>
  );
}

interface Counted {
  readonly counted: number;
  readonly superseded: number;
  readonly results: readonly { contest: string; elected: readonly string[]; logEntry: LogEntryRef }[];
  readonly logEntry: LogEntryRef;
}

/** A button that runs one officer action, and its outcome. */
function ActionButton(props: { action: Action; label: string; task: () => Promise<Done> }) {
  return (
    <>
      <div class="actions">
        <button type="button" disabled={props.action.busy} onClick={() => props.action.run(props.task)}>
          {props.label}
        </button>
      </div>
      <ActionResult action={props.action} />
    </>
  );
}

function AfterTheClose(props: SectionProps & { ceremony: CeremonyView }) {
  const count = useAction(props.refresh);
  const publish = useAction(props.refresh);
  const { election, client } = props;
  const params = { election: election.id };
  const { revealed, needed } = revealProgress(props.ceremony);
  const name = (id: string) =>
    election.contests.flatMap((c) => c.candidates).find((k) => k.id === id)?.name ?? id;
  return (
    <div>
      <h3>The count</h3>
      <p>
        Key shares revealed: <strong>{revealed}</strong> of the <strong>{needed}</strong> needed.
        {revealed < needed ? ' The trustees reveal their shares on the trustee page.' : ' The count can run.'}
      </p>
      {election.state === 'closed' ? (
        <ActionButton
          action={count}
          label="Run the count"
          task={async () => {
            const res = await client.call<Counted>('count', { params });
            const winners = res.results.map((r) => r.elected.map(name).join(', ')).join('; ');
            return {
              message: `counted ${res.counted} ballot${res.counted === 1 ? '' : 's'} (${res.superseded} replaced by a revote). Elected: ${winners}.`,
              entries: [...res.results.map((r) => r.logEntry), res.logEntry],
            };
          }}
        />
      ) : null}
      {election.state === 'counted' || election.state === 'published' ? (
        <>
          <ActionResult action={count} />
          <ActionButton
            action={publish}
            label={election.state === 'published' ? 'Publish again (rewrite the bundle)' : 'Publish'}
            task={async () => {
              const res = await client.call<{ logIndex: number | null; bundle: { files: number } }>(
                'publish',
                {
                  params,
                },
              );
              return {
                message: `published the election bundle (${res.bundle.files} files).`,
                entries: logged('election.state', res.logIndex),
              };
            }}
          />
        </>
      ) : null}
      {election.state === 'counted' || election.state === 'published' ? (
        <ul>
          <li>
            <a href={`/results/${election.id}`}>The results page</a>
          </li>
          {election.state === 'published' ? (
            <li>
              <a href={`/bundles/${election.id}.tar.gz`} download>
                The election bundle (.tar.gz)
              </a>{' '}
              — anyone can check it with <code>npx openslate verify {election.id}.tar.gz</code>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

export function OfficerLifecycle(props: SectionProps & { ceremony: CeremonyView }) {
  const { state } = props.election;
  const at = STAGES.indexOf(state as (typeof STAGES)[number]);
  return (
    <section class="officer-section" aria-labelledby="lifecycle">
      <h2 id="lifecycle">Stage</h2>
      <ol class="officer-stages">
        {STAGES.map((s, i) => (
          <li key={s} aria-current={s === state ? 'step' : undefined}>
            {s}
            {i < at ? ' (done)' : s === state ? ' (now)' : ''}
          </li>
        ))}
      </ol>
      <Transitions {...props} />
      {SCHEDULABLE.includes(state) ? <ScheduleVoting {...props} /> : null}
      {['voting', 'closed', 'counted', 'published'].includes(state) ? <TurnoutCounts {...props} /> : null}
      {['closed', 'counted', 'published'].includes(state) ? <AfterTheClose {...props} /> : null}
    </section>
  );
}
