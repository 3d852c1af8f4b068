// One proposal on the public proposals page: its text, who drafted it (a member or an affiliate), its support
// against the threshold (names only when the organisation made supporters public), its state in words, the log
// entries about it, and for a signed-in member the buttons to support it or withdraw that support.
import type { ComponentChildren } from 'preact';
import {
  distanceWords,
  STATE_WORDS,
  supportWords,
  type Proposal,
  type ProposalSettings,
} from './proposals-data.js';

export interface SupportButtons {
  readonly busy: boolean;
  readonly onSupport: (p: Proposal) => void;
  readonly onWithdraw: (p: Proposal) => void;
}

function Supporters(props: { proposal: Proposal; settings: ProposalSettings }) {
  const { supporters } = props.proposal;
  const names = [...(supporters.memberNames ?? []), ...(supporters.affiliateNames ?? [])];
  const gathering = props.proposal.state === 'draft' || props.proposal.state === 'eligible';
  return (
    <>
      <p>
        Supported by {supportWords(supporters)}
        {gathering && `. ${distanceWords(props.settings.threshold, supporters)}`}.
      </p>
      {names.length > 0 && (
        <ul class="proposals-names" aria-label={`Supporters of ${props.proposal.title}`}>
          {names.map((n, i) => (
            <li key={`${n}-${i}`}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function LogRefs(props: { proposal: Proposal }) {
  const { logEntries } = props.proposal;
  if (logEntries.length === 0) return null;
  return (
    <details>
      <summary>Log entries ({logEntries.length})</summary>
      <ul aria-label={`Log entries about ${props.proposal.title}`}>
        {logEntries.map((l) => (
          <li key={`${l.index}-${l.type}`}>
            #{l.index} <code>{l.type}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A proposal (h2) or an amendment (h3) with its support and, for a member, its buttons; `children` below it. */
export function ProposalCard(props: {
  proposal: Proposal;
  settings: ProposalSettings;
  level: 2 | 3;
  buttons: SupportButtons | null;
  children?: ComponentChildren;
}) {
  const { proposal: p, buttons } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const headingId = `proposal-${p.id}`;
  const open = p.state === 'draft' || p.state === 'eligible';
  return (
    <article class={`proposals-card proposals-${p.state}`} aria-labelledby={headingId}>
      <Heading id={headingId}>
        {p.amends === null ? '' : 'Amendment: '}
        {p.title}
      </Heading>
      <p class="proposals-state">
        <strong>{STATE_WORDS[p.state]}</strong> · drafted by{' '}
        {p.drafterKind === 'member' ? 'a member' : 'an affiliate'} · <code>{p.id}</code>
      </p>
      <p class="question-text">{p.text}</p>
      <Supporters proposal={p} settings={props.settings} />
      {buttons && open && (
        <div class="actions">
          <button type="button" disabled={buttons.busy} onClick={() => buttons.onSupport(p)}>
            Support<span class="visually-hidden"> {p.title}</span>
          </button>
          <button
            type="button"
            class="secondary"
            disabled={buttons.busy}
            onClick={() => buttons.onWithdraw(p)}
          >
            Withdraw my support<span class="visually-hidden"> from {p.title}</span>
          </button>
        </div>
      )}
      <LogRefs proposal={p} />
      {props.children}
    </article>
  );
}
