// The member pages in a real browser, against the real API: three members vote through the ballot page — one by
// keyboard only, one on a 375-px-wide touch screen by tapping, one by tapping and drag-and-drop — and that one
// changes their vote from the same browser. A member checks their receipt (the proof is checked in the page) and
// their roll entry (the roll proof too); after the close, count and publication the check page says "counted",
// and the replaced ballot says so. Every page state passes axe; screenshots go to test-artifacts/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { closeCountPublish, electionInVoting, type TestElection } from './support/election.js';
import {
  announcement,
  rankedList,
  readReceipt,
  realErrors,
  tabTo,
  toggle,
  type Receipt,
} from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

describeBrowser('member pages', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let election: TestElection;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  const receipts: Record<string, Receipt> = {};
  let keyboardPage: Page;
  let dragPage: Page;

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(watchErrors(page));
    return page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    election = await electionInVoting(server, 4);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('member 1 signs in from the invitation link and votes by keyboard only', async () => {
    const page = (keyboardPage = await newPage());
    await page.goto(`${server.url}/vote/${election.id}#code=${election.codes[0]}`);
    const code = page.getByLabel('Your one-time code');
    expect(await code.inputValue()).toBe(election.codes[0]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-sign-in');
    await tabTo(page, page.getByRole('button', { name: 'Sign in and get my ballot' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Steering committee \(3 seats/ }).waitFor();
    // The code has been taken out of the address once used.
    expect(new URL(page.url()).hash).toBe('');
    expect(
      await page
        .getByText('3 seats, counted by single transferable vote (ERS97 rules); at least 2 of')
        .textContent(),
    ).toBe(
      '3 seats, counted by single transferable vote (ERS97 rules); at least 2 of those elected must be women.',
    );
    expect(await page.getByText('Gender: woman').count()).toBe(3);
    await expect(page.getByText('Carys will report back to every branch.').isVisible()).resolves.toBe(true);

    await tabTo(page, toggle(page, 'Carys DAVIES'));
    await page.keyboard.press('Space');
    await tabTo(page, toggle(page, 'Aisha BELLO'));
    await page.keyboard.press('Enter');
    const live = announcement(page);
    expect(await live.textContent()).toBe('Aisha BELLO ranked 2 of 2');
    await tabTo(page, page.getByRole('button', { name: 'Move Aisha BELLO up' }));
    await page.keyboard.press('Enter');
    expect(await live.textContent()).toBe('Aisha BELLO ranked 1 of 2');
    expect(await rankedList(page, 0).getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Aisha BELLO'),
      expect.stringContaining('Carys DAVIES'),
    ]);
    expect(await toggle(page, 'Carys DAVIES').getAttribute('aria-pressed')).toBe('true');
    expect(await toggle(page, 'Carys DAVIES').textContent()).toContain('ranked 2');
    await tabTo(page, toggle(page, 'Maya CHEN'));
    await page.keyboard.press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-ranked-keyboard');

    await tabTo(page, page.getByRole('button', { name: 'Review my ballot' }));
    await page.keyboard.press('Enter');
    const review = page.getByRole('region', { name: /^Steering committee/ });
    expect(await review.getByRole('listitem').allTextContents()).toEqual(['Aisha BELLO', 'Carys DAVIES']);
    expect(
      await page.getByRole('region', { name: 'Treasurer (1 seat)' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Maya CHEN']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-review');
    await tabTo(page, page.getByRole('button', { name: 'Cast my ballot' }));
    await page.keyboard.press('Enter');
    receipts['keyboard'] = await readReceipt(page);
    expect(receipts['keyboard'].tracker).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
    expect(receipts['keyboard'].hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(
      await page.getByRole('link', { name: /check that your ballot is in the log/ }).getAttribute('href'),
    ).toBe(`/check/${election.id}#${receipts['keyboard'].hash}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-receipt');
  }, 120_000);

  test('member 2 votes by tapping on a 375-px-wide touch screen', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(`${server.url}/vote/${election.id}`);
    await page.getByLabel('Your one-time code').fill(election.codes[1]!);
    await page.getByRole('button', { name: 'Sign in and get my ballot' }).tap();
    for (const name of ['Eilidh MACLEOD', 'Dev PATEL', 'Brendan CALLAGHAN', 'Niall BYRNE'])
      await toggle(page, name).tap();
    // Tapping a ranked candidate removes them; the others close up.
    await toggle(page, 'Dev PATEL').tap();
    expect(await announcement(page).textContent()).toBe('Dev PATEL removed from your ranking; 2 ranked');
    expect(await toggle(page, 'Brendan CALLAGHAN').textContent()).toContain('ranked 2');
    expect(await toggle(page, 'Dev PATEL').textContent()).toContain('not ranked');
    // Nothing is wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-375px');
    await page.getByRole('button', { name: 'Review my ballot' }).tap();
    await page.getByRole('button', { name: 'Cast my ballot' }).tap();
    receipts['tap'] = await readReceipt(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-receipt-375px');
  }, 120_000);

  test('member 3 orders by drag-and-drop, then changes their vote from the same browser', async () => {
    const page = (dragPage = await newPage());
    await page.goto(`${server.url}/vote/${election.id}#code=${election.codes[2]}`);
    await page.getByRole('button', { name: 'Sign in and get my ballot' }).click();
    for (const name of ['Aisha BELLO', 'Brendan CALLAGHAN', 'Carys DAVIES']) await toggle(page, name).click();
    const items = rankedList(page, 0).getByRole('listitem');
    await items.nth(2).dragTo(items.nth(0));
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('Carys DAVIES'),
      expect.stringContaining('Aisha BELLO'),
      expect.stringContaining('Brendan CALLAGHAN'),
    ]);
    expect(await announcement(page).textContent()).toBe('Carys DAVIES ranked 1 of 3');
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await page.getByRole('region', { name: 'Treasurer (1 seat)' }).getByText('No one ranked').waitFor();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    receipts['first'] = await readReceipt(page);

    // Coming back: the browser remembers the vote, and "Change my vote" reopens the same rankings.
    await page.reload();
    await page.getByText('You have voted. You can change your vote until voting closes').waitFor();
    expect((await readReceipt(page)).hash).toBe(receipts['first'].hash);
    await page.getByRole('button', { name: 'Change my vote' }).click();
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('Carys DAVIES'),
      expect.stringContaining('Aisha BELLO'),
      expect.stringContaining('Brendan CALLAGHAN'),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-change-vote');
    await page.getByRole('button', { name: 'Remove Brendan CALLAGHAN' }).click();
    await toggle(page, 'Niall BYRNE').click();
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    await page.getByRole('region', { name: 'Your receipt' }).getByText(/^\d+$/).waitFor();
    receipts['revote'] = await readReceipt(page);
    while (receipts['revote'].hash === receipts['first'].hash) receipts['revote'] = await readReceipt(page);
    expect(receipts['revote'].logIndex).toBeGreaterThan(receipts['first'].logIndex);
  }, 120_000);

  test('member 1 checks the receipt: the proof is verified in the page; a wrong hash is refused', async () => {
    const page = keyboardPage;
    const r = receipts['keyboard']!;
    await page.goto(`${server.url}/check/${election.id}#${r.hash}`);
    const verdict = page.getByText(/^✓ Your ballot is entry/);
    await verdict.waitFor({ timeout: 40_000 });
    const { log } = await server.officer.call<{ log: { verifierKey: string } }>('getElection', {
      params: { election: election.id },
    });
    const keyName = log.verifierKey.split('+')[0]!;
    expect(await verdict.textContent()).toMatch(
      new RegExp(
        `^✓ Your ballot is entry ${r.logIndex} of the public log; the proof checks against checkpoint of size \\d+ signed by ${keyName.replace(/\./g, '\\.')}\\.$`,
      ),
    );
    await page.getByText('It has not been counted yet').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'check-in-log');

    const wrong = `${r.hash.slice(0, 42)}${r.hash.endsWith('A') ? 'B' : 'A'}`;
    await page.getByLabel('Ballot hash from your receipt').fill(wrong);
    await page.getByRole('button', { name: 'Check' }).click();
    await page
      .getByRole('alert')
      .getByText(/No ballot with this hash/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'check-unknown');
  }, 60_000);

  test('member 1 is on the roll, with the proof checked in the page and their credential shown', async () => {
    const page = keyboardPage;
    await page.goto(`${server.url}/roll/${election.id}`);
    await page.getByText(/^✓ Checked in this browser: your entry is number 1 of 4/).waitFor();
    expect(await page.getByText('Member 1', { exact: true }).count()).toBe(1);
    await page.getByText('Issued in your name.').waitFor();
    await page
      .getByText('This is the commitment published in the public log when voting opened (4 members).')
      .waitFor();
    await page.getByText(/^Added when the roll was imported: log entry \d+$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'roll');
  }, 60_000);

  test('after the count, the check page says counted, and the replaced ballot says so', async () => {
    await closeCountPublish(server, election);
    const page = dragPage;
    await page.goto(`${server.url}/vote/${election.id}`);
    await page.getByText(/^Voting has closed/).waitFor();
    expect((await readReceipt(page)).hash).toBe(receipts['revote']!.hash);

    await page.goto(`${server.url}/check/${election.id}#${receipts['revote']!.hash}`);
    await page.getByText(/^✓ Counted: this ballot was counted as cast/).waitFor({ timeout: 40_000 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'check-counted');
    await page.getByLabel('Ballot hash from your receipt').fill(receipts['first']!.hash);
    await page.getByRole('button', { name: 'Check' }).click();
    await page
      .getByText(/^Not counted: a later ballot cast with the same credential/)
      .waitFor({ timeout: 40_000 });
    // Its place in the log is still proven: replaced, not removed.
    await page.getByText(new RegExp(`^✓ Your ballot is entry ${receipts['first']!.logIndex} of`)).waitFor();

    for (const c of contexts) await c.close();
    expect(realErrors(pageErrors.flat())).toEqual([]);
  }, 120_000);
});
