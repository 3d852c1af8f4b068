// Running one election: its whole life cycle on one page — contests and candidates, the roll, nominations and
// shortlisting, trustees and the key ceremony, the stage transitions, turnout, the count and publication. Every
// action says which public log entry it wrote.
import { useState } from 'preact/hooks';
import { Show, useLoad } from '../components/async.js';
import { DoneMessage, takeFlash } from '../components/officer-action.js';
import { OfficerContests } from '../components/officer-contests.js';
import type { ElectionView } from '../components/officer-data.js';
import { OfficerLifecycle } from '../components/officer-lifecycle.js';
import { OfficerNominations } from '../components/officer-nominations.js';
import { OfficerRoll } from '../components/officer-roll.js';
import { useOfficerSession } from '../components/officer-session.js';
import { OfficerTrustees } from '../components/officer-trustees.js';
import type { CeremonyView } from '../components/trustee-ceremony.js';
import { api } from '../api.js';
import { Link, type Params } from '../router.js';

export default function OfficerElectionPage(props: { params: Params }) {
  const id = props.params['election']!;
  const { client } = useOfficerSession();
  const [flash] = useState(takeFlash);
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((t) => t + 1);
  const [data] = useLoad(
    () =>
      Promise.all([
        api.call<ElectionView>('getElection', { params: { election: id } }),
        api.call<CeremonyView>('getCeremony', { params: { election: id } }),
      ]),
    [id, tick],
  );
  if (!client)
    return (
      <section>
        <h1>Run an election</h1>
        <p>
          <Link href="/officer">Sign in as a returning officer</Link> first.
        </p>
      </section>
    );
  return (
    <Show value={data}>
      {([election, ceremony]) => {
        const section = { election, client, refresh, tick };
        return (
          <section>
            <h1>{election.title}</h1>
            <p>
              Stage: <strong>{election.state}</strong> · <Link href="/officer">All elections</Link> ·{' '}
              <Link href={`/nominations/${id}`}>Public nominations page</Link>
            </p>
            <DoneMessage done={flash} />
            <OfficerLifecycle {...section} ceremony={ceremony} />
            <OfficerContests {...section} />
            <OfficerRoll {...section} />
            <OfficerNominations {...section} />
            <OfficerTrustees {...section} ceremony={ceremony} />
          </section>
        );
      }}
    </Show>
  );
}
