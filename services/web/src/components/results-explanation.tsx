// The count in plain English, one paragraph per stage, exactly as packages/stv's `renderExplanation` wrote it
// when the count ran (the `.explain` result file): transfers, elections, exclusions, constraints and tie-breaks.
import { explanationParagraphs, type CountReport } from './results-report.js';

export function ResultsExplanation(props: { report: CountReport; text: string }) {
  const { stages, result } = explanationParagraphs(props.text);
  return (
    <>
      <ol class="results-explanation">
        {props.report.stages.map((s) => (
          <li key={s.number}>
            <strong>
              Stage {s.number}: {s.summary}.
            </strong>{' '}
            {stages.get(s.number) ?? 'No explanation was recorded for this stage.'}
          </li>
        ))}
      </ol>
      {result && <p>{result}</p>}
    </>
  );
}
