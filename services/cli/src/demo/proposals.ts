// The demo's proposal (issue #9; docs/log-entries.md "Proposals"): before voting, two affiliates (entered by the
// officer) draft a proposal and an amendment to it and support both, which makes each eligible at the demo's
// threshold of two affiliates; the officer schedules them as two-thirds motions, the amendment first. Members
// answer both motions; at the count the proposal's outcome is resolved over its amendment's result.
import type { ContestChoices } from '@openslate/ballot';
import type { OpenslateClient } from '@openslate/client';

const AFFILIATES = ['Unite Branch 4', 'GMB Branch 12'] as const;
const PROPOSAL = {
  title: 'Proposal: a branch hardship fund',
  text: 'That the branch sets aside £500 a year for members facing hardship.',
};
const AMENDMENT = {
  title: 'Raise it to £1,000',
  text: 'Delete "£500", insert "£1,000".',
};

export interface DemoProposals {
  /** The scheduled motions' contest ids: the amendment's, then the proposal's (ballot order). */
  readonly contests: readonly string[];
  /** A member's answers to both motions, drawn from `random`. */
  readonly answer: (random: () => number) => ContestChoices;
}

/** Drafts, supports and schedules the proposal and its amendment (the election must be before voting). */
export async function scheduleDemoProposals(
  officer: OpenslateClient,
  election: string,
): Promise<DemoProposals> {
  const params = { election };
  await officer.call('proposalSettings', {
    params,
    body: { threshold: { affiliates: AFFILIATES.length }, supporters: 'public' },
  });
  const draft = async (body: object) =>
    (
      await officer.call<{ id: string }>('affiliateProposal', {
        params,
        body: { ...body, affiliate: AFFILIATES[0] },
      })
    ).id;
  const proposal = await draft(PROPOSAL);
  const amendment = await draft({ ...AMENDMENT, amends: proposal });
  for (const id of [proposal, amendment])
    for (const affiliate of AFFILIATES)
      await officer.call('affiliateSupport', { params: { election, proposal: id }, body: { affiliate } });
  const { scheduled } = await officer.call<{ scheduled: { contest: string }[] }>('scheduleProposal', {
    params: { election, proposal },
    body: { majority: 'two-thirds' },
  });
  const contests = scheduled.map((s) => s.contest);
  // About 75 % for the amendment (near two thirds) and 80 % for the proposal.
  const answer = (random: () => number): ContestChoices =>
    Object.fromEntries(
      contests.map((c, i) => [c, { answer: random() < (i === 0 ? 0.75 : 0.8) ? 'yes' : 'no' }]),
    ) as ContestChoices;
  return { contests, answer };
}

/** Each counted proposal's outcome in words, by its title (the public proposals list's `outcome`). */
export async function demoProposalOutcomes(
  api: OpenslateClient,
  election: string,
): Promise<Record<string, string[]>> {
  const { proposals } = await api.call<{
    proposals: { title: string; outcome: { words?: string } | null }[];
  }>('listProposals', { params: { election } });
  return Object.fromEntries(
    proposals.flatMap((p) => (p.outcome?.words === undefined ? [] : [[p.title, [p.outcome.words]]])),
  );
}
