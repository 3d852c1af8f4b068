// One officer action at a time per form: runs the API call, then says what it did and which public log entry it
// wrote (every officer action is recorded in the election's append-only log), or why the API refused it.
import { useState } from 'preact/hooks';
import { ApiClientError } from '@openslate/client';
import { describeError } from '../api.js';
import { ErrorMessage } from './async.js';

/** An audit-log entry an action wrote: its index in the election's log and its type (docs/log-entries.md). */
export interface LogEntryRef {
  readonly index: number;
  readonly type: string;
}

export interface Done {
  readonly message: string;
  readonly entries: readonly LogEntryRef[];
}

export interface Failure {
  readonly message: string;
  readonly code: string | null;
  readonly details: unknown;
}

export interface Action {
  readonly busy: boolean;
  readonly done: Done | null;
  readonly failure: Failure | null;
  /** Runs `task`; on success calls `onSuccess` (e.g. reset the form) and the hook's `onDone` (reload data). */
  run(task: () => Promise<Done>, onSuccess?: () => void): void;
}

/** The entry of a route that answers `logIndex`, typed by what the route writes. */
export const logged = (type: string, index: number | null | undefined): LogEntryRef[] =>
  index === null || index === undefined ? [] : [{ index, type }];

export function useAction(onDone?: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = (task: () => Promise<Done>, onSuccess?: () => void) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    task().then(
      (d) => {
        setBusy(false);
        setDone(d);
        onSuccess?.();
        onDone?.();
      },
      (err: unknown) => {
        setBusy(false);
        setFailure({
          message: describeError(err),
          code: err instanceof ApiClientError ? err.code : null,
          details: err instanceof ApiClientError ? err.details : undefined,
        });
      },
    );
  };
  return { busy, done, failure, run };
}

export function LogEntries(props: { entries: readonly LogEntryRef[] }) {
  if (props.entries.length === 0) return null;
  return (
    <span class="officer-log">
      {' '}
      Recorded in the public log as{' '}
      {props.entries.map((e, i) => (
        <span key={e.index}>
          {i > 0 ? ', ' : ''}entry <strong>#{e.index}</strong> (<code>{e.type}</code>)
        </span>
      ))}
      .
    </span>
  );
}

/** A status line: what an action did and its log entries (empty until then, so it is announced when it fills). */
export function DoneMessage(props: { done: Done | null }) {
  const { done } = props;
  return (
    <p role="status" class="officer-done">
      {done ? (
        <>
          <span class="ok">Done:</span> {done.message}
          <LogEntries entries={done.entries} />
        </>
      ) : null}
    </p>
  );
}

/** A form's submit button (disabled while its action runs) and the action's outcome. */
export function SubmitRow(props: { action: Action; label: string }) {
  return (
    <>
      <div class="actions">
        <button type="submit" disabled={props.action.busy}>
          {props.label}
        </button>
      </div>
      <ActionResult action={props.action} />
    </>
  );
}

/** The outcome of the last action: a status message with its log entries, or the refusal as an alert. */
export function ActionResult(props: { action: Action; hideError?: boolean }) {
  const { done, failure } = props.action;
  return (
    <>
      <DoneMessage done={done} />
      {props.hideError ? null : <ErrorMessage message={failure?.message ?? null} />}
    </>
  );
}

// A message carried from one page to the next (creating an election, then opening it).
let flash: Done | null = null;
export function setFlash(done: Done): void {
  flash = done;
}
export function takeFlash(): Done | null {
  const d = flash;
  flash = null;
  return d;
}

/** The submitted form's fields as trimmed strings. */
export function formFields(e: Event): { form: HTMLFormElement; get: (name: string) => string } {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  return { form, get: (name) => String(data.get(name) ?? '').trim() };
}
