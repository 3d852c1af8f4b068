// Driving the pages as their users do, shared by the per-page tests and the end-to-end election: find controls by
// their role and name, wait for what the page says (never sleep), and check each officer action's log entry.
import type { Locator, Page } from 'playwright-core';
import type { EmbeddedApi } from '@openslate/cli';

// ---- any page

/** Chromium reports every 4xx answer as a console error; some pages expect them (an unknown receipt is a 404). */
export const realErrors = (errors: readonly string[]): string[] =>
  errors.filter((e) => !e.includes('Failed to load resource'));

/** Presses Tab until `target` has the focus: keyboard only, and proof that it is in the tab order. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(target)} with the Tab key`);
}

/** A status line (role=status) saying `text`. */
export const statusSaying = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').filter({ hasText: text });

// ---- ballot (member)

export interface Receipt {
  hash: string;
  tracker: string;
  logIndex: number;
}

/** The candidate's own toggle button (its name starts with theirs; "Move X up" and the like do not). */
export const toggle = (page: Page, name: string): Locator =>
  page.getByRole('button', { name: new RegExp(`^${name}`) });

/** The ranked list of the ballot's `contest`-th contest (0 = the first). */
export const rankedList = (page: Page, contest: number): Locator =>
  page.getByRole('list', { name: 'Your ranking' }).nth(contest);

/** The ballot page's polite live region, where every ranking change is announced. */
export const announcement = (page: Page): Locator => page.locator('[aria-live="polite"]');

export async function readReceipt(page: Page): Promise<Receipt> {
  const receipt = page.getByRole('region', { name: 'Your receipt' });
  await receipt.waitFor();
  const dd = receipt.locator('dd');
  return {
    tracker: (await dd.nth(0).textContent())!,
    hash: (await dd.nth(1).textContent())!,
    logIndex: Number(await dd.nth(2).textContent()),
  };
}

// ---- officer console

export const form = (page: Page, name: string): Locator => page.getByRole('form', { name });

/** Fills the officer's sign-in form and submits it (the caller waits for the outcome it expects). */
export async function officerSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A state change: the button, then its confirmation. */
export async function confirmMove(page: Page, label: string, confirm: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('button', { name: confirm }).click();
}

/** The type of the entry at `index` in the election's log, read from the database. */
async function logTypeAt(server: EmbeddedApi, election: string, index: number): Promise<string> {
  const row = await server.ctx.database.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', election)
    .where('idx', '=', index)
    .executeTakeFirstOrThrow();
  return (JSON.parse(new TextDecoder().decode(row.entry)) as { type: string }).type;
}

/** Waits for the status saying `text`, and checks each log entry it names ("entry #n (type)") against the log. */
export async function expectLogged(
  server: EmbeddedApi,
  page: Page,
  election: string,
  text: string | RegExp,
  types: readonly string[],
): Promise<void> {
  const said = (await statusSaying(page, text).first().textContent()) ?? '';
  const named = [...said.matchAll(/entry #(\d+) \(([a-z.-]+)\)/g)].map((m) => ({
    index: Number(m[1]),
    type: m[2]!,
  }));
  expect(named.map((e) => e.type)).toEqual(types);
  for (const e of named) expect(await logTypeAt(server, election, e.index)).toBe(e.type);
}

/** Creates an election on the console's home, waits for its page and the log entry; returns its id. */
export async function createElection(server: EmbeddedApi, page: Page, title: string): Promise<string> {
  await form(page, 'Create an election').getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create the election' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const id = /\/officer\/elections\/([^/]+)$/.exec(page.url())![1]!;
  await expectLogged(server, page, id, `created the election “${title}”`, ['election.created']);
  return id;
}

export interface ContestForm {
  readonly title: string;
  readonly seats: number;
  /** "at least `min` elected with `attribute` = `value`" */
  readonly constraint?: { readonly min: number; readonly attribute: string; readonly value: string };
  readonly affiliateThreshold?: number;
}

/** Adds a contest through the "Add a contest" form and checks its log entry. */
export async function addContest(server: EmbeddedApi, page: Page, election: string, c: ContestForm) {
  const f = form(page, 'Add a contest');
  await f.getByLabel('Title').fill(c.title);
  await f.getByLabel('Seats').fill(String(c.seats));
  if (c.constraint) {
    await f.getByRole('button', { name: 'Add a constraint' }).click();
    await f.getByLabel('How many').fill(String(c.constraint.min));
    await f.getByLabel('Attribute').fill(c.constraint.attribute);
    await f.getByLabel('Value').fill(c.constraint.value);
  }
  if (c.affiliateThreshold !== undefined)
    await f.getByLabel('Affiliate nominations').fill(String(c.affiliateThreshold));
  await f.getByRole('button', { name: 'Add the contest' }).click();
  await expectLogged(server, page, election, `added the contest “${c.title}”`, ['contest.created']);
}

/** Adds a candidate with a statement and attributes ("gender=woman") to `contest`, and checks the log entry. */
export async function addCandidate(
  server: EmbeddedApi,
  page: Page,
  election: string,
  contest: string,
  candidate: { readonly name: string; readonly attributes: string },
): Promise<void> {
  const f = form(page, `Add a candidate to ${contest}`);
  await f.getByLabel('Name').fill(candidate.name);
  await f.getByLabel('Statement').fill(`${candidate.name} will report back to every branch meeting.`);
  await f.getByLabel('Attributes').fill(candidate.attributes);
  await f.getByRole('button', { name: 'Add the candidate' }).click();
  await expectLogged(server, page, election, `added ${candidate.name} to ${contest}`, ['candidate.added']);
}

/** Names the trustees through the form and returns the codes the page shows once, in order. */
export async function nameTrustees(
  server: EmbeddedApi,
  page: Page,
  election: string,
  names: readonly string[],
  threshold: number,
): Promise<string[]> {
  const f = form(page, 'Name the trustees');
  for (const [i, name] of names.entries()) await f.getByLabel(`Trustee ${i + 1}`, { exact: true }).fill(name);
  await f.getByLabel('Trustees needed to decrypt (threshold)').fill(String(threshold));
  await f.getByRole('button', { name: 'Name the trustees' }).click();
  await expectLogged(server, page, election, `named ${names.length} trustees`, ['ceremony.configured']);
  await page.getByRole('heading', { name: 'Trustee codes — shown only once' }).waitFor();
  return page.locator('.officer-code').allTextContents();
}

// ---- trustee page

export async function trusteeSignIn(page: Page, code: string, backup?: string): Promise<void> {
  await page.getByLabel('Your trustee code').fill(code);
  if (backup) await page.getByLabel('Restore from a backup file (optional)').setInputFiles(backup);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Clicks the page's one step button and waits for what it says it did. */
export async function trusteeStep(page: Page, button: string, said: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await statusSaying(page, said).waitFor();
}

/** What each trustee's "Continue the ceremony" says in each round, in order (every trustee takes a round). */
export const CEREMONY_ROUNDS = [
  'You announced your public key.',
  'You committed to your dealing',
  'You published your dealing',
  'You checked the shares dealt to you',
] as const;

// ---- results page

/** The names the results page lists as elected in `contest`, in order of election. */
export async function electedShown(page: Page, contest: string): Promise<string[]> {
  const list = page.getByRole('list', { name: `Elected in ${contest}, in order of election` });
  const items = await list.getByRole('listitem').allTextContents();
  return items.map((t) => t.split(',')[0]!);
}
