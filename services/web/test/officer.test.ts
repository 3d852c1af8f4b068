// The officer console in a real browser, one election from creation to publication: sign-in, a contest with a
// constraint and candidates, a roll CSV with a bad line (errors by line, nothing imported) then a good file,
// roll changes, nominations and shortlisting, trustees (codes shown once), a refused opening, voting (members vote
// through the client devices; trustees run their ceremony through TrusteeDevice — the trustee page has its own
// test), turnout, the close, the count and publication. Every action's log entry is checked against the log.
import type { Browser, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { MemberDevice, OpenslateClient, runKeyCeremony, TrusteeDevice } from '@openslate/client';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import {
  addCandidate,
  addContest,
  confirmMove,
  createElection,
  expectLogged as expectLoggedOn,
  form as formOn,
  nameTrustees,
  officerSignIn,
  statusSaying,
} from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
// One long journey through the pages: minutes on a busy 2-core machine (tests do not time things).

const TITLE = 'Branch committee 2027';
const CONTEST = 'Branch committee';
const BAD_ROLL = [
  'membership_number,name,email,gender',
  'M101,Ann Able,ann@example.org,woman',
  'M102,Bob Baker,not-an-email,man',
];
const GOOD_ROLL = [
  'membership_number,name,email,gender',
  'M101,Ann Able,ann@example.org,woman',
  'M102,Bob Baker,bob@example.org,man',
  'M103,Cat Cole,cat@example.org,woman',
  'M104,Dan Dunn,dan@example.org,man',
];

describeBrowser('officer console', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    page = await browser.newPage();
    errors = watchErrors(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const form = (name: string) => formOn(page, name);
  const status = (text: string | RegExp) => statusSaying(page, text);
  const expectLogged = (id: string, text: string | RegExp, types: string[]) =>
    expectLoggedOn(server, page, id, text, types);
  const move = (label: string, confirm: string) => confirmMove(page, label, confirm);

  test('an election from creation to publication', async () => {
    // Sign-in: a wrong password is refused with the API's reason.
    await page.goto(`${server.url}/officer`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-signin');
    await officerSignIn(page, server.officerLogin.email, 'not the password');
    await page.getByRole('alert').filter({ hasText: 'BAD_CREDENTIALS' }).waitFor();
    await officerSignIn(page, server.officerLogin.email, server.officerLogin.password);
    await page.getByText('Signed in as Returning Officer').waitFor();

    // Create the election: the console opens it and shows the creation's log entry.
    const id = await createElection(server, page, TITLE);

    // A contest of 2 seats with "at least 1 woman" and an affiliate threshold, then three candidates.
    await addContest(server, page, id, {
      title: CONTEST,
      seats: 2,
      constraint: { min: 1, attribute: 'gender', value: 'woman' },
      affiliateThreshold: 1,
    });
    await page.getByText('Constraint: at least 1 elected with gender = woman').waitFor();
    const addCandidateAs = (name: string, gender: string) =>
      addCandidate(server, page, id, CONTEST, { name, attributes: `gender=${gender}` });
    await addCandidateAs('Aisha BELLO', 'woman');
    await addCandidateAs('Brendan CALLAGHAN', 'man');
    await addCandidateAs('Carys DAVIES', 'woman');
    // The table reloads after the action's status appears: wait for the row rather than counting at once.
    await page.getByRole('row', { name: /Carys DAVIES shortlisted gender=woman/ }).waitFor();

    // A roll with a bad line: the error names the line, next to the field, and nothing is imported.
    const roll = form('Import the roll');
    await roll.getByLabel('Paste the CSV').fill(BAD_ROLL.join('\n'));
    await roll.getByRole('button', { name: 'Import the roll' }).click();
    await roll.getByRole('alert').filter({ hasText: 'nothing was imported' }).waitFor();
    expect(await roll.getByRole('listitem').allTextContents()).toEqual([
      'Line 3: email is not an email address',
    ]);
    expect(await roll.getByLabel('Paste the CSV').getAttribute('aria-invalid')).toBe('true');
    expect(await roll.getByLabel('Paste the CSV').getAttribute('aria-describedby')).toContain(
      'roll-problems',
    );
    await page.getByText('Nobody is on the roll yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-roll-errors');

    // The good roll as a file.
    await roll.getByLabel('Or choose a CSV file').setInputFiles({
      name: 'roll.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GOOD_ROLL.join('\n')),
    });
    await roll.getByRole('button', { name: 'Import the roll' }).click();
    await expectLogged(id, 'imported 4 members', ['roll.imported']);
    await page.getByText('4 members on the roll.').waitFor();
    expect(await roll.getByRole('listitem').count()).toBe(0);

    // Roll changes with reasons.
    const remove = form('Remove a member');
    await remove.getByLabel('Member', { exact: true }).selectOption('M104');
    await remove.getByLabel('Reason').selectOption('resigned');
    await remove.getByRole('button', { name: 'Remove from the roll' }).click();
    await expectLogged(id, 'removed membership number M104', ['roll.removed']);
    const add = form('Add a member');
    await add.getByLabel('Membership number').fill('M105');
    await add.getByLabel('Name').fill('Eve Ede');
    await add.getByLabel('Email').fill('eve@example.org');
    await add.getByLabel('Reason').selectOption('late-joiner');
    await add.getByRole('button', { name: 'Add to the roll' }).click();
    await expectLogged(id, 'added Eve Ede to the roll at position 5', ['roll.added']);
    await page.getByText('4 members on the roll, 1 removed.').waitFor();

    // Three trustees: their codes are shown once, with the warning.
    const codes = await nameTrustees(server, page, id, ['Rosa', 'Karl', 'Sylvia'], 2);
    await page.getByText('hand each code to its trustee privately').waitFor();
    expect(codes).toHaveLength(3);
    await page.getByText('Waiting for Rosa, Karl and Sylvia to announce their key.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-trustees');

    // Opening voting before the ceremony: confirmed, then refused by the API with its reason.
    await move('Open voting…', 'Yes, open voting');
    await page.getByRole('alert').filter({ hasText: 'CEREMONY_INCOMPLETE' }).waitFor();

    // Nominations: a fourth candidate, nominated by an affiliate, then shortlisted with a reason.
    await move('Open nominations…', 'Yes, open nominations');
    await expectLogged(id, 'the election is now nominations', ['election.state']);
    await addCandidateAs('Dev PATEL', 'man');
    const nominate = form("Enter an affiliate's nomination");
    await nominate.getByLabel('Candidate').selectOption({ label: 'Dev PATEL' });
    await nominate.getByLabel('Affiliate (union, society or branch)').fill('Unite the Union');
    await nominate.getByRole('button', { name: 'Record the nomination' }).click();
    await expectLogged(id, "recorded Unite the Union's nomination", ['nomination']);
    await page.getByRole('row', { name: /Dev PATEL 0 Unite the Union yes nominated/ }).waitFor();
    await move('Close nominations…', 'Yes, close nominations');
    await expectLogged(id, 'the election is now shortlist', ['election.state']);
    const decide = form('Shortlisting decision');
    await decide.getByLabel('Candidate').selectOption({ label: 'Dev PATEL' });
    await decide.getByLabel('Decision', { exact: true }).selectOption('shortlisted');
    await decide
      .getByLabel('Reason (published with the decision)')
      .fill('Nominated by an affiliate: meets the threshold.');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await expectLogged(id, 'Dev PATEL is now shortlisted', ['candidate.decision']);

    // The trustees run the ceremony with the codes the page showed; the officer sees it complete.
    const client = new OpenslateClient({ baseUrl: server.url });
    const devices = await Promise.all(codes.map((code) => TrusteeDevice.signIn(client, code)));
    await runKeyCeremony(devices);
    await page.getByRole('button', { name: 'Refresh the progress' }).click();
    await page.getByText('The ceremony is complete').waitFor();

    // Voting: open, invite, three members vote, turnout counts them.
    await move('Open voting…', 'Yes, open voting');
    await expectLogged(id, 'the election is now voting', ['election.state']);
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await expectLogged(id, 'sent 4 invitations', ['invitations.sent']);
    const election = await client.call<{
      contests: { id: string; candidates: { id: string; name: string }[] }[];
    }>('getElection', { params: { election: id } });
    const c = election.contests[0]!;
    const candidate = (name: string) => c.candidates.find((k) => k.name === name)!.id;
    const ballots = [
      ['Aisha BELLO', 'Dev PATEL'],
      ['Dev PATEL', 'Carys DAVIES'],
      ['Aisha BELLO', 'Carys DAVIES', 'Brendan CALLAGHAN'],
    ];
    const memberCodes = await server.invitationCodes();
    for (const [i, ranking] of ballots.entries()) {
      const member = await MemberDevice.signIn(client, memberCodes[i]!);
      await member.obtainCredential();
      await member.cast({ [c.id]: { ranking: ranking.map(candidate) } });
    }
    await page.getByRole('button', { name: 'Refresh the turnout' }).click();
    await page.locator('.officer-counts dd').nth(2).filter({ hasText: '3' }).waitFor();
    expect(await page.locator('.officer-counts').innerText()).toMatch(
      /on the roll\s+4\s+Credentials issued\s+3\s+Members who have voted\s+3/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-voting');

    // The close, two reveals, the count (one result entry per contest, then the state), publication.
    await move('Close voting…', 'Yes, close voting');
    await expectLogged(id, 'the election is now closed', ['election.state']);
    await page.getByText('Key shares revealed: 0 of the 2 needed.').waitFor();
    await devices[0]!.reveal();
    await devices[2]!.reveal();
    await page.getByRole('button', { name: 'Refresh the progress' }).click();
    await page.getByText('Key shares revealed: 2 of the 2 needed.').waitFor();
    await page.getByRole('button', { name: 'Run the count' }).click();
    await expectLogged(id, 'counted 3 ballots', ['result', 'election.state']);
    await status('Elected: Aisha BELLO, Dev PATEL').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expectLogged(id, 'published the election bundle', ['election.state']);
    await page.getByText('Stage: published').waitFor();
    expect(await page.getByRole('link', { name: 'The results page' }).getAttribute('href')).toBe(
      `/results/${id}`,
    );
    const bundle = await page
      .getByRole('link', { name: 'The election bundle (.tar.gz)' })
      .getAttribute('href');
    const res = await fetch(`${server.url}${bundle}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'officer-published');
    // The only failed requests are the three refusals the test provoked (wrong password, bad roll, early opening).
    expect(errors).toEqual(
      [401, 422, 409].map((s) => expect.stringContaining(`responded with a status of ${s}`)),
    );
  }, 600_000);
});
