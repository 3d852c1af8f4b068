// Nominations and shortlist (public): for every contest the nomination threshold, each candidate with how many
// members and which affiliates nominated them, and every decision with its written reason — including the
// candidates left off the ballot.
import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { NominationsCandidate } from '../components/nominations-candidate.js';
import {
  nominationsStage,
  STATUS_GROUPS,
  statusSummary,
  thresholdWords,
  type NominationsResponse,
} from '../components/nominations-data.js';
import type { Params } from '../router.js';

/** The part of `getElection` this page uses (services/api/src/routes/public.ts). */
interface ElectionInfo {
  readonly title: string;
  readonly state: string;
}

async function load(election: string) {
  const [info, nominations] = await Promise.all([
    api.call<ElectionInfo>('getElection', { params: { election } }),
    api.call<NominationsResponse>('listNominations', { params: { election } }),
  ]);
  return { info, nominations };
}

function Contest(props: { contest: NominationsResponse['contests'][number] }) {
  const { contest } = props;
  const threshold = thresholdWords(contest.threshold);
  return (
    <section aria-labelledby={`contest-${contest.id}`} class="nominations-contest">
      <h2 id={`contest-${contest.id}`}>{contest.title}</h2>
      <p>
        {threshold
          ? `To be considered, a candidate needs nominations from ${threshold}.`
          : 'This contest has no nomination threshold.'}
      </p>
      <p>{statusSummary(contest.candidates)}.</p>
      {STATUS_GROUPS.map((group) => {
        const members = contest.candidates.filter((c) => c.status === group.status);
        if (members.length === 0) return null;
        const id = `${contest.id}-${group.status}`;
        return (
          <div key={group.status}>
            <h3 id={id}>
              {group.heading} ({members.length})
            </h3>
            <ul class="cards" aria-labelledby={id}>
              {members.map((c) => (
                <NominationsCandidate
                  key={c.id}
                  candidate={c}
                  standing={group.standing}
                  threshold={!!threshold}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export default function Nominations(props: { params: Params }) {
  const id = props.params['election'] ?? '';
  const [loaded] = useLoad(() => load(id), [id]);
  const title = loaded.state === 'ready' ? `: ${loaded.value.info.title}` : '';
  return (
    <section>
      <h1>Nominations and shortlist{title}</h1>
      <Show value={loaded}>
        {({ info, nominations }) => (
          <>
            <p>{nominationsStage(info.state)}</p>
            {nominations.contests.length === 0 ? (
              <p>This election has no contests yet.</p>
            ) : (
              nominations.contests.map((c) => <Contest key={c.id} contest={c} />)
            )}
          </>
        )}
      </Show>
    </section>
  );
}
