// Results (public): once counted, the winners first, then for each contest the votes-per-stage table, a chart of
// how votes moved at each stage, and the plain-English explanation (a question: carried or not, its totals,
// threshold and quorum, components/results-question.tsx); then the files to check it all. Before the
// count, the stage the election is in and when results will appear.
import type { CallArgs } from '@openslate/client';
import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { ResultsChart } from '../components/results-chart.js';
import { ProposalOutcomes } from '../components/proposals-outcomes.js';
import { ContestDownloads, ElectionDownloads } from '../components/results-downloads.js';
import { ResultsExplanation } from '../components/results-explanation.js';
import { asQuestion, QuestionResult, QuorumLine, stvQuorum } from '../components/results-question.js';
import { constraintWords, type ResultsResponse } from '../components/results-report.js';
import { ResultsStageTable } from '../components/results-stage-table.js';
import { ResultsWinners } from '../components/results-winners.js';
import type { Params } from '../router.js';

/** The part of `getElection` this page uses (services/api/src/routes/public.ts). */
interface ElectionInfo {
  readonly title: string;
  readonly state: string;
  readonly log: { readonly verifierKey: string };
}

interface Loaded {
  readonly election: ElectionInfo;
  readonly results: ResultsResponse | null;
  /** Contest id → its `.explain` file. */
  readonly explanations: ReadonlyMap<string, string>;
}

const COUNTED = ['counted', 'published'];

const BEFORE_COUNT: Readonly<Record<string, string>> = {
  draft: 'The election is being prepared.',
  nominations: 'Nominations are open.',
  shortlist: 'The candidates are being shortlisted.',
  voting: 'Voting is open.',
  closed: 'Voting has closed; the count has not been run yet.',
};

// getResultFile is a raw route without a params schema in packages/client, so its call arguments are typed loosely.
const explainArgs = (election: string, contest: string) =>
  ({ params: { election, contest, format: 'explain' } }) as unknown as CallArgs<'getResultFile'>;

async function load(election: string): Promise<Loaded> {
  const info = await api.call<ElectionInfo>('getElection', { params: { election } });
  if (!COUNTED.includes(info.state)) return { election: info, results: null, explanations: new Map() };
  const results = await api.call<ResultsResponse>('getResults', { params: { election } });
  const texts = await Promise.all(
    results.contests.map((c) => api.call<string>('getResultFile', explainArgs(election, c.id))),
  );
  return {
    election: info,
    results,
    explanations: new Map(results.contests.map((c, i) => [c.id, texts[i] ?? ''])),
  };
}

function NotYet(props: { state: string }) {
  return (
    <>
      <p>
        {BEFORE_COUNT[props.state] ?? `The election is in the “${props.state}” stage.`} (Stage:{' '}
        <strong>{props.state}</strong>.)
      </p>
      <p>
        Results appear on this page as soon as the count has run: after voting closes, enough trustees reveal
        their key shares to decrypt the ballots, and the returning officer runs the count.
      </p>
    </>
  );
}

function Counted(props: { id: string; data: Loaded; results: ResultsResponse }) {
  const { id, data, results } = props;
  const published = data.election.state === 'published';
  return (
    <>
      <p>
        {published
          ? 'Counted and published: anyone can download the election and recount it.'
          : 'Counted; not yet published.'}
      </p>
      <ResultsWinners contests={results.contests.filter((c) => !asQuestion(c))} />
      <ProposalOutcomes election={id} outcomes={results.proposals ?? []} link="proposals" />
      {results.contests.map((c) => (
        <section key={c.id} aria-labelledby={`contest-${c.id}`} class="results-contest">
          <h2 id={`contest-${c.id}`}>{c.title}</h2>
          <ContestBody id={id} contest={c} explanation={data.explanations.get(c.id) ?? ''} />
        </section>
      ))}
      <section aria-labelledby="check-yourself">
        <h2 id="check-yourself">Check the count yourself</h2>
        <ElectionDownloads election={id} published={published} verifierKey={data.election.log.verifierKey} />
      </section>
    </>
  );
}

/** A question's result, or an STV contest's stages (with its quorum when it has one); then its files. */
function ContestBody(props: {
  id: string;
  contest: ResultsResponse['contests'][number];
  explanation: string;
}) {
  const { id, contest: c } = props;
  const question = asQuestion(c);
  const quorum = stvQuorum(c);
  if (question)
    return (
      <>
        <QuestionResult contest={question} explanation={props.explanation} />
        <h3>Files of this question</h3>
        <ContestDownloads election={id} contest={c.id} title={c.title} stv={false} />
      </>
    );
  return (
    <>
      <p>
        {c.seats} {c.seats === 1 ? 'seat' : 'seats'}, counted under {c.report.parameters['rules'] ?? c.rules}.{' '}
        {c.report.constraints.length > 0 &&
          `Constraints: ${c.report.constraints.map(constraintWords).join('; ')}.`}
      </p>
      {quorum && <QuorumLine quorum={quorum} />}
      <h3>Votes per stage</h3>
      <ResultsStageTable report={c.report} title={c.title} />
      <h3>How votes moved</h3>
      <ResultsChart report={c.report} id={`chart-${c.id}`} />
      <h3>The count in plain English</h3>
      <ResultsExplanation report={c.report} text={props.explanation} />
      <h3>Files of this contest</h3>
      <ContestDownloads election={id} contest={c.id} title={c.title} stv />
    </>
  );
}

export default function Results(props: { params: Params }) {
  const id = props.params['election'] ?? '';
  const [loaded] = useLoad(() => load(id), [id]);
  const title = loaded.state === 'ready' ? `: ${loaded.value.election.title}` : '';
  return (
    <section>
      <h1>Results{title}</h1>
      <Show value={loaded}>
        {(data) =>
          data.results ? (
            <Counted id={id} data={data} results={data.results} />
          ) : (
            <NotYet state={data.election.state} />
          )
        }
      </Show>
    </section>
  );
}
