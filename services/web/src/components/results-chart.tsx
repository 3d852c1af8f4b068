// How votes moved at one stage, as an accessible SVG: for each candidate (and the non-transferable pile) a
// horizontal bar of the votes held before the stage, what came in (hatched) or went out (dashed outline), with
// the numbers written on every bar; the quota as a marked line. A stage selector picks the stage, and the
// chart's data follows as a table (its text alternative), with a one-paragraph description for screen readers.
import { useEffect, useState } from 'preact/hooks';
import { TableRegion } from './results-table-region.js';
import { isZero, movements, type CountReport, type Movement } from './results-report.js';

/** Where things go: names beside the bars on a wide screen, above them on a phone (so the text stays legible). */
interface Geometry {
  readonly width: number;
  /** x of a bar's zero. */
  readonly left: number;
  /** Room kept right of the longest bar for its numbers. */
  readonly right: number;
  readonly row: number;
  readonly labelX: number;
  readonly labelAnchor: 'start' | 'end';
  /** Baselines of the name, and top of the bar, from the top of the row. */
  readonly labelY: number;
  readonly barY: number;
}
const WIDE: Geometry = {
  width: 640,
  left: 176,
  right: 128,
  row: 34,
  labelX: 168,
  labelAnchor: 'end',
  labelY: 14,
  barY: 0,
};
const NARROW: Geometry = {
  width: 360,
  left: 4,
  right: 104,
  row: 46,
  labelX: 4,
  labelAnchor: 'start',
  labelY: 12,
  barY: 17,
};
const BAR = 18;
const TOP = 26;
const PHONE = '(max-width: 36rem)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(PHONE).matches);
  useEffect(() => {
    const query = matchMedia(PHONE);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

const signed = (d: string): string => (d.startsWith('-') ? d : `+${d}`);

/** One sentence on what happened: who passed votes on, who received them, what became non-transferable. */
export function describeMovement(rows: readonly Movement[]): string {
  const out = rows.filter((r) => r.change.startsWith('-') && !isZero(r.change));
  const into = rows.filter((r) => !r.change.startsWith('-') && !isZero(r.change));
  if (out.length === 0) return `Totals: ${rows.map((r) => `${r.label} ${r.after}`).join(', ')}.`;
  const gave = out.map((r) => `${r.label} passed on ${r.change.slice(1)}`).join(', ');
  const got =
    into.length === 0
      ? 'nobody received votes'
      : into.map((r) => `${r.label} received ${r.change}`).join(', ');
  return `${gave}; ${got}.`;
}

function Bar(props: { row: Movement; top: number; g: Geometry; x: (v: string) => number; hatch: string }) {
  const { row, g, x } = props;
  const y = props.top + g.barY;
  const gain = !row.change.startsWith('-');
  const kept = gain ? row.before : row.after;
  const moved = isZero(row.change) ? '' : ` (${signed(row.change)})`;
  const end = Math.max(x(row.before), x(row.after));
  return (
    <g>
      <text x={g.labelX} y={props.top + g.labelY} text-anchor={g.labelAnchor} class="results-chart-label">
        {row.label}
      </text>
      <rect x={g.left} y={y} width={x(kept) - g.left} height={BAR} class="results-bar-kept" />
      {!isZero(row.change) &&
        (gain ? (
          <rect
            x={x(kept)}
            y={y}
            width={x(row.after) - x(kept)}
            height={BAR}
            class="results-bar-in"
            fill={`url(#${props.hatch})`}
          />
        ) : (
          <rect
            x={x(kept)}
            y={y + 1}
            width={x(row.before) - x(kept)}
            height={BAR - 2}
            class="results-bar-out"
          />
        ))}
      <text x={end + 6} y={y + BAR - 4} class="results-chart-value">
        {row.after}
        {moved}
      </text>
    </g>
  );
}

export function ResultsChart(props: { report: CountReport; id: string }) {
  const { report, id } = props;
  const [index, setIndex] = useState(0);
  const g = useNarrow() ? NARROW : WIDE;
  const stage = report.stages[index];
  if (!stage) return null;
  const rows = movements(report, index);
  const max = Math.max(
    1,
    ...report.stages.flatMap((s) => [...Object.values(s.votes), s.nonTransferable, s.quota].map(Number)),
  );
  // Drawing only: pixel positions may be approximate; every number shown is the report's own string.
  const x = (v: string) => g.left + (Math.max(0, Number(v)) / max) * (g.width - g.left - g.right);
  const height = TOP + rows.length * g.row + 8;
  const last = report.stages.length - 1;
  const heading = `Stage ${stage.number}: ${stage.summary}`;
  return (
    <div class="results-chart">
      <div class="results-chart-controls">
        <label for={`${id}-stage`}>Show stage</label>
        <select id={`${id}-stage`} value={index} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
          {report.stages.map((s, i) => (
            <option key={s.number} value={i}>
              Stage {s.number}: {s.summary}
            </option>
          ))}
        </select>
        <button type="button" class="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          Previous stage
        </button>
        <button type="button" class="secondary" disabled={index === last} onClick={() => setIndex(index + 1)}>
          Next stage
        </button>
      </div>
      <p class="results-chart-heading" aria-live="polite">
        {heading}
      </p>
      <svg
        viewBox={`0 0 ${g.width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="results-chart-svg"
      >
        <title id={`${id}-title`}>How votes moved at {heading}</title>
        <desc id={`${id}-desc`}>{describeMovement(rows)}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" class="results-hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="6" class="results-hatch-line" />
          </pattern>
        </defs>
        <line x1={x(stage.quota)} x2={x(stage.quota)} y1={TOP - 6} y2={height} class="results-quota" />
        <text x={x(stage.quota)} y={TOP - 10} text-anchor="middle" class="results-chart-value">
          quota {stage.quota}
        </text>
        {rows.map((row, i) => (
          <Bar key={row.label} row={row} top={TOP + i * g.row} g={g} x={x} hatch={`${id}-hatch`} />
        ))}
      </svg>
      <ul class="results-legend" aria-label="Key to the chart">
        <li>
          <span class="results-swatch results-bar-kept" aria-hidden="true" /> votes held before this stage
        </li>
        <li>
          <span class="results-swatch results-bar-in" aria-hidden="true" /> received at this stage (+)
        </li>
        <li>
          <span class="results-swatch results-bar-out" aria-hidden="true" /> passed on at this stage (−)
        </li>
      </ul>
      <TableRegion label={`The chart's data, ${heading}`}>
        <table class="results-movement">
          <caption>The chart's data: {heading}</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col" class="num">
                Before
              </th>
              <th scope="col" class="num">
                Change
              </th>
              <th scope="col" class="num">
                After
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.before}</td>
                <td class="num">{isZero(r.change) ? r.change : signed(r.change)}</td>
                <td class="num">{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
