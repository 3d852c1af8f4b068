// A signed-in member drafts a proposal, or an amendment to one still open to amendment (not yet scheduled); the
// API logs it as `proposal.drafted` and the page shows that entry.
import { api } from '../api.js';
import { formFields, SubmitRow, useAction } from './officer-action.js';
import type { Proposal } from './proposals-data.js';

export function DraftForm(props: {
  election: string;
  token: string;
  proposals: readonly Proposal[];
  onDrafted: () => void;
}) {
  const action = useAction(props.onDrafted);
  const amendable = props.proposals.filter((p) => p.amends === null && p.state !== 'scheduled');
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    const amends = get('amends');
    const body = { title: get('title'), text: get('text'), ...(amends && { amends }) };
    action.run(
      async () => {
        const res = await api
          .withToken(props.token)
          .call<{ id: string; logEntry: { index: number; type: string } }>('draftProposal', {
            params: { election: props.election },
            body,
          });
        return {
          message: `${amends ? 'Your amendment' : 'Your proposal'} “${body.title}” was drafted.`,
          entries: [res.logEntry],
        };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft a proposal or an amendment</h2>
      <label for="proposal-amends">What it is</label>
      <select id="proposal-amends" name="amends">
        <option value="">A new proposal</option>
        {amendable.map((p) => (
          <option key={p.id} value={p.id}>
            An amendment to “{p.title}”
          </option>
        ))}
      </select>
      <label for="proposal-title">Title</label>
      <input id="proposal-title" name="title" required maxLength={300} />
      <label for="proposal-text">Text</label>
      <p class="hint" id="proposal-text-hint">
        For an amendment, say what it changes in the proposal and why.
      </p>
      <textarea id="proposal-text" name="text" required rows={5} aria-describedby="proposal-text-hint" />
      <SubmitRow action={action} label="Draft it" />
    </form>
  );
}
