// A list of elections as cards, or "No elections yet.": the home page and the officer console each say what a
// card holds.
import type { ComponentChildren } from 'preact';

export function ElectionCards<E extends { readonly id: string }>(props: {
  elections: readonly E[];
  children: (election: E) => ComponentChildren;
}) {
  if (props.elections.length === 0) return <p>No elections yet.</p>;
  return (
    <ul class="cards">
      {props.elections.map((e) => (
        <li key={e.id}>{props.children(e)}</li>
      ))}
    </ul>
  );
}
