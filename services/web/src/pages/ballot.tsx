import type { Params } from '../router.js';

// Placeholder: this page is being built (issue #8).
export default function Page(props: { params: Params }) {
  return (
    <section>
      <h1>Your ballot</h1>
      <p>This page is not built yet. {Object.values(props.params).join(' ')}</p>
    </section>
  );
}
