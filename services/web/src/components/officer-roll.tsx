// The roll: import a CSV (pasted or as a file; all or nothing, the API's errors listed by line next to the field),
// add or remove a member with a reason code (the member is told), and send the one-time invitations.
import { ROLL_REASONS } from '@openslate/client';
import { Show, useLoad } from './async.js';
import { ActionResult, SubmitRow, formFields, logged, useAction } from './officer-action.js';
import { allowedIn, type SectionProps } from './officer-data.js';

interface RollEntry {
  readonly position: number;
  readonly membershipNumber: string;
  readonly name: string;
  readonly email: string;
  readonly weight: number;
  readonly status: string;
  readonly reason: string | null;
}

interface RollProblem {
  readonly line: number;
  readonly message: string;
}

/** The line-by-line problems of a ROLL_INVALID refusal (services/api/src/routes/roll.ts). */
function problemsOf(details: unknown): RollProblem[] {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as RollProblem[]) : [];
}

/** How many of the roll's entries the page lists (the rest are counted). */
const SHOWN = 200;

function ReasonFields(props: { prefix: string }) {
  return (
    <>
      <label for={`${props.prefix}-reason`}>Reason</label>
      <select id={`${props.prefix}-reason`} name="reason" required>
        {ROLL_REASONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label for={`${props.prefix}-note`}>Note for the member (optional)</label>
      <input id={`${props.prefix}-note`} name="note" maxLength={1000} size={40} />
    </>
  );
}

function ImportRoll(props: SectionProps) {
  const action = useAction(props.refresh);
  const problems = action.failure?.code === 'ROLL_INVALID' ? problemsOf(action.failure.details) : [];
  const invalid = problems.length > 0;
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    action.run(
      async () => {
        const csv = file ? await file.text() : get('csv');
        if (!csv) throw new Error('Paste the roll or choose a CSV file.');
        const res = await props.client.call<{ imported: number; weight: number; logIndex: number }>(
          'importRoll',
          { params: { election: props.election.id }, body: { csv } },
        );
        return {
          message: `imported ${res.imported} member${res.imported === 1 ? '' : 's'} (total weight ${res.weight}).`,
          entries: logged('roll.imported', res.logIndex),
        };
      },
      () => form.reset(),
    );
  };
  const described = `roll-format${invalid ? ' roll-problems' : ''}`;
  return (
    <form onSubmit={submit} aria-labelledby="import-roll">
      <h3 id="import-roll">Import the roll</h3>
      <p class="hint" id="roll-format">
        CSV with a header row: membership_number, name, email, optional weight, and any other columns as
        attributes (for example gender). Nothing is imported if any line is wrong.
      </p>
      <label for="roll-csv">Paste the CSV</label>
      <textarea
        id="roll-csv"
        name="csv"
        rows={6}
        cols={60}
        aria-describedby={described}
        aria-invalid={invalid ? 'true' : undefined}
      />
      <label for="roll-file">Or choose a CSV file</label>
      <input
        id="roll-file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={described}
        aria-invalid={invalid ? 'true' : undefined}
      />
      <SubmitRow action={action} label="Import the roll" />
      {invalid ? (
        <div id="roll-problems">
          <h4>Lines to fix</h4>
          <ul class="error-list">
            {problems.map((p) => (
              <li key={`${p.line}-${p.message}`}>
                Line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}

function AddEntry(props: SectionProps) {
  const action = useAction(props.refresh);
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    action.run(
      async () => {
        const res = await props.client.call<{ position: number; logIndex: number }>('addRollEntry', {
          params: { election: props.election.id },
          body: {
            membershipNumber: get('number'),
            name: get('name'),
            email: get('email'),
            weight: Number(get('weight') || '1'),
            reason: get('reason') as (typeof ROLL_REASONS)[number],
            note: get('note'),
          },
        });
        return {
          message: `added ${get('name')} to the roll at position ${res.position}.`,
          entries: logged('roll.added', res.logIndex),
        };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-entry">
      <h3 id="add-entry">Add a member</h3>
      <label for="add-number">Membership number</label>
      <input id="add-number" name="number" required maxLength={64} />
      <label for="add-name">Name</label>
      <input id="add-name" name="name" required maxLength={200} autocomplete="off" />
      <label for="add-email">Email</label>
      <input id="add-email" name="email" type="email" required autocomplete="off" />
      <label for="add-weight">Weight (votes)</label>
      <input id="add-weight" name="weight" type="number" min={1} defaultValue="1" />
      <ReasonFields prefix="add" />
      <SubmitRow action={action} label="Add to the roll" />
    </form>
  );
}

function RemoveEntry(props: SectionProps & { entries: readonly RollEntry[] }) {
  const action = useAction(props.refresh);
  const active = props.entries.filter((e) => e.status === 'active');
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    action.run(
      async () => {
        const res = await props.client.call<{ logIndex: number }>('removeRollEntry', {
          params: { election: props.election.id, membership: get('number') },
          body: { reason: get('reason') as (typeof ROLL_REASONS)[number], note: get('note') },
        });
        return {
          message: `removed membership number ${get('number')}; the member is told why by email.`,
          entries: logged('roll.removed', res.logIndex),
        };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="remove-entry">
      <h3 id="remove-entry">Remove a member</h3>
      <label for="remove-number">Member</label>
      <select id="remove-number" name="number" required>
        {active.map((e) => (
          <option key={e.membershipNumber} value={e.membershipNumber}>
            {e.membershipNumber} — {e.name}
          </option>
        ))}
      </select>
      <ReasonFields prefix="remove" />
      <div class="actions">
        <button type="submit" disabled={action.busy || active.length === 0}>
          Remove from the roll
        </button>
      </div>
      <ActionResult action={action} />
    </form>
  );
}

function SendInvitations(props: SectionProps) {
  const action = useAction(props.refresh);
  const send = () =>
    action.run(async () => {
      const res = await props.client.call<{
        created: number;
        logEntry: { index: number; type: string } | null;
      }>('sendInvitations', { params: { election: props.election.id }, body: {} });
      return {
        message: res.created
          ? `sent ${res.created} invitation${res.created === 1 ? '' : 's'} with one-time codes.`
          : 'every member already has a usable code; nothing was sent.',
        entries: res.logEntry ? [res.logEntry] : [],
      };
    });
  return (
    <div>
      <h3 id="invitations">Invitations</h3>
      <p>Sends a one-time sign-in code to every member on the roll who has no usable one.</p>
      <div class="actions">
        <button type="button" onClick={send} disabled={action.busy} aria-describedby="invitations">
          Send invitations
        </button>
      </div>
      <ActionResult action={action} />
    </div>
  );
}

export function OfficerRoll(props: SectionProps) {
  const { election, client } = props;
  const [roll] = useLoad(
    () => client.call<{ entries: RollEntry[] }>('getRoll', { params: { election: election.id } }),
    [election.id, props.tick],
  );
  return (
    <section class="officer-section" aria-labelledby="roll">
      <h2 id="roll">The roll</h2>
      <Show value={roll}>
        {({ entries }) => {
          const active = entries.filter((e) => e.status === 'active').length;
          return (
            <>
              <p>
                {entries.length === 0
                  ? 'Nobody is on the roll yet.'
                  : `${active} member${active === 1 ? '' : 's'} on the roll` +
                    (entries.length > active ? `, ${entries.length - active} removed.` : '.')}
              </p>
              {entries.length ? (
                <div class="table-wrap">
                  <table>
                    <caption>
                      The roll{entries.length > SHOWN ? ` (the first ${SHOWN} of ${entries.length})` : ''}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" class="num">
                          Position
                        </th>
                        <th scope="col">Membership number</th>
                        <th scope="col">Name</th>
                        <th scope="col">Email</th>
                        <th scope="col" class="num">
                          Weight
                        </th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entries.slice(0, SHOWN).map((e) => (
                        <tr key={e.position}>
                          <td class="num">{e.position}</td>
                          <td>{e.membershipNumber}</td>
                          <td>{e.name}</td>
                          <td>{e.email}</td>
                          <td class="num">{e.weight}</td>
                          <td>
                            {e.status === 'active' ? 'on the roll' : `removed (${e.reason ?? 'no reason'})`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {allowedIn(election.state, 'importRoll') ? <ImportRoll {...props} /> : null}
              {allowedIn(election.state, 'changeRoll') ? (
                <>
                  <AddEntry {...props} />
                  <RemoveEntry {...props} entries={entries} />
                </>
              ) : null}
              {allowedIn(election.state, 'invitations') ? <SendInvitations {...props} /> : null}
            </>
          );
        }}
      </Show>
    </section>
  );
}
