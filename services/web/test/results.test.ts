// The public results page in a real browser, on an election counted and published through the real API: the
// winners, the votes-per-stage table and the chart's data equal the stored report, every stage is explained,
// every download answers, the verifier command it offers verifies, and the page passes axe (also at 375 px).
// Before the count the page says which stage the election is in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemberDevice, OpenslateClient } from '@openslate/client';
import { main, type EmbeddedApi } from '@openslate/cli';
import path from 'node:path';
import {
  ARTIFACTS,
  axeViolations,
  haveChromium,
  launchBrowser,
  screenshot,
  watchErrors,
} from './support/browser.js';
import { closeCountPublish, electionInVoting, type TestElection } from './support/election.js';
import { electedShown } from './support/pages.js';
import { startWebServer } from './support/server.js';
import { TIE_NOTE } from '../src/components/results-report.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

interface Stage {
  number: number;
  summary: string;
  votes: Record<string, string>;
  transferred: Record<string, string>;
  nonTransferable: string;
  quota: string;
  elected: Array<{ candidate: string }>;
  ties: unknown[];
}
interface Results {
  contests: Array<{
    id: string;
    title: string;
    report: { validVotes: string; elected: string[]; candidates: Array<{ name: string }>; stages: Stage[] };
  }>;
}

// Rankings by candidate position: [contest 1 (5 candidates, 3 seats), contest 2 (2 candidates, 1 seat)].
const RANKINGS: ReadonlyArray<readonly [number[], number[]]> = [
  [[1, 3, 0], [0]],
  [
    [1, 0],
    [1, 0],
  ],
  [[1, 3], [0]],
  [[3, 1], [1]],
  [
    [0, 2],
    [0, 1],
  ],
  [[2, 0], [0]],
  [[4, 2], [1]],
];

async function castAll(server: EmbeddedApi, election: TestElection): Promise<void> {
  const api = new OpenslateClient({ baseUrl: server.url });
  for (const [i, code] of election.codes.entries()) {
    const member = await MemberDevice.signIn(api, code);
    await member.obtainCredential();
    const [first, second] = RANKINGS[i % RANKINGS.length]!;
    const [c1, c2] = election.contests;
    await member.cast({
      [c1!.id]: { ranking: first.map((k) => c1!.candidates[k]!.id) },
      [c2!.id]: { ranking: second.map((k) => c2!.candidates[k]!.id) },
    });
  }
}

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

describeBrowser('results page', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let election: TestElection;
  let results: Results;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    election = await electionInVoting(server, RANKINGS.length);
    await castAll(server, election);
    await closeCountPublish(server, election);
    results = await server.officer.call<Results>('getResults', { params: { election: election.id } });
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.url}/results/${election.id}`);
    await page.getByRole('heading', { name: 'Who was elected' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the winners are those of the stored results, in order of election, with their stage', async () => {
    for (const contest of results.contests) {
      expect(await electedShown(page, contest.title)).toEqual(contest.report.elected);
      const list = page.getByRole('list', { name: `Elected in ${contest.title}, in order of election` });
      const items = await list.getByRole('listitem').allTextContents();
      for (const [i, name] of contest.report.elected.entries()) {
        const stage = contest.report.stages.find((s) => s.elected.some((e) => e.candidate === name));
        expect(items[i]).toContain(`elected at stage ${stage!.number}`);
      }
    }
    expect(await page.title()).toBe('Results · Openslate');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Results: ${election.title}`);
  });

  test("every cell of the votes-per-stage table is the report's value", async () => {
    for (const contest of results.contests) {
      const table = page.getByRole('table', {
        name: new RegExp(`^Votes per stage: ${literal(contest.title)}`),
      });
      const { stages, candidates } = contest.report;
      expect(stages.length).toBeGreaterThan(contest.title.startsWith('Steering') ? 2 : 0);
      const headers = await table.locator('thead th').allTextContents();
      expect(headers.slice(1, -1)).toEqual(
        stages.map((s) => `Stage ${s.number}${s.summary}${s.ties.length > 0 ? TIE_NOTE : ''}`),
      );
      for (const { name } of candidates) {
        const row = table.getByRole('row', { name: new RegExp(`^${literal(name)} `) });
        const cells = await row.getByRole('cell').allTextContents();
        expect(cells.slice(0, -1)).toEqual(stages.map((s) => s.votes[name]));
        const elected = contest.report.elected.includes(name);
        expect(cells.at(-1)).toMatch(elected ? /^Elected at stage \d+$/ : /^(Excluded at stage \d+|)$/);
      }
      const row = (label: string) =>
        table.getByRole('row', { name: new RegExp(`^${literal(label)}`) }).getByRole('cell');
      expect((await row('Non-transferable').allTextContents()).slice(0, -1)).toEqual(
        stages.map((s) => s.nonTransferable),
      );
      expect((await row('Quota').allTextContents()).slice(0, -1)).toEqual(stages.map((s) => s.quota));
      // The total row adds every column up exactly: the valid vote at every stage.
      const totals = (await row('Total').allTextContents()).slice(0, -1);
      expect(totals).toEqual(stages.map(() => contest.report.validVotes));
    }
  });

  test('every stage is explained in plain English, as the count wrote it', async () => {
    for (const contest of results.contests) {
      const explain = await (
        await fetch(`${server.url}/api/elections/${election.id}/results/${contest.id}.explain`)
      ).text();
      const shown = (
        await texts(page, `section[aria-labelledby="contest-${contest.id}"] .results-explanation li`)
      )
        .join('\n')
        .replace(/\s+/g, ' ');
      for (const s of contest.report.stages) {
        const paragraph = new RegExp(`^Stage ${s.number}: (.*)$`, 'm').exec(explain)?.[1];
        expect(paragraph).toBeTruthy();
        expect(shown).toContain(`Stage ${s.number}: ${s.summary}. ${paragraph!.replace(/\s+/g, ' ')}`);
      }
    }
  });

  test("the chart follows the chosen stage and its data table is that stage's movement", async () => {
    const contest = results.contests[0]!;
    const { stages, candidates } = contest.report;
    const chart = page.locator(`section[aria-labelledby="contest-${contest.id}"] .results-chart`);
    const last = stages.at(-1)!;
    await chart.getByLabel('Show stage').selectOption(String(stages.length - 1));
    const svg = chart.getByRole('img', { name: new RegExp(`How votes moved at Stage ${last.number}:`) });
    await svg.waitFor();
    const data = chart.getByRole('table', {
      name: `The chart's data: Stage ${last.number}: ${last.summary}`,
    });
    for (const { name } of candidates) {
      const cells = await data
        .getByRole('row', { name: new RegExp(`^${literal(name)} `) })
        .getByRole('cell')
        .allTextContents();
      const before = stages.at(-2)!.votes[name];
      const change = last.transferred[name]!;
      expect(cells).toEqual([
        before,
        /^-|^[-+]?0*(\.0*)?$/.test(change) ? change : `+${change}`,
        last.votes[name],
      ]);
    }
    await chart.getByRole('button', { name: 'Previous stage' }).click();
    await chart
      .getByRole('img', { name: new RegExp(`How votes moved at Stage ${stages.at(-2)!.number}:`) })
      .waitFor();
  });

  test('every download link answers 200, and the verifier command verifies the election', async () => {
    const links = await page
      .locator('.results-downloads a')
      .evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    expect(links.length).toBe(results.contests.length * 4 + 5);
    for (const href of links) expect([href, (await fetch(href)).status]).toEqual([href, 200]);

    await page.getByRole('button', { name: 'Copy the command' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    const command = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(command).toBe(`npx openslate verify ${server.url}/bundles/${election.id}.tar.gz`);
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => undefined };
    expect(await main(command.split(' ').slice(2), io)).toBe(0);
    expect(out.join('')).toContain('verified: every check holds');
  }, 120_000);

  test('the page passes axe, at full width and on a 375-px-wide phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results');
    await page.setViewportSize({ width: 375, height: 800 });
    // Nothing makes the phone scroll sideways (wide tables scroll inside their own focusable region).
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-375');
    await page
      .locator('.results-chart')
      .first()
      .screenshot({ path: path.join(ARTIFACTS, 'results-chart-375.png') });
    expect(errors).toEqual([]);
  });

  test('before the count the page says the stage the election is in and when results appear', async () => {
    const { id } = await server.officer.call<{ id: string }>('createElection', {
      body: { title: 'Delegates 2028' },
    });
    const draft = await context.newPage();
    await draft.goto(`${server.url}/results/${id}`);
    await draft.getByRole('heading', { name: 'Results: Delegates 2028' }).waitFor();
    expect(await draft.getByText('The election is being prepared.').isVisible()).toBe(true);
    expect(
      await draft.getByText(/Results appear on this page as soon as the count has run/).isVisible(),
    ).toBe(true);
    expect(await axeViolations(draft)).toEqual([]);
    await draft.close();
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
