// The verifier's proposals check on real bundles (issue #9): a proposal and an amendment (two-thirds) drafted,
// supported, scheduled, voted, counted and published through the API verify; a dishonest server that writes a
// flipped `proposal.outcome` into the log (straight into the database, as the count writes it, so the log is
// signed over the lie) is named by the proposals check.
import { sql } from 'kysely';
import { readFromMap, verifyBundle } from '@openslate/verify';
import { publishBundle, readTree } from './bundle-election.js';
import { proposalElection, runAmendedProposal, type ProposalElection } from './proposals-flow.js';
import { startTestApi, type TestApi } from './support.js';

let api: TestApi;
const servers: ProposalElection['server'][] = [];
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  for (const s of servers) s.close();
  await api?.close();
});

/** Four of five for the amendment (two thirds met), two of five for the amended proposal (not met). */
const VOTES = [
  ['yes', 'no'],
  ['yes', 'no'],
  ['yes', 'no'],
  ['yes', 'yes'],
  ['no', 'yes'],
] as const;

async function publishedProposal() {
  const e = await proposalElection(api, 5, { threshold: { members: 2 }, supporters: 'counted' });
  servers.push(e.server);
  const run = await runAmendedProposal(api, e, VOTES);
  expect(run.counted.status).toBe(200);
  const { bundleDir } = await publishBundle(api, e.officer, e.id);
  return { run, report: await verifyBundle({ read: readFromMap(readTree(bundleDir)) }) };
}

test('a proposal with an amendment verifies, with the count’s outcome', async () => {
  const { run, report } = await publishedProposal();
  expect(report.failure).toBeUndefined();
  const line = report.checks.find((c) => c.check === 'proposals');
  expect(line).toMatchObject({ ok: true });
  expect(line?.message).toContain('2 drafted');
  const counted = run.counted.body.proposals as { proposal: string; carried: boolean; words: string }[];
  expect(report.proposals).toEqual(
    counted.map((p) => expect.objectContaining({ proposal: p.proposal, carried: p.carried, words: p.words })),
  );
  expect(report.proposals[0]!.words).toContain(`Amendment ${run.amendment} carried`);
}, 180_000);

test('a flipped proposal.outcome in the log is named', async () => {
  // As a dishonest server: every proposal.outcome entry is rewritten as it is inserted, before it is signed into
  // the log. Canonical JSON sorts keys: the proposal's own `carried` follows the `amendments` array.
  await sql`CREATE FUNCTION flip_outcome() RETURNS trigger AS $$
    BEGIN
      IF position('"type":"proposal.outcome"' in convert_from(NEW.entry, 'UTF8')) > 0 THEN
        NEW.entry := convert_to(
          replace(convert_from(NEW.entry, 'UTF8'), '],"carried":false,', '],"carried":true,'), 'UTF8');
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`.execute(api.database.db);
  await sql`CREATE TRIGGER flip_outcome BEFORE INSERT ON log_entries
    FOR EACH ROW EXECUTE FUNCTION flip_outcome()`.execute(api.database.db);
  try {
    const { report } = await publishedProposal();
    expect(report.failure).toMatchObject({ check: 'proposals', code: 'PROPOSAL_OUTCOME_MISMATCH' });
    expect(report.failure?.message).toMatch(/says carried true, the recount gives false/);
    // Every check before it held: the log is signed over the flipped entry and the recount is honest.
    expect(report.checks.filter((c) => c.ok).map((c) => c.check)).toContain('recount');
  } finally {
    await sql`DROP TRIGGER flip_outcome ON log_entries`.execute(api.database.db);
    await sql`DROP FUNCTION flip_outcome()`.execute(api.database.db);
  }
}, 180_000);
