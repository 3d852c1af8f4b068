// One nominated candidate: who nominated them, whether that met the threshold, where they stand and why.
import type { NominatedCandidate } from './nominations-data.js';
import { nominatedBy } from './nominations-data.js';

export function NominationsCandidate(props: {
  candidate: NominatedCandidate;
  standing: string;
  threshold: boolean;
}) {
  const { candidate: c } = props;
  return (
    <li>
      <h4>{c.name}</h4>
      <dl class="nominations-facts">
        <dt>Standing</dt>
        <dd class="nominations-status">{props.standing}</dd>
        <dt>Nominated by</dt>
        <dd>{nominatedBy(c)}</dd>
        {props.threshold && (
          <>
            <dt>Threshold</dt>
            <dd>{c.meetsThreshold ? 'Met' : 'Not met'}</dd>
          </>
        )}
        <dt>Reason for the decision</dt>
        <dd>{c.reason ?? 'No decision has been made yet.'}</dd>
        {c.logEntry && (
          <>
            <dt>In the public log</dt>
            <dd>
              entry {c.logEntry.index}
              {c.logEntry.type ? ` (${c.logEntry.type})` : ''}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
