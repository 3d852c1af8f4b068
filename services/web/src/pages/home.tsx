import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { ElectionCards } from '../components/election-cards.js';
import { Link } from '../router.js';

interface ElectionSummary {
  readonly id: string;
  readonly title: string;
  readonly state: string;
}

export default function Home() {
  const [elections] = useLoad(() => api.call<{ elections: ElectionSummary[] }>('listElections'), []);
  return (
    <section>
      <h1>Elections</h1>
      <Show value={elections}>
        {({ elections: list }) => (
          <ElectionCards elections={list}>
            {(e) => (
              <>
                <h2>{e.title}</h2>
                <p>
                  Stage: <strong>{e.state}</strong>
                </p>
                <nav aria-label={`Pages of ${e.title}`}>
                  <Link href={`/vote/${e.id}`}>Vote</Link> ·{' '}
                  <Link href={`/nominations/${e.id}`}>Nominations and shortlist</Link> ·{' '}
                  <Link href={`/proposals/${e.id}`}>Proposals</Link> ·{' '}
                  <Link href={`/results/${e.id}`}>Results</Link> ·{' '}
                  <Link href={`/check/${e.id}`}>Check my ballot</Link> ·{' '}
                  <Link href={`/roll/${e.id}`}>Am I on the roll?</Link>
                </nav>
              </>
            )}
          </ElectionCards>
        )}
      </Show>
      <p>
        <Link href="/officer">Returning officers</Link> · <Link href="/trustee">Trustees</Link>
      </p>
    </section>
  );
}
