// Contests and candidates: add a contest — an STV election (seats, counting rule, constraints such as "at least 2
// elected with gender = woman") or a question (a yes/no/abstain motion, approval, choose-one) with its majority
// and an optional quorum; secret or recorded vote, nomination thresholds — and candidates (a question's options).
import { useState } from 'preact/hooks';
import { ABSTENTIONS, CONTEST_KINDS, MAJORITIES, RULES, type ContestKind } from '@openslate/client';
import { SubmitRow, formFields, useAction, type LogEntryRef } from './officer-action.js';
import { allowedIn, describeConstraint, type ContestView, type SectionProps } from './officer-data.js';

const RULE_NAMES: Record<(typeof RULES)[number], string> = {
  scottish: 'Scottish STV',
  ers97: 'ERS97 STV',
  wigm: 'Weighted inclusive Gregory (WIGM)',
  meek: 'Meek STV',
};

type Created = { id: string; logEntry: LogEntryRef };

const KIND_NAMES: Record<ContestKind, string> = {
  stv: 'An election by single transferable vote (rank the candidates)',
  'yes-no-abstain': 'A motion: yes, no or abstain',
  approval: 'Approval: choose any number of options',
  'choose-one': 'Choose one option',
};
const MAJORITY_NAMES: Record<(typeof MAJORITIES)[number], string> = {
  simple: 'Simple majority: more yes than no',
  'two-thirds': 'Two thirds of those voting',
  'of-eligible': 'More than half of the whole roll',
};
const ABSTENTION_NAMES: Record<(typeof ABSTENTIONS)[number], string> = {
  excluded: 'Not counted (of those voting yes or no)',
  included: 'Counted in the base (they weigh like votes against)',
};

type QuorumBody =
  | { kind: 'weight'; weight: number }
  | { kind: 'fraction-of-eligible'; numerator: number; denominator: number };

/** The quorum fields → the API's quorum, or undefined for none. */
function quorumOf(get: (name: string) => string): QuorumBody | undefined {
  const kind = get('quorum');
  if (kind === 'weight') return { kind, weight: Number(get('quorum-weight')) };
  if (kind === 'fraction-of-eligible')
    return {
      kind,
      numerator: Number(get('quorum-numerator')),
      denominator: Number(get('quorum-denominator')),
    };
  return undefined;
}

/** Only the settings that apply to `kind` (the API refuses the others by name). */
function kindSettings(kind: ContestKind, get: (name: string) => string, constraints: number) {
  const text = get('text') || undefined;
  switch (kind) {
    case 'stv':
      return {
        seats: Number(get('seats')),
        rules: get('rules') as (typeof RULES)[number],
        constraints: Array.from({ length: constraints }, (_, n) => {
          const k = { attribute: get(`c${n}-attribute`), value: get(`c${n}-value`) };
          const count = Number(get(`c${n}-count`));
          return get(`c${n}-kind`) === 'max' ? { ...k, max: count } : { ...k, min: count };
        }),
      };
    case 'yes-no-abstain': {
      const majority = get('majority') as (typeof MAJORITIES)[number];
      return {
        text,
        majority,
        abstentions:
          majority === 'of-eligible' ? undefined : (get('abstentions') as (typeof ABSTENTIONS)[number]),
      };
    }
    case 'approval':
      return { text, winners: optionalNumber(get('winners')) };
    case 'choose-one':
      return { text, requireMajority: get('requireMajority') === 'on' ? true : undefined };
  }
}

function QuorumFields() {
  const [kind, setKind] = useState('none');
  return (
    <fieldset>
      <legend>Quorum (optional)</legend>
      <p class="hint" id="quorum-hint">
        Without enough ballots for this contest, nothing is carried and nobody is elected.
      </p>
      <label for="contest-quorum">Minimum turnout</label>
      <select
        id="contest-quorum"
        name="quorum"
        aria-describedby="quorum-hint"
        onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="none">No quorum</option>
        <option value="weight">At least a number of votes</option>
        <option value="fraction-of-eligible">At least a fraction of the roll</option>
      </select>
      {kind === 'weight' ? (
        <>
          <label for="contest-quorum-weight">Votes needed</label>
          <input id="contest-quorum-weight" name="quorum-weight" type="number" min={1} required />
        </>
      ) : null}
      {kind === 'fraction-of-eligible' ? (
        <div class="officer-row">
          <div>
            <label for="contest-quorum-numerator">Numerator</label>
            <input id="contest-quorum-numerator" name="quorum-numerator" type="number" min={1} required />
          </div>
          <div>
            <label for="contest-quorum-denominator">Denominator</label>
            <input id="contest-quorum-denominator" name="quorum-denominator" type="number" min={1} required />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

/** "gender=woman" lines → { gender: 'woman' }; a line without "=" is an error message. */
export function parseAttributes(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at < 1) return `line ${i + 1}: write each attribute as name=value`;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

const optionalNumber = (s: string): number | undefined => (s === '' ? undefined : Number(s));

function ConstraintFields(props: { n: number }) {
  const id = (f: string) => `constraint-${props.n}-${f}`;
  return (
    <fieldset class="officer-row">
      <legend>Constraint {props.n + 1}</legend>
      <div>
        <label for={id('kind')}>Kind</label>
        <select id={id('kind')} name={`c${props.n}-kind`}>
          <option value="min">at least</option>
          <option value="max">at most</option>
        </select>
      </div>
      <div>
        <label for={id('count')}>How many</label>
        <input id={id('count')} name={`c${props.n}-count`} type="number" min={0} max={100} required />
      </div>
      <div>
        <label for={id('attribute')}>Attribute</label>
        <input id={id('attribute')} name={`c${props.n}-attribute`} required placeholder="gender" />
      </div>
      <div>
        <label for={id('value')}>Value</label>
        <input id={id('value')} name={`c${props.n}-value`} required placeholder="woman" />
      </div>
    </fieldset>
  );
}

function AddContest(props: SectionProps) {
  const action = useAction(props.refresh);
  const [constraints, setConstraints] = useState(0);
  const [kind, setKind] = useState<ContestKind>('stv');
  const [majority, setMajority] = useState<string>('simple');
  // Bumped when the form is reset, so the quorum fields start again from "No quorum".
  const [resets, setResets] = useState(0);
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    action.run(
      async () => {
        const body = {
          title: get('title'),
          kind,
          ...kindSettings(kind, get, constraints),
          quorum: quorumOf(get),
          mode: get('mode') as 'secret' | 'recorded',
          nominationThreshold: {
            members: optionalNumber(get('members')),
            affiliates: optionalNumber(get('affiliates')),
          },
        };
        const res = await props.client.call<Created>('addContest', {
          params: { election: props.election.id },
          body,
        });
        return { message: `added the contest “${body.title}”.`, entries: [res.logEntry] };
      },
      () => {
        form.reset();
        setConstraints(0);
        setKind('stv');
        setMajority('simple');
        setResets((n) => n + 1);
      },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-contest">
      <h3 id="add-contest">Add a contest</h3>
      <label for="contest-title">Title</label>
      <input id="contest-title" name="title" required maxLength={300} size={40} />
      <label for="contest-kind">What the members decide</label>
      <select
        id="contest-kind"
        name="kind"
        value={kind}
        onChange={(e) => {
          setKind((e.currentTarget as HTMLSelectElement).value as ContestKind);
          setConstraints(0);
        }}
      >
        {CONTEST_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_NAMES[k]}
          </option>
        ))}
      </select>
      {kind === 'stv' ? (
        <>
          <label for="contest-seats">Seats</label>
          <input id="contest-seats" name="seats" type="number" min={1} max={100} defaultValue="1" required />
          <label for="contest-rules">Counting rule</label>
          <select id="contest-rules" name="rules">
            {/* The API's default first, so a reset form shows it again. */}
            {['ers97' as const, ...RULES.filter((r) => r !== 'ers97')].map((r) => (
              <option key={r} value={r}>
                {RULE_NAMES[r]}
              </option>
            ))}
          </select>
          {Array.from({ length: constraints }, (_, n) => (
            <ConstraintFields key={n} n={n} />
          ))}
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => setConstraints((n) => Math.min(n + 1, 10))}
            >
              Add a constraint
            </button>
            {constraints > 0 ? (
              <button type="button" class="secondary" onClick={() => setConstraints((n) => n - 1)}>
                Remove the last constraint
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <label for="contest-text">Text (optional)</label>
          <textarea id="contest-text" name="text" rows={4} cols={50} maxLength={20000} />
        </>
      )}
      {kind === 'yes-no-abstain' ? (
        <>
          <label for="contest-majority">Majority needed</label>
          <select
            id="contest-majority"
            name="majority"
            value={majority}
            onChange={(e) => setMajority((e.currentTarget as HTMLSelectElement).value)}
          >
            {MAJORITIES.map((m) => (
              <option key={m} value={m}>
                {MAJORITY_NAMES[m]}
              </option>
            ))}
          </select>
          {majority !== 'of-eligible' ? (
            <>
              <label for="contest-abstentions">Abstentions</label>
              <select id="contest-abstentions" name="abstentions">
                {ABSTENTIONS.map((a) => (
                  <option key={a} value={a}>
                    {ABSTENTION_NAMES[a]}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <p class="hint">A motion has no candidates: its answers are yes, no and abstain.</p>
        </>
      ) : null}
      {kind === 'approval' ? (
        <>
          <label for="contest-winners">Winners (optional)</label>
          <p class="hint" id="winners-hint">
            How many of the most-approved options win; leave empty to report the totals only. Add the options
            as candidates below once the contest exists.
          </p>
          <input
            id="contest-winners"
            name="winners"
            type="number"
            min={1}
            max={200}
            aria-describedby="winners-hint"
          />
        </>
      ) : null}
      {kind === 'choose-one' ? (
        <label class="inline">
          <input type="checkbox" name="requireMajority" /> The winner needs more than half of the votes
        </label>
      ) : null}
      <QuorumFields key={resets} />
      <fieldset>
        <legend>Vote</legend>
        <label class="inline">
          <input type="radio" name="mode" value="secret" defaultChecked /> Secret ballot
        </label>
        <label class="inline">
          <input type="radio" name="mode" value="recorded" /> Recorded vote (how each member voted is
          published)
        </label>
      </fieldset>
      <fieldset>
        <legend>Nomination thresholds (optional)</legend>
        <p class="hint" id="threshold-hint">
          A candidate qualifies with this many member nominations, or this many affiliate nominations.
        </p>
        <label for="contest-members">Member nominations</label>
        <input id="contest-members" name="members" type="number" min={1} aria-describedby="threshold-hint" />
        <label for="contest-affiliates">Affiliate nominations</label>
        <input
          id="contest-affiliates"
          name="affiliates"
          type="number"
          min={1}
          aria-describedby="threshold-hint"
        />
      </fieldset>
      <SubmitRow action={action} label="Add the contest" />
    </form>
  );
}

function AddCandidate(props: SectionProps & { contest: ContestView }) {
  const action = useAction(props.refresh);
  const id = (f: string) => `${props.contest.id}-${f}`;
  const submit = (e: Event) => {
    const { form, get } = formFields(e);
    action.run(
      async () => {
        const attributes = parseAttributes(get('attributes'));
        if (typeof attributes === 'string') throw new Error(`Attributes, ${attributes}`);
        const res = await props.client.call<Created>('addCandidate', {
          params: { election: props.election.id, contest: props.contest.id },
          body: { name: get('name'), statement: get('statement'), attributes },
        });
        return { message: `added ${get('name')} to ${props.contest.title}.`, entries: [res.logEntry] };
      },
      () => form.reset(),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby={id('add')}>
      <h4 id={id('add')}>Add a candidate to {props.contest.title}</h4>
      <label for={id('name')}>Name</label>
      <input id={id('name')} name="name" required maxLength={200} size={30} />
      <label for={id('statement')}>Statement</label>
      <textarea id={id('statement')} name="statement" rows={3} cols={50} maxLength={5000} />
      <label for={id('attributes')}>Attributes</label>
      <p class="hint" id={id('attributes-hint')}>
        One per line, as name=value (for example gender=woman); constraints count these.
      </p>
      <textarea
        id={id('attributes')}
        name="attributes"
        rows={2}
        cols={30}
        aria-describedby={id('attributes-hint')}
      />
      <SubmitRow action={action} label="Add the candidate" />
    </form>
  );
}

export function OfficerContests(props: SectionProps) {
  const { election } = props;
  return (
    <section class="officer-section" aria-labelledby="contests">
      <h2 id="contests">Contests and candidates</h2>
      {election.contests.length === 0 ? <p>No contests yet.</p> : null}
      {election.contests.map((c) => (
        <article key={c.id} class="officer-card">
          <h3>{c.title}</h3>
          <p>
            {(c.kind ?? 'stv') === 'stv' ? (
              <>
                {c.seats} seat{c.seats === 1 ? '' : 's'} ·{' '}
                {RULE_NAMES[c.rules as (typeof RULES)[number]] ?? c.rules}
              </>
            ) : (
              KIND_NAMES[c.kind as ContestKind]
            )}{' '}
            · {c.mode === 'recorded' ? 'recorded vote' : 'secret ballot'}
          </p>
          {c.constraints.length ? (
            <ul>
              {c.constraints.map((k, i) => (
                <li key={i}>Constraint: {describeConstraint(k)}</li>
              ))}
            </ul>
          ) : null}
          {c.candidates.length === 0 ? (
            <p>No candidates yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Candidates for {c.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attributes</th>
                    <th scope="col">Statement</th>
                  </tr>
                </thead>
                <tbody>
                  {c.candidates.map((k) => (
                    <tr key={k.id}>
                      <th scope="row">{k.name}</th>
                      <td>{k.status}</td>
                      <td>
                        {Object.entries(k.attributes)
                          .map(([a, v]) => `${a}=${v}`)
                          .join(', ')}
                      </td>
                      <td>{k.statement}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {allowedIn(election.state, 'addCandidate') && c.kind !== 'yes-no-abstain' ? (
            <AddCandidate {...props} contest={c} />
          ) : null}
        </article>
      ))}
      {allowedIn(election.state, 'addContest') ? <AddContest {...props} /> : null}
    </section>
  );
}
