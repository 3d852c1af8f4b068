// The public nominations and shortlist page in a real browser: members nominate through the API, the officer
// enters an affiliate's nomination and decides with reasons; the page shows every candidate with the counts,
// threshold, standing and reason the API reports — the candidates left off included — and passes axe.
import type { Browser, Page } from 'playwright-core';
import { OpenslateClient } from '@openslate/client';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

interface Listed {
  contests: Array<{
    id: string;
    title: string;
    candidates: Array<{
      name: string;
      status: string;
      reason: string | null;
      memberNominations: number;
      affiliateNominations: string[];
      meetsThreshold: boolean;
    }>;
  }>;
}

const STANDING: Record<string, string> = {
  shortlisted: 'Shortlisted: on the ballot',
  longlisted: 'Longlisted: not yet shortlisted',
  nominated: 'Nominated: no decision yet',
  rejected: 'Rejected: left off the ballot',
  withdrawn: 'Withdrew: left off the ballot',
};

/** An election whose nominations ran through the API: five names, four decisions, one left undecided. */
async function nominationsHeld(server: EmbeddedApi): Promise<string> {
  const { officer } = server;
  const api = new OpenslateClient({ baseUrl: server.url });
  const { id } = await officer.call<{ id: string }>('createElection', {
    body: {
      title: 'National executive slate 2027',
      contests: [{ title: 'NEC (2 seats)', seats: 2, nominationThreshold: { members: 2, affiliates: 1 } }],
    },
  });
  const params = { election: id };
  const contest = (await api.call<{ contests: Array<{ id: string }> }>('getElection', { params }))
    .contests[0]!.id;
  const roll = ['membership_number,name,email', 'M1,Ann,ann@example.invalid', 'M2,Bob,bob@example.invalid'];
  await officer.call('importRoll', {
    params,
    body: { csv: [...roll, 'M3,Cat,cat@example.invalid'].join('\n') },
  });
  await officer.call('transition', { params, body: { to: 'nominations' } });
  await officer.call('sendInvitations', { params, body: {} });
  const [ann, bob, cat] = await Promise.all(
    (await server.invitationCodes(params.election)).map(async (code) => {
      const { token } = await api.call<{ token: string }>('memberSignIn', { body: { code } });
      return api.withToken(token);
    }),
  );
  const nominate = async (member: OpenslateClient, name: string) =>
    (await member.call<{ candidate: string }>('nominate', { params, body: { contest, name } })).candidate;
  const fay = await nominate(ann!, 'Fay FOX');
  await bob!.call('nominate', { params, body: { candidate: fay } });
  const gus = await nominate(bob!, 'Gus GREY');
  await officer.call('affiliateNomination', {
    params,
    body: { candidate: gus, affiliate: 'Unite Branch 42' },
  });
  const hal = await nominate(cat!, 'Hal HUNT');
  const ida = await nominate(ann!, 'Ida IVES');
  await nominate(cat!, 'Jo JONES');
  await officer.call('transition', { params, body: { to: 'shortlist' } });
  type Status = 'shortlisted' | 'longlisted' | 'rejected' | 'withdrawn';
  const decide = (candidate: string, status: Status, reason: string) =>
    officer.call('decide', { params: { election: id, candidate }, body: { status, reason } });
  await decide(fay, 'shortlisted', 'meets the member threshold');
  await decide(gus, 'rejected', 'not a member of the party for the required year');
  await decide(hal, 'withdrawn', 'withdrew to stand for the regional board');
  await decide(ida, 'longlisted', 'one more nomination is expected from her branch');
  return id;
}

describeBrowser('nominations page', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let listed: Listed;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const id = await nominationsHeld(server);
    listed = await server.officer.call<Listed>('listNominations', { params: { election: id } });
    page = await browser.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.url}/nominations/${id}`);
    await page.getByRole('heading', { name: 'NEC (2 seats)' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the stage, the threshold and a summary of the decisions', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Nominations and shortlist: National executive slate 2027',
    );
    await page.getByText('Nominations have closed and the candidates are being shortlisted.').waitFor();
    await page
      .getByText('a candidate needs nominations from at least 2 members or at least 1 affiliate')
      .waitFor();
    const candidates = listed.contests[0]!.candidates;
    expect(candidates).toHaveLength(5);
    await page
      .getByText('5 candidates: 1 shortlisted, 1 longlisted, 1 awaiting a decision, 1 rejected, 1 withdrawn.')
      .waitFor();
  });

  test('every candidate shows the counts, threshold, standing and reason the API reports', async () => {
    for (const c of listed.contests[0]!.candidates) {
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: c.name, level: 4 }) });
      const facts = await card.locator('dt, dd').allTextContents();
      const fact = (term: string) => facts[facts.indexOf(term) + 1];
      expect(fact('Standing')).toBe(STANDING[c.status]);
      expect(fact('Threshold')).toBe(c.meetsThreshold ? 'Met' : 'Not met');
      expect(fact('Reason for the decision')).toBe(c.reason ?? 'No decision has been made yet.');
      const members =
        c.memberNominations === 0
          ? []
          : [`${c.memberNominations} member${c.memberNominations === 1 ? '' : 's'}`];
      const n = c.affiliateNominations.length;
      const affiliates =
        n === 0 ? [] : [`${n} affiliate${n === 1 ? '' : 's'} (${c.affiliateNominations.join(', ')})`];
      expect(fact('Nominated by')).toBe([...members, ...affiliates].join(' and ') || 'no one');
      // Grouped under a heading that says the same standing.
      const group = card.locator('xpath=ancestor::ul[1]');
      expect(await group.getAttribute('aria-labelledby')).toMatch(new RegExp(`-${c.status}$`));
    }
    // The candidates left off are on the page, with their reasons.
    await page.getByRole('heading', { name: 'Rejected (1)' }).waitFor();
    await page.getByText('not a member of the party for the required year').waitFor();
    await page.getByRole('heading', { name: 'Withdrawn (1)' }).waitFor();
  });

  test('the page passes axe, at full width and on a 375-px-wide phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'nominations');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'nominations-375');
    expect(errors).toEqual([]);
  });
});
