// Question contests in a real browser: an election with a two-thirds motion (quorum a third of the roll), an
// approval question choosing two and an STV contest. Two members vote through the ballot page (one by keyboard
// only, who then reopens the ballot and finds the answers restored), two through the typed client; after the
// close, reveals, count and publication the results page says carried or not and shows totals equal to
// getResults' report. axe and a screenshot in each state.
import type { Browser, Page } from 'playwright-core';
import { MemberDevice, OpenslateClient } from '@openslate/client';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { closeCountPublish, electionInVoting, type TestElection } from './support/election.js';
import { realErrors, tabTo } from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

const MOTION = 'Affiliate the branch';
const CONTESTS = [
  {
    title: MOTION,
    kind: 'yes-no-abstain' as const,
    majority: 'two-thirds' as const,
    text: 'This branch affiliates to the alliance.',
    quorum: { kind: 'fraction-of-eligible' as const, numerator: 1, denominator: 3 },
  },
  {
    title: 'Delegates',
    kind: 'approval' as const,
    winners: 2,
    candidates: [{ name: 'Ann OKAFOR' }, { name: 'Bob LINDQVIST' }, { name: 'Cy MORENO' }],
  },
  {
    title: 'Treasurer',
    seats: 1,
    rules: 'ers97' as const,
    candidates: [{ name: 'Maya CHEN' }, { name: 'Niall BYRNE' }],
  },
];

interface QuestionReport {
  carried: boolean;
  totals: Array<{ name: string; votes: string }>;
  abstained: string;
  winners?: string[];
}
interface Results {
  contests: Array<{ id: string; title: string; kind: string; report: QuestionReport }>;
}

async function signIn(page: Page, server: EmbeddedApi, election: TestElection, code: string) {
  await page.goto(`${server.url}/vote/${election.id}#code=${code}`);
  await page.getByRole('button', { name: 'Sign in and get my ballot' }).click();
  await page.getByRole('heading', { name: MOTION }).waitFor();
}

describeBrowser('question contests', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let election: TestElection;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    election = await electionInVoting(server, 4, CONTESTS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('members answer a motion and an approval question, then the results say carried or not', async () => {
    const [motion, approval, stv] = election.contests;
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);

    // Member 1, keyboard only.
    await signIn(page, server, election, election.codes[0]!);
    await page.getByText('Carried if at least two thirds of those voting yes or no vote yes').waitFor();
    await page.getByText('needs a turnout of at least a third of the roll').waitFor();
    await page.getByText('Choose any number; the 2 options with the most approvals win').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'questions-ballot');
    const group = page.getByRole('group', { name: new RegExp(`Your answer.*${MOTION}`) });
    await tabTo(page, group.getByRole('radio', { name: 'Yes' }));
    await page.keyboard.press('Space');
    for (const name of ['Ann OKAFOR', 'Cy MORENO']) {
      await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`^${name}`) }));
      await page.keyboard.press('Space');
    }
    await tabTo(page, page.getByRole('button', { name: /^Maya CHEN/ }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Review my ballot' }));
    await page.keyboard.press('Enter');
    await page.getByText('Your answer: Yes.').waitFor();
    const approved = page.getByRole('list', { name: 'You approve, in Delegates' }).getByRole('listitem');
    expect(await approved.allTextContents()).toEqual(['Ann OKAFOR', 'Cy MORENO']);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('button', { name: 'Cast my ballot' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Change my vote' }).waitFor();
    // Reopening the ballot restores the answers.
    await page.getByRole('button', { name: 'Change my vote' }).click();
    expect(await group.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Ann OKAFOR/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Bob LINDQVIST/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Keep my earlier vote' }).click();
    await context.close();

    // Member 2, by pointer: No, approves Bob only, ranks no one.
    const context2 = await browser.newContext();
    const page2 = await context2.newPage();
    await signIn(page2, server, election, election.codes[1]!);
    await page2
      .getByRole('group', { name: new RegExp(`Your answer.*${MOTION}`) })
      .getByRole('radio', { name: 'No' })
      .check();
    await page2.getByRole('checkbox', { name: /^Bob LINDQVIST/ }).check();
    await page2.getByRole('button', { name: 'Review my ballot' }).click();
    await page2.getByText('Your answer: No.').waitFor();
    await page2.getByRole('button', { name: 'Cast my ballot' }).click();
    await page2.getByRole('button', { name: 'Change my vote' }).waitFor();
    await context2.close();

    // Members 3 and 4 through the client: yes with Ann; abstain, approving none.
    const api = new OpenslateClient({ baseUrl: server.url });
    const answers = [
      { answer: 'yes', approve: [approval!.candidates[0]!.id] },
      { answer: 'abstain', approve: [] },
    ];
    for (const [i, a] of answers.entries()) {
      const member = await MemberDevice.signIn(api, election.codes[2 + i]!);
      await member.obtainCredential();
      await member.cast({
        [motion!.id]: { answer: a.answer },
        [approval!.id]: { approve: a.approve },
        [stv!.id]: { ranking: [] },
      });
    }

    await closeCountPublish(server, election);
    const results = await api.call<Results>('getResults', { params: { election: election.id } });
    const page3 = await browser.newPage();
    await page3.goto(`${server.url}/results/${election.id}`);
    for (const c of results.contests.filter((x) => x.kind !== 'stv')) {
      const section = page3.getByRole('region', { name: c.title });
      const table = section.getByRole('table', { name: `Votes in ${c.title}` });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      for (const [i, o] of c.report.totals.entries()) {
        expect(await rows.nth(i).locator('th').textContent()).toBe(o.name);
        expect(await rows.nth(i).locator('td').first().textContent()).toBe(o.votes);
      }
      expect(await rows.nth(c.report.totals.length).locator('td').first().textContent()).toBe(
        c.report.abstained,
      );
      if (c.kind === 'yes-no-abstain')
        await section.getByText(c.report.carried ? 'Carried.' : 'Not carried.', { exact: true }).waitFor();
      else {
        const names = c.report.winners!.map(
          (id) => c.report.totals.find((o) => (o as { id?: string }).id === id)!.name,
        );
        await section.getByText(`Chosen: ${names.join(', ')}.`).waitFor();
      }
    }
    // Yes 2, no 1: exactly two thirds of those voting yes or no carries.
    expect(results.contests[0]!.report.carried).toBe(true);
    await page3.getByText('Reached', { exact: true }).waitFor();
    expect(await axeViolations(page3)).toEqual([]);
    await screenshot(page3, 'questions-results');
    expect(realErrors(errors)).toEqual([]);
    await page3.close();
  });
});
