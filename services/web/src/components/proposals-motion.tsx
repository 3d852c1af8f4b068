// On the ballot: a motion that came from a members' proposal says so, and an amendment says that it is voted
// before its proposal and, if carried, changes the text the proposal is put to the vote on.
import type { ProposalLink } from './proposals-data.js';

export function MotionOrigin(props: { question?: object | undefined }) {
  const link = (props.question as { proposal?: ProposalLink } | undefined)?.proposal;
  if (!link) return null;
  return (
    <p class="proposals-origin">
      {link.amends === undefined
        ? 'A proposal drafted and supported by members. Any amendments to it are voted on before it.'
        : 'An amendment to a proposal, voted on before the proposal: if it is carried, the proposal is put to the vote as amended.'}
    </p>
  );
}
