// Scheduled voting: the officer sets when voting opens and closes in the console (local time in, UTC stored, the
// log entry shown), and the ballot page tells members when voting opens, or until when they can vote.
import type { Browser, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { electionInVoting } from './support/election.js';
import { expectLogged, form, officerSignIn, realErrors } from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;

/** What the pages show for an ISO time: the browser's own local formatting (components/schedule-view.ts). */
const shown = (page: Page, iso: string) =>
  page.evaluate((t) => new Date(t).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' }), iso);

describeBrowser('scheduled voting', () => {
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

  test('the officer schedules voting; the ballot page says when it opens and until when it stays open', async () => {
    const errors = watchErrors(page);
    const { id } = await server.officer.call<{ id: string }>('createElection', {
      body: { title: 'Scheduled branch election', contests: [] },
    });
    await page.goto(`${server.url}/officer`);
    await officerSignIn(page, server.officerLogin.email, server.officerLogin.password);
    await page.getByText('Signed in as').waitFor();
    await page.goto(`${server.url}/officer/elections/${id}`);

    const f = form(page, 'Schedule voting');
    await f.getByText('not scheduled').first().waitFor();
    await expect(f.getByRole('definition').allTextContents()).resolves.toEqual([
      'not scheduled',
      'not scheduled',
    ]);
    // Local wall-clock times, as the datetime-local inputs take them: tomorrow and the day after, 18:30.
    const day = (n: number) => {
      const d = new Date(Date.now() + n * 86_400_000);
      const two = (x: number) => String(x).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T18:30`;
    };
    await f.getByLabel('Voting opens at').fill(day(1));
    await f.getByLabel('Voting closes at').fill(day(2));
    expect(await axeViolations(page)).toEqual([]);
    await f.getByRole('button', { name: 'Save the schedule' }).click();
    await expectLogged(server, page, id, 'the schedule is saved.', ['election.scheduled']);

    // Stored as UTC: the browser's own reading of the local times it was given.
    const utc = (local: string) => page.evaluate((v) => new Date(v).toISOString(), local);
    const opensAt = await utc(day(1));
    const closesAt = await utc(day(2));
    const stored = await server.officer.call<{ schedule: unknown }>('getElection', {
      params: { election: id },
    });
    expect(stored.schedule).toEqual({ opensAt, closesAt });
    const [opens, closes] = [await shown(page, opensAt), await shown(page, closesAt)];
    await f.getByRole('definition').filter({ hasText: opens }).waitFor();
    await expect(f.getByRole('definition').allTextContents()).resolves.toEqual([opens, closes]);
    await expect(f.getByLabel('Voting opens at').inputValue()).resolves.toBe(day(1));
    await screenshot(page, 'officer-schedule');

    // Before voting: the ballot page says when it opens.
    await page.goto(`${server.url}/vote/${id}`);
    await page.getByText(`Voting opens on ${opens}.`).waitFor();

    // During voting with a closing time: until when a vote can be cast or changed.
    const open = await electionInVoting(server, 1);
    const closing = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await server.officer.call('schedule', {
      params: { election: open.id },
      body: { opensAt: null, closesAt: closing },
    });
    await page.goto(`${server.url}/vote/${open.id}`);
    await page.getByText(`You can vote or change your vote until ${await shown(page, closing)}.`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ballot-scheduled-close');
    expect(realErrors(errors)).toEqual([]);
  }, 180_000);
});
