// The count's outcome of every proposal, in words that name proposals by title ("Amendment “A” carried. The
// proposal “P”, put to the vote as amended, was not carried."), shown on the proposals and results pages.
import { Link } from '../router.js';
import { outcomeSentences, type ProposalOutcome } from './proposals-data.js';

export function ProposalOutcomes(props: {
  election: string;
  outcomes: readonly ProposalOutcome[];
  link: 'results' | 'proposals';
}) {
  const sentences = outcomeSentences(props.outcomes);
  if (sentences.length === 0) return null;
  return (
    <section aria-labelledby="proposal-outcomes" class="proposals-outcomes">
      <h2 id="proposal-outcomes">Outcome of the proposals</h2>
      <ul>
        {sentences.map((s) => (
          <li key={s.id}>{s.words}</li>
        ))}
      </ul>
      <p>
        {props.link === 'results' ? (
          <Link href={`/results/${props.election}`}>Each motion's votes on the results page</Link>
        ) : (
          <Link href={`/proposals/${props.election}`}>
            Every proposal, its supporters and its log entries
          </Link>
        )}
      </p>
    </section>
  );
}
