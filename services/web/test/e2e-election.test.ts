// A whole election through the web forms, one browser with a context per person (issue #8's quality bar): the
// officer signs in, creates the election, a contest with a constraint and candidates, imports the roll and names
// three trustees; the trustees run the key ceremony on /trustee; the officer opens voting and sends the
// invitations; three members vote on /vote — by keyboard only, by tapping on a 375-px-wide phone, by tapping and
// dragging — and the last revotes, then has the browser forget the ballot; a member checks the receipt on /check;
// the officer closes; two trustees reveal; the officer counts and publishes; the public /results page shows the
// winners and every stage of the stored results. The only API calls read the invitation codes from the outbox
// (the members' mail) and the values compared against. Every page passes axe; screenshots: test-artifacts/e2e-*.
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import {
  addCandidate,
  addContest,
  announcement,
  CEREMONY_ROUNDS,
  confirmMove,
  createElection,
  electedShown,
  expectLogged,
  form,
  nameTrustees,
  officerSignIn,
  rankedList,
  readReceipt,
  realErrors,
  tabTo,
  toggle,
  trusteeSignIn,
  trusteeStep,
  type Receipt,
} from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

const TITLE = 'Branch officers 2027';
const CONTEST = 'Branch committee';
const CANDIDATES = [
  { name: 'Aisha BELLO', attributes: 'gender=woman' },
  { name: 'Brendan CALLAGHAN', attributes: 'gender=man' },
  { name: 'Carys DAVIES', attributes: 'gender=woman' },
  { name: 'Dev PATEL', attributes: 'gender=man' },
];
const ROLL = [
  'membership_number,name,email',
  'M101,Ann Able,ann@example.invalid',
  'M102,Bob Baker,bob@example.invalid',
  'M103,Cat Cole,cat@example.invalid',
];
const TRUSTEES = ['Rosa', 'Karl', 'Sylvia'];
/** The budget for the ballot page's JavaScript, gzipped. */
const BALLOT_JS_BUDGET = 150_000;

interface Results {
  contests: Array<{
    title: string;
    report: { elected: string[]; stages: Array<{ number: number; summary: string }> };
  }>;
}

// Each step below needs the ones before it: one journey, in order, minutes long on a busy machine.
describeBrowser('an election end to end through the pages', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let officer: Page;
  let id: string;
  let trusteeCodes: string[];
  /** The members' one-time codes, read from the outbox (their mail), in roll order. */
  let memberCodes: string[];
  const trustees: Page[] = [];
  const members: Page[] = [];
  const receipts: Receipt[] = [];
  const errors: string[][] = [];

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context: BrowserContext = await browser.newContext(options);
    const page = await context.newPage();
    errors.push(watchErrors(page));
    return page;
  }

  /** axe finds nothing on the page as it is now, and the screenshot is saved. */
  async function checked(page: Page, name: string): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `e2e-${name}`);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    officer = await newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the officer creates the election, a contest with a constraint, the roll and the trustees', async () => {
    await officer.goto(`${server.url}/officer`);
    await officer.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checked(officer, 'officer-signin');
    await officerSignIn(officer, server.officerLogin.email, server.officerLogin.password);
    await officer.getByText('Signed in as Returning Officer').waitFor();
    id = await createElection(server, officer, TITLE);
    await addContest(server, officer, id, {
      title: CONTEST,
      seats: 2,
      constraint: { min: 1, attribute: 'gender', value: 'woman' },
    });
    for (const c of CANDIDATES) await addCandidate(server, officer, id, CONTEST, c);
    const roll = form(officer, 'Import the roll');
    await roll.getByLabel('Paste the CSV').fill(ROLL.join('\n'));
    await roll.getByRole('button', { name: 'Import the roll' }).click();
    await expectLogged(server, officer, id, 'imported 3 members', ['roll.imported']);
    trusteeCodes = await nameTrustees(server, officer, id, TRUSTEES, 2);
    expect(trusteeCodes).toHaveLength(3);
    await checked(officer, 'officer-trustees');
  }, 300_000);

  test('three trustees run the key ceremony, each in their own browser', async () => {
    for (const code of trusteeCodes) {
      const page = await newPage();
      await page.goto(`${server.url}/trustee`);
      await trusteeSignIn(page, code);
      trustees.push(page);
    }
    for (const [i, page] of trustees.entries())
      await page.getByText(`You are trustee ${i + 1}, ${TRUSTEES[i]}, of ${TITLE}`).waitFor();
    for (const said of CEREMONY_ROUNDS)
      for (const page of trustees) await trusteeStep(page, 'Continue the ceremony', said);
    await trustees[2]!.getByText('The ceremony is complete').waitFor();
    await checked(trustees[2]!, 'trustee-ceremony-done');
  }, 300_000);

  test('the officer opens voting and sends the invitations', async () => {
    await officer.getByRole('button', { name: 'Refresh the progress' }).click();
    await officer.getByText('The ceremony is complete').waitFor();
    await confirmMove(officer, 'Open voting…', 'Yes, open voting');
    await expectLogged(server, officer, id, 'the election is now voting', ['election.state']);
    await officer.getByRole('button', { name: 'Send invitations' }).click();
    await expectLogged(server, officer, id, 'sent 3 invitations', ['invitations.sent']);
    memberCodes = await server.invitationCodes(id);
    expect(memberCodes).toHaveLength(3);
    await checked(officer, 'officer-voting');
  }, 120_000);

  test('member 1 votes by keyboard only; the ballot page keeps to its JavaScript budget', async () => {
    const code = memberCodes[0]!;
    const page = await newPage();
    members.push(page);
    // Every script the ballot page loads from sign-in to receipt, gzipped as a server would send it.
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script' && !scripts.has(res.url()))
        scripts.set(
          res.url(),
          res.body().then((b) => gzipSync(b).length),
        );
    });
    await page.goto(`${server.url}/vote/${id}#code=${code}`);
    await tabTo(page, page.getByRole('button', { name: 'Sign in and get my ballot' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: CONTEST }).waitFor();
    await page
      .getByText(
        /^2 seats, counted by single transferable vote \(.+\); at least 1 of those elected must be women/,
      )
      .waitFor();
    await tabTo(page, toggle(page, 'Carys DAVIES'));
    await page.keyboard.press('Space');
    await tabTo(page, toggle(page, 'Aisha BELLO'));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Move Aisha BELLO up' }));
    await page.keyboard.press('Enter');
    expect(await announcement(page).textContent()).toBe('Aisha BELLO ranked 1 of 2');
    await checked(page, 'ballot-keyboard');
    await tabTo(page, page.getByRole('button', { name: 'Review my ballot' }));
    await page.keyboard.press('Enter');
    const review = page.getByRole('region', { name: CONTEST }).getByRole('listitem');
    expect(await review.allTextContents()).toEqual(['Aisha BELLO', 'Carys DAVIES']);
    await tabTo(page, page.getByRole('button', { name: 'Cast my ballot' }));
    await page.keyboard.press('Enter');
    receipts.push(await readReceipt(page));
    await checked(page, 'ballot-receipt');
    const sizes = await Promise.all(scripts.values());
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`ballot page JavaScript: ${sizes.length} files, ${total} bytes gzipped`);
    expect(total).toBeLessThan(BALLOT_JS_BUDGET);
  }, 180_000);

  test('member 2 votes by tapping on a 375-px-wide phone', async () => {
    const code = memberCodes[1]!;
    const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    members.push(page);
    await page.goto(`${server.url}/vote/${id}`);
    await page.getByLabel('Your one-time code').fill(code);
    await page.getByRole('button', { name: 'Sign in and get my ballot' }).tap();
    await toggle(page, 'Dev PATEL').tap();
    await toggle(page, 'Brendan CALLAGHAN').tap();
    expect(await toggle(page, 'Brendan CALLAGHAN').textContent()).toContain('ranked 2');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await checked(page, 'ballot-375px');
    await page.getByRole('button', { name: 'Review my ballot' }).tap();
    await page.getByRole('button', { name: 'Cast my ballot' }).tap();
    receipts.push(await readReceipt(page));
  }, 180_000);

  test('member 3 taps and drags, revotes, then has the browser forget the ballot', async () => {
    const code = memberCodes[2]!;
    const page = await newPage();
    members.push(page);
    await page.goto(`${server.url}/vote/${id}#code=${code}`);
    await page.getByRole('button', { name: 'Sign in and get my ballot' }).click();
    for (const name of ['Aisha BELLO', 'Brendan CALLAGHAN', 'Carys DAVIES']) await toggle(page, name).click();
    const items = rankedList(page, 0).getByRole('listitem');
    await items.nth(2).dragTo(items.nth(0));
    expect(await announcement(page).textContent()).toBe('Carys DAVIES ranked 1 of 3');
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    const first = await readReceipt(page);

    // The revote: the same rankings come back; one removed, one added and dragged to the top.
    await page.getByRole('button', { name: 'Change my vote' }).click();
    await page.getByRole('button', { name: 'Remove Brendan CALLAGHAN' }).click();
    await toggle(page, 'Dev PATEL').click();
    await items.nth(2).dragTo(items.nth(0));
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('Dev PATEL'),
      expect.stringContaining('Carys DAVIES'),
      expect.stringContaining('Aisha BELLO'),
    ]);
    await checked(page, 'ballot-drag-revote');
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    const revote = await readReceipt(page);
    expect(revote.logIndex).toBeGreaterThan(first.logIndex);
    receipts.push(revote);

    // Forgetting asks first, warns, then keeps only the receipt: no rankings, keys or way to change the vote.
    await page.getByRole('button', { name: 'Forget this ballot on this device' }).click();
    await page.getByRole('alert').getByText('your vote can no longer be changed').waitFor();
    await page.getByRole('button', { name: 'Yes, forget my ballot' }).click();
    await page.getByText("This browser has forgotten your ballot's keys and rankings").waitFor();
    await page.reload();
    await page.getByText("This browser has forgotten your ballot's keys and rankings").waitFor();
    expect((await readReceipt(page)).hash).toBe(revote.hash);
    expect(await page.getByRole('button', { name: 'Change my vote' }).count()).toBe(0);
    const stored = (await page.evaluate('JSON.stringify(localStorage)')) as string;
    expect(stored).not.toContain('openslate.vote.');
    expect(stored).toContain(revote.hash);
    await checked(page, 'ballot-forgotten');
  }, 180_000);

  test('member 1 checks the receipt: the proof is checked in the page', async () => {
    const page = members[0]!;
    const receipt = receipts[0]!;
    await page.goto(`${server.url}/check/${id}#${receipt.hash}`);
    await page
      .getByText(new RegExp(`^✓ Your ballot is entry ${receipt.logIndex} of the public log`))
      .waitFor({ timeout: 60_000 });
    await checked(page, 'check');
  }, 120_000);

  test('the officer closes, two trustees reveal, the officer counts and publishes', async () => {
    await confirmMove(officer, 'Close voting…', 'Yes, close voting');
    await expectLogged(server, officer, id, 'the election is now closed', ['election.state']);
    await officer.getByText('Key shares revealed: 0 of the 2 needed.').waitFor();
    // Rosa and Sylvia come back to the page they used: their state is restored from this browser's copy.
    for (const i of [0, 2]) {
      const page = trustees[i]!;
      await page.reload();
      await trusteeSignIn(page, trusteeCodes[i]!);
      await page.getByText('restored from the copy kept in this browser').waitFor();
      await trusteeStep(page, 'Reveal my share', 'You revealed your key share.');
      await page.getByText('there is nothing more for you to do').waitFor();
      expect(await page.getByRole('button', { name: 'Continue the ceremony' }).count()).toBe(0);
    }
    await checked(trustees[2]!, 'trustee-revealed');
    await officer.getByRole('button', { name: 'Refresh the progress' }).click();
    await officer.getByText('Key shares revealed: 2 of the 2 needed.').waitFor();
    await officer.getByRole('button', { name: 'Run the count' }).click();
    await expectLogged(server, officer, id, 'counted 3 ballots', ['result', 'election.state']);
    await officer.getByRole('button', { name: 'Publish' }).click();
    await expectLogged(server, officer, id, 'published the election bundle', ['election.state']);
    await officer.getByText('Stage: published').waitFor();
    await checked(officer, 'officer-published');
  }, 300_000);

  test('the public results page shows the stored winners and every stage', async () => {
    const results = await server.officer.call<Results>('getResults', { params: { election: id } });
    const page = await newPage();
    await page.goto(`${server.url}/results/${id}`);
    await page.getByRole('heading', { name: 'Who was elected' }).waitFor();
    const [contest] = results.contests;
    expect(contest!.report.elected).toHaveLength(2);
    expect(await electedShown(page, CONTEST)).toEqual(contest!.report.elected);
    const table = page.getByRole('table', { name: new RegExp(`^Votes per stage: ${CONTEST}\\.`) });
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(1, -1).map((h) => /^Stage \d+/.exec(h)?.[0])).toEqual(
      contest!.report.stages.map((s) => `Stage ${s.number}`),
    );
    const explained = await page.locator('.results-explanation li').allTextContents();
    expect(explained).toEqual(
      contest!.report.stages.map((s) => expect.stringContaining(`Stage ${s.number}: ${s.summary}.`)),
    );
    expect(explained.join('\n')).not.toContain('No explanation was recorded');
    await checked(page, 'results');
    expect(realErrors(errors.flat())).toEqual([]);
  }, 120_000);
});
