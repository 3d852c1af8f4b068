// Loading and error states every page shares: one place that announces them to screen readers.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../api.js';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: string }
  | { readonly state: 'ready'; readonly value: T };

/** Runs `load` when `deps` change; `reload()` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, () => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && setValue({ state: 'ready', value: v }),
      (err: unknown) => live && setValue({ state: 'failed', error: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return [value, () => setTick((t) => t + 1)];
}

export function Show<T>(props: { value: Loadable<T>; children: (value: T) => ComponentChildren }) {
  const { value } = props;
  if (value.state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (value.state === 'failed') return <ErrorMessage message={value.error} />;
  return <>{props.children(value.value)}</>;
}

export function ErrorMessage(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <p class="error" role="alert">
      {props.message}
    </p>
  );
}
