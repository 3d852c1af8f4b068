import type { Params } from '../router.js';

// Placeholder: this page is being built (issue #9).
export default function Page(props: { params: Params }) {
  return (
    <section>
      <h1>Proposals</h1>
      <p>This page is not built yet. {props.params['election']}</p>
    </section>
  );
}
