// The key ceremony as published (GET /api/elections/:election/ceremony, services/api/src/voting/ceremony-routes.ts):
// who has done which step, and what the ceremony waits for. Shown to the officer and to each trustee.
export interface CeremonyTrustee {
  readonly index: number;
  readonly name: string;
  readonly announcement: unknown;
  readonly dealingHash: unknown;
  readonly dealing: unknown;
  readonly confirmed: boolean;
  readonly reveal: unknown;
}

export interface CeremonyView {
  readonly threshold: number | null;
  readonly trustees: readonly CeremonyTrustee[];
  readonly electionKey: unknown;
  readonly complete: boolean;
}

const STEPS = [
  { done: (t: CeremonyTrustee) => !!t.announcement, column: 'Key announced', todo: 'announce their key' },
  {
    done: (t: CeremonyTrustee) => !!t.dealingHash,
    column: 'Dealing committed',
    todo: 'commit to their dealing',
  },
  { done: (t: CeremonyTrustee) => !!t.dealing, column: 'Dealing published', todo: 'publish their dealing' },
  { done: (t: CeremonyTrustee) => t.confirmed, column: 'Share confirmed', todo: 'confirm their share' },
] as const;

const names = (list: readonly CeremonyTrustee[]): string => {
  const n = list.map((t) => t.name);
  return n.length < 2 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
};

/** One sentence: what the ceremony waits for now (the first step not every trustee has taken). */
export function ceremonyWaitingFor(view: CeremonyView): string {
  if (view.trustees.length === 0) return 'The returning officer has not named the trustees yet.';
  for (const step of STEPS) {
    const missing = view.trustees.filter((t) => !step.done(t));
    if (missing.length) return `Waiting for ${names(missing)} to ${step.todo}.`;
  }
  return 'The ceremony is complete: the election key exists.';
}

/** How many key shares are revealed, of the threshold the count needs. */
export function revealProgress(view: CeremonyView): { revealed: number; needed: number } {
  return { revealed: view.trustees.filter((t) => t.reveal).length, needed: view.threshold ?? 0 };
}

const mark = (done: boolean) => (done ? 'Done' : 'Not yet');

export function CeremonyProgress(props: { view: CeremonyView; reveals?: boolean }) {
  const { view } = props;
  if (view.trustees.length === 0) return <p>{ceremonyWaitingFor(view)}</p>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption>
            The key ceremony: {view.trustees.length} trustees, {view.threshold} needed to decrypt
          </caption>
          <thead>
            <tr>
              <th scope="col">Trustee</th>
              {STEPS.map((s) => (
                <th scope="col" key={s.column}>
                  {s.column}
                </th>
              ))}
              {props.reveals ? <th scope="col">Share revealed</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.trustees.map((t) => (
              <tr key={t.index}>
                <th scope="row">
                  {t.index}. {t.name}
                </th>
                {STEPS.map((s) => (
                  <td key={s.column}>{mark(s.done(t))}</td>
                ))}
                {props.reveals ? <td>{mark(!!t.reveal)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{ceremonyWaitingFor(view)}</p>
    </>
  );
}
