// The officer console's add-contest form for question contests: the kind decides which settings are offered,
// and what the form sends is what the API stores (a two-thirds motion with a quorum, an approval question).
import type { Browser, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { createElection, expectLogged, form, officerSignIn, realErrors } from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;

interface StoredContest {
  readonly title: string;
  readonly kind: string;
  readonly question: Record<string, unknown> | null;
  readonly quorum: Record<string, unknown> | null;
}

describeBrowser('officer console: question contests', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a motion and an approval question, each with only its own settings', async () => {
    const errors = watchErrors(page);
    await page.goto(`${server.url}/officer`);
    await officerSignIn(page, server.officerLogin.email, server.officerLogin.password);
    await form(page, 'Create an election').waitFor();
    const id = await createElection(server, page, 'Annual meeting motions');
    const f = form(page, 'Add a contest');

    await f.getByLabel('What the members decide').selectOption('yes-no-abstain');
    expect(await f.getByLabel('Seats').count()).toBe(0);
    await f.getByLabel('Title').fill('Affiliate to the alliance');
    await f.getByLabel('Text (optional)').fill('This branch affiliates to the alliance.');
    await f.getByLabel('Majority needed').selectOption('two-thirds');
    await f.getByLabel('Minimum turnout').selectOption('fraction-of-eligible');
    await f.getByLabel('Numerator').fill('1');
    await f.getByLabel('Denominator').fill('3');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-add-motion');
    await f.getByRole('button', { name: 'Add the contest' }).click();
    await expectLogged(server, page, id, 'added the contest “Affiliate to the alliance”', [
      'contest.created',
    ]);
    // A motion's answers are yes/no/abstain: the console offers no candidate form for it.
    await page.getByRole('heading', { level: 3, name: 'Affiliate to the alliance', exact: true }).waitFor();
    expect(await form(page, 'Add a candidate to Affiliate to the alliance').count()).toBe(0);

    await f.getByLabel('What the members decide').selectOption('approval');
    expect(await f.getByLabel('Majority needed').count()).toBe(0);
    await f.getByLabel('Title').fill('Conference delegates');
    await f.getByLabel('Winners (optional)').fill('2');
    await f.getByRole('button', { name: 'Add the contest' }).click();
    await expectLogged(server, page, id, 'added the contest “Conference delegates”', ['contest.created']);
    await form(page, 'Add a candidate to Conference delegates').waitFor();

    const stored = await server.officer.call<{ contests: StoredContest[] }>('getElection', {
      params: { election: id },
    });
    const byTitle = new Map(stored.contests.map((c) => [c.title, c]));
    expect(byTitle.get('Affiliate to the alliance')).toMatchObject({
      kind: 'yes-no-abstain',
      question: {
        majority: 'two-thirds',
        abstentions: 'excluded',
        text: 'This branch affiliates to the alliance.',
      },
      quorum: { kind: 'fraction-of-eligible', numerator: 1, denominator: 3 },
    });
    expect(byTitle.get('Conference delegates')).toMatchObject({ kind: 'approval', question: { winners: 2 } });
    expect(byTitle.get('Conference delegates')!.quorum ?? null).toBeNull();
    expect(realErrors(errors)).toEqual([]);
  }, 600_000);
});
