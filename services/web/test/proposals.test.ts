// The proposals page in a real browser: with the officer's threshold of 2 members (names public), members sign in
// on the page, one drafts a proposal, supporters bring it to its threshold (the page says so, with the log entry
// each action wrote), one withdraws (the page updates) and an amendment is drafted and supported; the officer
// schedules; members vote (two through the typed client on their page sessions, one on the ballot page with its
// page session and no second code, one on the ballot page with a code, which
// says that the motion is an amendment voted first); after the count the proposals and results pages state the
// outcome the API gives. axe and a screenshot in each state.
import type { Browser, Page } from 'playwright-core';
import { MemberDevice, OpenslateClient } from '@openslate/client';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { closeCountPublish, electionInNominations, openVotingFromNominations } from './support/election.js';
import { realErrors, statusSaying } from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

const PROPOSAL = 'Rent caps';
const AMENDMENT = 'Cap at inflation';

interface Listed {
  proposals: Array<{ id: string; title: string; state: string; logEntries: Array<{ index: number }> }>;
}
interface Outcome {
  proposal: string;
  title: string;
  amends: string | null;
  carried: boolean;
  words?: string;
}

describeBrowser('proposals page', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let election: Awaited<ReturnType<typeof electionInNominations>>;
  const api = () => new OpenslateClient({ baseUrl: server.url });
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    election = await electionInNominations(server, 4, {
      threshold: { members: 2 },
      supporters: 'public',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const listed = async (title: string) =>
    (await api().call<Listed>('listProposals', { params: { election: election.id } })).proposals.find(
      (p) => p.title === title,
    )!;

  /** The last log entry the API lists for `title` appears in the page's status line. */
  async function saysLogged(page: Page, what: string, title: string) {
    // The action first, then the listing: read before the action lands, the listing would miss its entry.
    await statusSaying(page, what).waitFor();
    const last = (await listed(title)).logEntries.at(-1)!.index;
    expect(await statusSaying(page, what).textContent()).toContain(`#${last}`);
  }

  async function signIn(n: number): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/proposals/${election.id}#code=${election.codes[n]!}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await statusSaying(page, 'You are signed in').waitFor();
    return page;
  }

  const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

  test('members support a proposal to its threshold, amend it, vote, and read its outcome', async () => {
    const anonymous = await browser.newPage();
    const errors = watchErrors(anonymous);
    await anonymous.goto(`${server.url}/proposals/${election.id}`);
    await anonymous.getByText('once 2 members support it').waitFor();
    await anonymous.getByText('No proposals yet.').waitFor();
    expect(await axeViolations(anonymous)).toEqual([]);

    // Member 1 drafts and supports.
    const m1 = await signIn(0);
    await m1.getByLabel('Title').fill(PROPOSAL);
    await m1.getByLabel('Text').fill('That the alliance campaigns for rent caps in every city.');
    await m1.getByRole('button', { name: 'Draft it' }).click();
    await saysLogged(m1, `Your proposal “${PROPOSAL}” was drafted`, PROPOSAL);
    await m1.getByRole('button', { name: `Support ${PROPOSAL}`, exact: true }).click();
    await saysLogged(m1, `Your support for “${PROPOSAL}” was recorded`, PROPOSAL);
    await card(m1, PROPOSAL).getByText('1 more member needed').waitFor();
    expect(await card(m1, PROPOSAL).getByText('Draft: gathering support').count()).toBe(1);
    expect(await axeViolations(m1)).toEqual([]);
    await screenshot(m1, 'proposals-draft');

    // Member 2 brings it to the threshold; member 3 supports, then withdraws.
    const m2 = await signIn(1);
    await m2.getByRole('button', { name: `Support ${PROPOSAL}`, exact: true }).click();
    await statusSaying(m2, 'It has now reached its threshold').waitFor();
    await card(m2, PROPOSAL).getByText('Eligible: enough support to be put to the vote').waitFor();
    expect((await listed(PROPOSAL)).state).toBe('eligible');
    const m3 = await signIn(2);
    await m3.getByRole('button', { name: `Support ${PROPOSAL}`, exact: true }).click();
    await card(m3, PROPOSAL).getByText('Supported by 3 members').waitFor();
    await m3.getByRole('button', { name: `Withdraw my support from ${PROPOSAL}` }).click();
    await saysLogged(m3, `Your withdrawal of support from “${PROPOSAL}” was recorded`, PROPOSAL);
    await card(m3, PROPOSAL).getByText('Supported by 2 members').waitFor();
    const names = m3.getByRole('list', { name: `Supporters of ${PROPOSAL}` }).getByRole('listitem');
    expect(await names.allTextContents()).toEqual(['Member 1', 'Member 2']);

    // Member 3 drafts an amendment; members 2 and 3 support it.
    await m3.getByLabel('What it is').selectOption({ label: `An amendment to “${PROPOSAL}”` });
    await m3.getByLabel('Title').fill(AMENDMENT);
    await m3.getByLabel('Text').fill('Rents rise by no more than inflation.');
    await m3.getByRole('button', { name: 'Draft it' }).click();
    await saysLogged(m3, `Your amendment “${AMENDMENT}” was drafted`, AMENDMENT);
    await m3.getByRole('button', { name: `Support ${AMENDMENT}`, exact: true }).click();
    await m2.reload();
    await m2.getByRole('button', { name: `Support ${AMENDMENT}`, exact: true }).click();
    const amendment = card(m2, PROPOSAL).getByRole('article', { name: `Amendment: ${AMENDMENT}` });
    await amendment.getByText('Eligible: enough support to be put to the vote').waitFor();
    expect(await axeViolations(m2)).toEqual([]);
    await screenshot(m2, 'proposals-eligible');

    // The officer schedules it; voting opens.
    const proposal = await listed(PROPOSAL);
    await server.officer.call('scheduleProposal', {
      params: { election: election.id, proposal: proposal.id },
      body: { majority: 'simple' },
    });
    const voting = await openVotingFromNominations(server, election);
    const [amendmentMotion, proposalMotion] = voting.contests;

    // Members 1–2 vote through the client on their page sessions: the amendment yes, the proposal no.
    for (const page of [m1, m2]) {
      const token = await page.evaluate(`sessionStorage.getItem('openslate.session.${voting.id}')`);
      const device = new MemberDevice(api().withToken(token as string), voting.id);
      await device.obtainCredential();
      await device.cast({ [amendmentMotion!.id]: { answer: 'yes' }, [proposalMotion!.id]: { answer: 'no' } });
      await page.close();
    }
    // Member 3, signed in on the proposals page in this tab, gets a ballot without a second code: no, no.
    await m3.goto(`${server.url}/vote/${voting.id}`);
    await m3.getByRole('button', { name: 'Get my ballot', exact: true }).click();
    await m3
      .getByRole('region', { name: /^Amendment to/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await m3.getByRole('region', { name: PROPOSAL, exact: true }).getByRole('radio', { name: 'No' }).check();
    await m3.getByRole('button', { name: 'Review my ballot' }).click();
    await m3.getByRole('button', { name: 'Cast my ballot' }).click();
    await m3.getByRole('button', { name: 'Change my vote' }).waitFor();
    await m3.close();

    // Member 4 on the ballot page, which says which motion is the amendment: yes to both.
    const m4 = await browser.newPage();
    await m4.goto(`${server.url}/vote/${voting.id}#code=${voting.codes[3]!}`);
    await m4.getByRole('button', { name: 'Sign in and get my ballot' }).click();
    const amendmentSection = m4.getByRole('region', { name: /^Amendment to/ });
    await amendmentSection.getByText('An amendment to a proposal, voted on before the proposal').waitFor();
    await m4.getByRole('region', { name: PROPOSAL, exact: true }).getByText('A proposal drafted').waitFor();
    expect(await axeViolations(m4)).toEqual([]);
    await screenshot(m4, 'proposals-ballot');
    await amendmentSection.getByRole('radio', { name: 'Yes' }).check();
    const proposalSection = m4.getByRole('region', { name: PROPOSAL, exact: true });
    await proposalSection.getByRole('radio', { name: 'Yes' }).check();
    await m4.getByRole('button', { name: 'Review my ballot' }).click();
    await m4.getByRole('button', { name: 'Cast my ballot' }).click();
    await m4.getByRole('button', { name: 'Change my vote' }).waitFor();
    await m4.close();

    await closeCountPublish(server, voting);
    const results = await api().call<{ proposals: Outcome[] }>('getResults', {
      params: { election: voting.id },
    });
    const apiAmendment = results.proposals.find((o) => o.title === AMENDMENT)!;
    const apiProposal = results.proposals.find((o) => o.title === PROPOSAL)!;
    // 3 yes to 1 no carries the amendment; 1 yes to 3 no defeats the proposal.
    expect([apiAmendment.carried, apiProposal.carried]).toEqual([true, false]);
    const expected = `Amendment “${AMENDMENT}” carried. The proposal “${PROPOSAL}”, put to the vote as amended, was not carried.`;
    expect(
      apiProposal
        .words!.replace(apiAmendment.proposal, `“${AMENDMENT}”`)
        .replace(apiProposal.proposal, `“${PROPOSAL}”`),
    ).toBe(expected);

    await anonymous.reload();
    const outcomes = anonymous.getByRole('region', { name: 'Outcome of the proposals' });
    await outcomes.waitFor();
    expect(await outcomes.getByRole('listitem').allTextContents()).toEqual([expected]);
    await card(anonymous, PROPOSAL).getByText('Not carried', { exact: true }).waitFor();
    await card(anonymous, PROPOSAL)
      .getByRole('article', { name: `Amendment: ${AMENDMENT}` })
      .getByText('Carried', { exact: true })
      .waitFor();
    expect(await axeViolations(anonymous)).toEqual([]);
    await screenshot(anonymous, 'proposals-counted');

    await outcomes.getByRole('link', { name: /results page/ }).click();
    const onResults = anonymous.getByRole('region', { name: 'Outcome of the proposals' });
    await onResults.waitFor();
    expect(await onResults.getByRole('listitem').allTextContents()).toEqual([expected]);
    expect(await axeViolations(anonymous)).toEqual([]);
    await screenshot(anonymous, 'proposals-results');
    expect(realErrors(errors)).toEqual([]);
  });
});
