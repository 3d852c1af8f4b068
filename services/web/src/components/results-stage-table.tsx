// The "votes per stage" table, laid out like the official count sheets: one row per candidate, one column per
// stage, then the non-transferable, rounding, total and quota rows; the last column says in words who was
// elected or excluded (never colour alone).
import {
  hasRoundingLoss,
  outcomes,
  stageTotal,
  TIE_NOTE,
  type CountReport,
  type Decimal,
  type ReportStage,
} from './results-report.js';
import { TableRegion } from './results-table-region.js';

function NumberRow(props: {
  label: string;
  stages: readonly ReportStage[];
  value: (s: ReportStage) => Decimal;
}) {
  return (
    <tr class="results-extra">
      <th scope="row">{props.label}</th>
      {props.stages.map((s) => (
        <td key={s.number} class="num">
          {props.value(s)}
        </td>
      ))}
      <td />
    </tr>
  );
}

export function ResultsStageTable(props: { report: CountReport; title: string }) {
  const { report } = props;
  const outcome = outcomes(report);
  return (
    <TableRegion label={`Votes per stage, ${props.title}`}>
      <table class="results-stages">
        <caption>
          Votes per stage: {props.title}. Valid votes {report.validVotes}, quota {report.quota}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            {report.stages.map((s) => (
              <th scope="col" class="num" key={s.number}>
                Stage {s.number}
                <span class="results-stage-summary">{s.summary}</span>
                {s.ties.length > 0 && <span class="results-stage-summary">{TIE_NOTE}</span>}
              </th>
            ))}
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {report.candidates.map(({ name }) => {
            const result = outcome.get(name) ?? '';
            const elected = result.startsWith('Elected');
            return (
              <tr key={name} class={elected ? 'results-elected' : undefined}>
                <th scope="row">{name}</th>
                {report.stages.map((s) => (
                  <td key={s.number} class="num">
                    {s.votes[name] ?? ''}
                  </td>
                ))}
                <td>{elected ? <strong>{result}</strong> : result}</td>
              </tr>
            );
          })}
          <NumberRow
            label="Non-transferable (running total)"
            stages={report.stages}
            value={(s) => s.nonTransferable}
          />
          {hasRoundingLoss(report) && (
            <NumberRow
              label="Lost to rounding (running total)"
              stages={report.stages}
              value={(s) => s.roundingLoss}
            />
          )}
          <NumberRow label="Total" stages={report.stages} value={(s) => stageTotal(report, s)} />
          <NumberRow label="Quota" stages={report.stages} value={(s) => s.quota} />
          {report.stages.some((s) => s.keepFactors) &&
            report.candidates.map(({ name }) => (
              <NumberRow
                key={name}
                label={`Keep factor of ${name}`}
                stages={report.stages}
                value={(s) => s.keepFactors?.[name] ?? ''}
              />
            ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
