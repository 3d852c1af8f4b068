// The ranking control of one contest. Three ways to rank, all equal: tap (or Enter/Space on) a candidate to give
// them the next number, tap again to remove them; drag a ranked candidate to another place; or use the
// "Move up", "Move down" and "Remove" buttons. Every change is announced through the page's live region.
import { useState } from 'preact/hooks';
import type { Candidate, Contest } from './election-types.js';
import { attributesText, contestRule } from './member-election.js';

/** Pure ranking edits: each returns a new ranking. */
export const toggle = (ranking: readonly string[], id: string): string[] =>
  ranking.includes(id) ? ranking.filter((x) => x !== id) : [...ranking, id];

export function move(ranking: readonly string[], from: number, to: number): string[] {
  if (to < 0 || to >= ranking.length || from === to) return [...ranking];
  const next = [...ranking];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id!);
  return next;
}

export function RankingControl(props: {
  contest: Contest;
  ranking: readonly string[];
  onChange: (ranking: string[], message: string) => void;
}) {
  const { contest, ranking } = props;
  const [dragging, setDragging] = useState<number | null>(null);
  const byId = new Map(contest.candidates.map((c) => [c.id, c]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const change = (next: string[], id: string) => {
    const at = next.indexOf(id);
    props.onChange(
      next,
      at < 0
        ? `${nameOf(id)} removed from your ranking; ${next.length} ranked`
        : `${nameOf(id)} ranked ${at + 1} of ${next.length}`,
    );
  };
  const headingId = `contest-${contest.id}`;
  return (
    <section class="contest" aria-labelledby={headingId}>
      <h2 id={headingId}>{contest.title}</h2>
      <p class="rule">{contestRule(contest)}.</p>
      <p class="hint">
        Rank as many or as few as you like: 1 for your first choice, 2 for your next, and so on. Tap a
        candidate to give them the next number; tap again to remove them.
      </p>
      <ul class="candidates" aria-label={`Candidates for ${contest.title}`}>
        {contest.candidates.map((c) => (
          <CandidateCard
            key={c.id}
            candidate={c}
            rank={ranking.indexOf(c.id) + 1}
            onToggle={() => change(toggle(ranking, c.id), c.id)}
          />
        ))}
      </ul>
      <h3 id={`${headingId}-ranked`}>Your ranking</h3>
      {ranking.length === 0 ? (
        <p class="hint">No one ranked yet in this contest.</p>
      ) : (
        <ol class="ranked" aria-labelledby={`${headingId}-ranked`}>
          {ranking.map((id, i) => (
            <li
              key={id}
              draggable
              class={dragging === i ? 'dragging' : undefined}
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer?.setData('text/plain', id);
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = ranking.indexOf(e.dataTransfer?.getData('text/plain') ?? '');
                setDragging(null);
                if (from >= 0 && from !== i) change(move(ranking, from, i), ranking[from]!);
              }}
            >
              <span class="rank-badge" aria-hidden="true">
                {i + 1}
              </span>
              <span class="ranked-name">
                <span class="visually-hidden">{`${i + 1}: `}</span>
                {nameOf(id)}
              </span>
              <span class="ranked-actions">
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Move ${nameOf(id)} up`}
                  disabled={i === 0}
                  onClick={() => change(move(ranking, i, i - 1), id)}
                >
                  Up
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Move ${nameOf(id)} down`}
                  disabled={i === ranking.length - 1}
                  onClick={() => change(move(ranking, i, i + 1), id)}
                >
                  Down
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Remove ${nameOf(id)}`}
                  onClick={() => change(toggle(ranking, id), id)}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CandidateCard(props: { candidate: Candidate; rank: number; onToggle: () => void }) {
  const { candidate: c, rank } = props;
  const about = attributesText(c.attributes);
  return (
    <li class={rank ? 'candidate is-ranked' : 'candidate'}>
      <button type="button" class="rank-toggle" aria-pressed={rank > 0} onClick={props.onToggle}>
        <span class="rank-badge" aria-hidden="true">
          {rank || ''}
        </span>
        <span class="candidate-name">{c.name}</span>
        <span class="rank-state">{rank ? `ranked ${rank}` : 'not ranked'}</span>
      </button>
      {about && <p class="candidate-about">{about}</p>}
      {c.statement && <p class="candidate-statement">{c.statement}</p>}
    </li>
  );
}
