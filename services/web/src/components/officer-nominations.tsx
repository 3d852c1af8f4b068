// Nominations and shortlisting: the officer enters affiliates' nominations, and decides on each candidate with a
// written reason (published with the decision).
import { Show, useLoad } from './async.js';
import { SubmitRow, formFields, logged, useAction } from './officer-action.js';
import { allowedIn, type SectionProps } from './officer-data.js';

interface NominatedCandidate {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly reason: string | null;
  readonly memberNominations: number;
  readonly affiliateNominations: readonly string[];
  readonly meetsThreshold: boolean;
}

interface NominationContest {
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly NominatedCandidate[];
}

const DECISIONS = ['shortlisted', 'longlisted', 'rejected', 'withdrawn'] as const;

function CandidateSelect(props: { id: string; contests: readonly NominationContest[] }) {
  return (
    <select id={props.id} name="candidate" required>
      {props.contests.map((c) => (
        <optgroup key={c.id} label={c.title}>
          {c.candidates.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function AffiliateNomination(props: SectionProps & { contests: readonly NominationContest[] }) {
  const action = useAction(props.refresh);
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    action.run(
      async () => {
        const res = await props.client.call<{ logIndex: number }>('affiliateNomination', {
          params: { election: props.election.id },
          body: { candidate: get('candidate'), affiliate: get('affiliate') },
        });
        return {
          message: `recorded ${get('affiliate')}'s nomination.`,
          entries: logged('nomination', res.logIndex),
        };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="affiliate-nomination">
      <h3 id="affiliate-nomination">Enter an affiliate's nomination</h3>
      <label for="nomination-candidate">Candidate</label>
      <CandidateSelect id="nomination-candidate" contests={props.contests} />
      <label for="nomination-affiliate">Affiliate (union, society or branch)</label>
      <input id="nomination-affiliate" name="affiliate" required maxLength={200} size={40} />
      <SubmitRow action={action} label="Record the nomination" />
    </form>
  );
}

function Decision(props: SectionProps & { contests: readonly NominationContest[] }) {
  const action = useAction(props.refresh);
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    const name = form.querySelector<HTMLSelectElement>('#decision-candidate')?.selectedOptions[0]?.text ?? '';
    action.run(
      async () => {
        const status = get('status') as (typeof DECISIONS)[number];
        const res = await props.client.call<{ logIndex: number }>('decide', {
          params: { election: props.election.id, candidate: get('candidate') },
          body: { status, reason: get('reason') },
        });
        return { message: `${name} is now ${status}.`, entries: logged('candidate.decision', res.logIndex) };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="decision">
      <h3 id="decision">Shortlisting decision</h3>
      <label for="decision-candidate">Candidate</label>
      <CandidateSelect id="decision-candidate" contests={props.contests} />
      <label for="decision-status">Decision</label>
      <select id="decision-status" name="status">
        {DECISIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label for="decision-reason">Reason (published with the decision)</label>
      <textarea
        id="decision-reason"
        name="reason"
        rows={3}
        cols={50}
        required
        minLength={3}
        maxLength={2000}
      />
      <SubmitRow action={action} label="Record the decision" />
    </form>
  );
}

export function OfficerNominations(props: SectionProps) {
  const { election } = props;
  const [nominations] = useLoad(
    () =>
      props.client.call<{ contests: NominationContest[] }>('listNominations', {
        params: { election: election.id },
      }),
    [election.id, props.tick],
  );
  return (
    <section class="officer-section" aria-labelledby="nominations">
      <h2 id="nominations">Nominations and shortlist</h2>
      <Show value={nominations}>
        {({ contests }) => (
          <>
            {contests.map((c) => (
              <div class="table-wrap" key={c.id}>
                <table>
                  <caption>{c.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Candidate</th>
                      <th scope="col" class="num">
                        Member nominations
                      </th>
                      <th scope="col">Affiliates</th>
                      <th scope="col">Threshold met</th>
                      <th scope="col">Status and reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.candidates.map((k) => (
                      <tr key={k.id}>
                        <th scope="row">{k.name}</th>
                        <td class="num">{k.memberNominations}</td>
                        <td>{k.affiliateNominations.join(', ') || 'none'}</td>
                        <td>{k.meetsThreshold ? 'yes' : 'no'}</td>
                        <td>
                          {k.status}
                          {k.reason ? `: ${k.reason}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
            {allowedIn(election.state, 'nominate') ? (
              <AffiliateNomination {...props} contests={contests} />
            ) : null}
            {allowedIn(election.state, 'decide') ? <Decision {...props} contests={contests} /> : null}
            {!allowedIn(election.state, 'decide') ? (
              <p class="hint">
                Nominations and shortlisting decisions are taken in the nominations and shortlist stages.
              </p>
            ) : null}
          </>
        )}
      </Show>
    </section>
  );
}
