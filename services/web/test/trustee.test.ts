// The trustee page in a real browser: three trustees sign in with the officer's codes and run the whole key
// ceremony from their pages; after the close one comes back in the same browser (state restored from the local
// copy), another in a fresh browser with the backup file it downloaded, and both reveal; the count then decrypts.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { MemberDevice, OpenslateClient, type TrusteeState } from '@openslate/client';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { CEREMONY_ROUNDS, trusteeSignIn as signIn, trusteeStep as step } from './support/pages.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
// One long journey through the pages: minutes on a busy 2-core machine (tests do not time things).

describeBrowser('trustee page', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  const errors: string[][] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    errors.push(watchErrors(page));
    await page.goto(`${server.url}/trustee`);
    return page;
  }

  test('the ceremony in three browsers, then two reveals after the close', async () => {
    const { officer } = server;
    const { id } = await officer.call<{ id: string }>('createElection', {
      body: {
        title: 'Treasurer 2027',
        contests: [
          { title: 'Treasurer', seats: 1, candidates: [{ name: 'Maya CHEN' }, { name: 'Niall BYRNE' }] },
        ],
      },
    });
    const params = { election: id };
    const roll = ['membership_number,name,email', 'M1,Ann,ann@example.org', 'M2,Bob,bob@example.org'];
    await officer.call('importRoll', { params, body: { csv: roll.join('\n') } });
    const configured = await officer.call<{ trustees: { name: string; code: string }[] }>(
      'configureTrustees',
      {
        params,
        body: { threshold: 2, trustees: [{ name: 'Rosa' }, { name: 'Karl' }, { name: 'Sylvia' }] },
      },
    );
    const codes = configured.trustees.map((t) => t.code);

    // Each trustee in a browser of their own.
    const contexts = await Promise.all(codes.map(() => browser.newContext()));
    const pages = await Promise.all(contexts.map(open));
    await pages[0]!.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(pages[0]!)).toEqual([]);
    await screenshot(pages[0]!, 'trustee-signin');
    for (const [i, page] of pages.entries()) {
      await signIn(page, codes[i]!);
      await page
        .getByText(`You are trustee ${i + 1}, ${configured.trustees[i]!.name}, of Treasurer 2027`)
        .waitFor();
    }
    await pages[0]!.getByText('Waiting for Rosa, Karl and Sylvia to announce their key.').waitFor();

    // Round by round: nobody can commit before everyone has announced, and so on.
    await step(pages[0]!, 'Continue the ceremony', 'You announced your public key.');
    await step(
      pages[0]!,
      'Continue the ceremony',
      'Nothing to do yet. Waiting for Karl and Sylvia to announce their key.',
    );
    for (const page of pages.slice(1))
      await step(page, 'Continue the ceremony', 'You announced your public key.');
    for (const said of CEREMONY_ROUNDS.slice(1))
      for (const page of pages) await step(page, 'Continue the ceremony', said);
    await pages[2]!.getByText('The ceremony is complete').waitFor();
    expect(await axeViolations(pages[2]!)).toEqual([]);
    await screenshot(pages[2]!, 'trustee-ceremony-done');

    // Karl's backup file: his secret key, for this election and trustee.
    await pages[1]!.getByText('This file holds your secret key.').waitFor();
    const [download] = await Promise.all([
      pages[1]!.waitForEvent('download'),
      pages[1]!.getByRole('link', { name: 'Download my backup' }).click(),
    ]);
    const backupPath = await download.path();
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as TrusteeState;
    expect(backup).toMatchObject({ electionId: id, index: 2, name: 'Karl', confirmed: true });
    expect(backup.secretKey).toMatch(/^[0-9a-f]+$/);
    expect(backup.share).toMatch(/^[0-9a-f]+$/);
    await Promise.all(pages.map((p) => p.close()));

    // Voting: two members vote through the client devices; the officer closes.
    await officer.call('transition', { params, body: { to: 'voting' } });
    await officer.call('sendInvitations', { params, body: {} });
    const client = new OpenslateClient({ baseUrl: server.url });
    const election = await client.call<{ contests: { id: string; candidates: { id: string }[] }[] }>(
      'getElection',
      {
        params,
      },
    );
    const contest = election.contests[0]!;
    for (const code of await server.invitationCodes()) {
      const member = await MemberDevice.signIn(client, code);
      await member.obtainCredential();
      await member.cast({
        [contest.id]: { ranking: [contest.candidates[1]!.id, contest.candidates[0]!.id] },
      });
    }
    await officer.call('transition', { params, body: { to: 'closed' } });

    // Rosa comes back in the same browser: the code still works and her state is restored from the local copy.
    const rosa = await open(contexts[0]!);
    await signIn(rosa, codes[0]!);
    await rosa.getByText('restored from the copy kept in this browser').waitFor();
    await step(rosa, 'Reveal my share', 'You revealed your key share.');
    // Karl comes back in a fresh browser with his backup file.
    const fresh = await browser.newContext();
    const karl = await open(fresh);
    await signIn(karl, codes[1]!, backupPath);
    await karl.getByText('restored from your backup file').waitFor();
    await step(karl, 'Reveal my share', 'You revealed your key share.');
    await karl.getByRole('row', { name: /Karl Done Done Done Done Done/ }).waitFor();
    // Nothing is left to do: no ceremony button once the share is revealed.
    await karl.getByText('You have revealed your key share: there is nothing more for you to do').waitFor();
    expect(await karl.getByRole('button', { name: 'Continue the ceremony' }).count()).toBe(0);
    expect(await axeViolations(karl)).toEqual([]);
    await screenshot(karl, 'trustee-revealed');

    // The reveals are the real shares: the count decrypts both ballots.
    const counted = await officer.call<{ counted: number; results: { elected: string[] }[] }>('count', {
      params,
    });
    expect(counted.counted).toBe(2);
    expect(counted.results[0]!.elected).toEqual([contest.candidates[1]!.id]);
    expect(errors.flat()).toEqual([]);
  }, 600_000);
});
