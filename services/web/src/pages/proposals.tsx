// Proposals (public): every proposal with its amendments under it, its support against the threshold, its state
// and log entries; after the count, each proposal's outcome in words. A member signed in (the session the ballot
// page keeps for this tab, or a code here) drafts proposals and amendments and supports them or withdraws that
// support before voting opens, and sees the log entry each action wrote.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Show, useLoad } from '../components/async.js';
import { CodeForm } from '../components/member-signin.js';
import { loadSession, saveSession } from '../components/member-storage.js';
import { ActionResult, useAction, type LogEntryRef } from '../components/officer-action.js';
import { ProposalCard, type SupportButtons } from '../components/proposals-card.js';
import {
  OPEN_FOR_SUPPORT,
  thresholdWords,
  type Proposal,
  type ProposalList,
  type ProposalOutcome,
} from '../components/proposals-data.js';
import { DraftForm } from '../components/proposals-draft.js';
import { ProposalOutcomes } from '../components/proposals-outcomes.js';
import type { Params } from '../router.js';

interface Loaded {
  readonly election: { readonly title: string; readonly state: string };
  readonly list: ProposalList;
  readonly outcomes: readonly ProposalOutcome[];
}

const COUNTED = ['counted', 'published'];

async function load(election: string): Promise<Loaded> {
  const [info, list] = await Promise.all([
    api.call<Loaded['election']>('getElection', { params: { election } }),
    api.call<ProposalList>('listProposals', { params: { election } }),
  ]);
  const outcomes = COUNTED.includes(info.state)
    ? (await api.call<{ proposals: ProposalOutcome[] }>('getResults', { params: { election } })).proposals
    : [];
  return { election: info, list, outcomes };
}

/** What the support or withdrawal route answers (services/api/src/routes/proposals.ts changeSupport). */
interface SupportChange {
  readonly state: string;
  readonly logEntry: LogEntryRef;
  readonly stateEntry?: LogEntryRef;
}

function useSupport(election: string, token: string | null, reload: () => void) {
  const action = useAction(reload);
  const change = (p: Proposal, route: 'supportProposal' | 'withdrawProposalSupport') =>
    action.run(async () => {
      const res = await api
        .withToken(token ?? undefined)
        .call<SupportChange>(route, { params: { election, proposal: p.id } });
      const did = route === 'supportProposal' ? 'Your support for' : 'Your withdrawal of support from';
      const crossed = res.stateEntry
        ? res.state === 'eligible'
          ? ' It has now reached its threshold.'
          : ' It is now below its threshold.'
        : '';
      return {
        message: `${did} “${p.title}” was recorded.${crossed}`,
        entries: [res.logEntry, ...(res.stateEntry ? [res.stateEntry] : [])],
      };
    });
  const buttons: SupportButtons | null = token
    ? {
        busy: action.busy,
        onSupport: (p) => change(p, 'supportProposal'),
        onWithdraw: (p) => change(p, 'withdrawProposalSupport'),
      }
    : null;
  return { action, buttons };
}

function ProposalsView(props: { id: string; data: Loaded; token: string | null; reload: () => void }) {
  const { id, data, token } = props;
  const { settings, proposals } = data.list;
  const open = OPEN_FOR_SUPPORT.includes(data.election.state);
  const { action, buttons } = useSupport(id, open ? token : null, props.reload);
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return (
    <>
      <p>
        A proposal is put to the vote once {thresholdWords(settings.threshold)} support it; the returning
        officer then schedules it, with its amendments voted on first.{' '}
        {settings.supporters === 'public'
          ? 'Supporters are named.'
          : 'Supporters are only counted, not named.'}{' '}
        {open
          ? 'Proposals can be drafted and supported until voting opens.'
          : 'Voting has opened: support can no longer change.'}
      </p>
      {open && token && (
        <p role="status">You are signed in: support a proposal below, or draft one at the end of the page.</p>
      )}
      <ProposalOutcomes election={id} outcomes={data.outcomes} link="results" />
      <ActionResult action={action} />
      {proposals.length === 0 && <p>No proposals yet.</p>}
      {proposals
        .filter((p) => p.amends === null)
        .map((p) => (
          <ProposalCard key={p.id} proposal={p} settings={settings} level={2} buttons={buttons}>
            {p.amendments.map((a) => {
              const amendment = byId.get(a);
              return (
                amendment && (
                  <ProposalCard
                    key={a}
                    proposal={amendment}
                    settings={settings}
                    level={3}
                    buttons={buttons}
                  />
                )
              );
            })}
          </ProposalCard>
        ))}
      {open && token && (
        <DraftForm election={id} token={token} proposals={proposals} onDrafted={props.reload} />
      )}
    </>
  );
}

function SignIn(props: { election: string; onSignedIn: (token: string) => void }) {
  return (
    <section aria-labelledby="proposals-signin">
      <h2 id="proposals-signin">Sign in to draft or support a proposal</h2>
      <p>
        Use the one-time code from your invitation. If you have already used it on the ballot page in this
        browser tab, you are signed in here too.
      </p>
      <CodeForm
        election={props.election}
        action="Sign in"
        onSignedIn={async (t) => {
          saveSession(props.election, t);
          props.onSignedIn(t);
        }}
      />
    </section>
  );
}

export default function ProposalsPage(props: { params: Params }) {
  const id = props.params['election'] ?? '';
  const [token, setToken] = useState(() => loadSession(id));
  const [loaded, reload] = useLoad(() => load(id), [id]);
  const title = loaded.state === 'ready' ? `: ${loaded.value.election.title}` : '';
  const open = loaded.state === 'ready' && OPEN_FOR_SUPPORT.includes(loaded.value.election.state);
  return (
    <section>
      <h1>Proposals{title}</h1>
      <Show value={loaded}>
        {(data) => <ProposalsView id={id} data={data} token={token} reload={reload} />}
      </Show>
      {open && !token && <SignIn election={id} onSignedIn={setToken} />}
    </section>
  );
}
