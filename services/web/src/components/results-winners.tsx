// The winners of every contest first, in order of election, each with the stage that elected them and why.
import { electedBecause, winners, type ResultsResponse } from './results-report.js';

export function ResultsWinners(props: { contests: ResultsResponse['contests'] }) {
  return (
    <section aria-labelledby="results-winners">
      <h2 id="results-winners">Who was elected</h2>
      {props.contests.map((contest) => (
        <div key={contest.id} class="results-winners">
          <h3>{contest.title}</h3>
          <ol aria-label={`Elected in ${contest.title}, in order of election`}>
            {winners(contest.report).map((w) => (
              <li key={w.name}>
                <strong>{w.name}</strong>, elected at stage {w.stage} with {w.votes} votes (
                {electedBecause(w)})
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
