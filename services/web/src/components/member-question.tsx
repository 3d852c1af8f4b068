// A question contest on the ballot, by its kind: a motion (its text and a Yes / No / Abstain radio group), an
// approval question (checkboxes, any number) or a choose-one question (radio group with "leave blank"), each with
// its rule in one sentence; and the answer as the review step shows it. The answer is kept as a list of strings
// beside the STV rankings (member-question-rule.ts `ballotChoice` turns it into the ballot's choice).
import type { Candidate } from './election-types.js';
import { attributesText } from './member-election.js';
import { MOTION_ANSWERS, questionRule, type KindFields } from './member-question-rule.js';
import { MotionOrigin } from './proposals-motion.js';

export interface QuestionContest extends KindFields {
  readonly id: string;
  readonly title: string;
  readonly candidates: readonly Candidate[];
}

interface ControlProps {
  readonly contest: QuestionContest;
  readonly answer: readonly string[];
  /** The new answer and a sentence for the page's live region. */
  readonly onChange: (next: string[], message: string) => void;
}

function OptionLabel(props: { candidate: Candidate }) {
  const { candidate } = props;
  const about = [attributesText(candidate.attributes), candidate.statement].filter(Boolean).join(' — ');
  return (
    <span>
      <strong>{candidate.name}</strong>
      {about && <span class="hint"> {about}</span>}
    </span>
  );
}

function Choice(props: {
  type: 'radio' | 'checkbox';
  name: string;
  checked: boolean;
  onChange: () => void;
  children: preact.ComponentChildren;
}) {
  return (
    <label class="inline question-option">
      <input type={props.type} name={props.name} checked={props.checked} onChange={props.onChange} />
      {props.children}
    </label>
  );
}

function Options(props: ControlProps) {
  const { contest, answer } = props;
  const name = `q-${contest.id}`;
  const nameOf = (id: string) => contest.candidates.find((k) => k.id === id)?.name ?? id;
  if (contest.kind === 'yes-no-abstain')
    return (
      <>
        {MOTION_ANSWERS.map(([value, label]) => (
          <Choice
            key={value}
            type="radio"
            name={name}
            checked={answer[0] === value}
            onChange={() => props.onChange([value], `${contest.title}: ${label}`)}
          >
            {label}
          </Choice>
        ))}
      </>
    );
  if (contest.kind === 'approval')
    return (
      <>
        {contest.candidates.map((k) => {
          const on = answer.includes(k.id);
          // Kept in ballot order, whatever order they were ticked in.
          const next = contest.candidates
            .map((x) => x.id)
            .filter((id) => (id === k.id ? !on : answer.includes(id)));
          return (
            <Choice
              key={k.id}
              type="checkbox"
              name={name}
              checked={on}
              onChange={() =>
                props.onChange(next, `${k.name} ${on ? 'not approved' : 'approved'}; ${next.length} approved`)
              }
            >
              <OptionLabel candidate={k} />
            </Choice>
          );
        })}
      </>
    );
  return (
    <>
      {contest.candidates.map((k) => (
        <Choice
          key={k.id}
          type="radio"
          name={name}
          checked={answer[0] === k.id}
          onChange={() => props.onChange([k.id], `${contest.title}: ${nameOf(k.id)}`)}
        >
          <OptionLabel candidate={k} />
        </Choice>
      ))}
      <Choice
        type="radio"
        name={name}
        checked={answer.length === 0}
        onChange={() => props.onChange([], `${contest.title}: left blank`)}
      >
        Leave blank
      </Choice>
    </>
  );
}

const LEGEND: Readonly<Record<string, string>> = {
  'yes-no-abstain': 'Your answer',
  approval: 'Approve any number',
  'choose-one': 'Choose one',
};

/** One question contest: heading, text, rule, and its controls in a fieldset whose legend says what to do. */
export function QuestionControl(props: ControlProps) {
  const { contest } = props;
  const headingId = `contest-${contest.id}`;
  return (
    <section class="contest" aria-labelledby={headingId}>
      <h2 id={headingId}>{contest.title}</h2>
      <MotionOrigin question={contest.question} />
      {contest.question?.text && <p class="question-text">{contest.question.text}</p>}
      <p class="rule">{questionRule(contest)}.</p>
      <fieldset class="question-choices">
        <legend>
          {LEGEND[contest.kind ?? ''] ?? 'Your answer'}
          <span class="visually-hidden">: {contest.title}</span>
        </legend>
        <Options {...props} />
      </fieldset>
    </section>
  );
}

/** The answer in words, for the review step. */
export function QuestionReview(props: { contest: QuestionContest; answer: readonly string[] }) {
  const { contest, answer } = props;
  const names = answer.map((id) => contest.candidates.find((k) => k.id === id)?.name ?? id);
  if (contest.kind === 'yes-no-abstain') {
    const label = MOTION_ANSWERS.find(([a]) => a === answer[0])?.[1];
    return <p>{label ? `Your answer: ${label}.` : 'No answer given: counted as an abstention.'}</p>;
  }
  if (names.length === 0)
    return (
      <p>
        {contest.kind === 'approval' ? 'You approved none: an abstention.' : 'Left blank: an abstention.'}
      </p>
    );
  if (contest.kind === 'approval')
    return (
      <ul aria-label={`You approve, in ${contest.title}`}>
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    );
  return <p>Your choice: {names[0]}.</p>;
}
