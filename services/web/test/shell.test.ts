// The page shell in a real browser: the API serves the built pages for page paths (and not for API paths),
// the home page lists elections, an unknown page says so, and both pass the WCAG 2.2 AA axe rules.
import type { Browser } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';
import { axeViolations, haveChromium, launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { startWebServer } from './support/server.js';

const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn('chromium is not installed: browser tests skipped (.ci/run installs it)');

describeBrowser('page shell', () => {
  let server: EmbeddedApi;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    await server.officer.call('createElection', { body: { title: 'Steering committee 2027' } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('API paths are not pages: an unknown API path is a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  test('a page path gets index.html with a CSP that allows only this origin', async () => {
    const res = await fetch(`${server.url}/vote/some-election`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app">');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  test('the home page lists the elections and passes axe', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Steering committee 2027' }).waitFor();
    expect(await page.title()).toBe('Elections · Openslate');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an unknown page says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
