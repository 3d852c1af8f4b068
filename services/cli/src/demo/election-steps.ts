// The steps every demo election shares, through the real API: a trustee key ceremony that opens voting and
// mails the invitations, members casting from a pool, and the close, reveals, count and publication that end in
// the published bundle copied to the demo's output.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ContestChoices } from '@openslate/ballot';
import { MemberDevice, OpenslateClient, runKeyCeremony, TrusteeDevice } from '@openslate/client';
import type { EmbeddedApi } from './embedded-api.js';

/** Runs `tasks` with at most `limit` at once, in order of start. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface OpenElection {
  readonly trustees: TrusteeDevice[];
  /** The members' one-time codes, read from their invitations in the outbox. */
  readonly codes: string[];
}

/** Three trustees (any two open the ballot box) hold the key ceremony; voting opens and invitations go out. */
export async function openVoting(embedded: EmbeddedApi, election: string): Promise<OpenElection> {
  const { officer } = embedded;
  const api = new OpenslateClient({ baseUrl: embedded.url });
  const configured = await officer.call<{ trustees: Array<{ code: string }> }>('configureTrustees', {
    params: { election },
    body: {
      threshold: 2,
      trustees: [
        { name: 'Rosa (returning officer)' },
        { name: 'Karl (slate A scrutineer)' },
        { name: 'Sylvia (slate B scrutineer)' },
      ],
    },
  });
  const trustees = await Promise.all(configured.trustees.map((t) => TrusteeDevice.signIn(api, t.code)));
  await runKeyCeremony(trustees);
  await officer.call('transition', { params: { election }, body: { to: 'voting' } });
  // Invitations go to the outbox; the demo reads each member's mail from it.
  await officer.call('sendInvitations', { params: { election }, body: {} });
  return { trustees, codes: await embedded.invitationCodes(election) };
}

/**
 * Each member signs in with their code, obtains a credential and casts the ballots of their plan in order (a
 * second one is a revote: the last counts), eight members at a time. Returns the number of ballots cast.
 */
export async function castBallots(
  embedded: EmbeddedApi,
  codes: readonly string[],
  plans: readonly (readonly ContestChoices[])[],
  onMember: (done: number) => void = () => undefined,
): Promise<number> {
  const api = new OpenslateClient({ baseUrl: embedded.url });
  let ballots = 0;
  let done = 0;
  await pool(codes, 8, async (code, i) => {
    const member = await MemberDevice.signIn(api, code);
    await member.obtainCredential();
    for (const choices of plans[i] ?? []) {
      await member.cast(choices);
      ballots++;
    }
    onMember(++done);
  });
  return ballots;
}

export interface CountedResult {
  readonly contest: string;
  readonly elected: string[];
  readonly carried?: boolean;
  readonly quorumReached?: boolean;
}

/**
 * Closes voting, two of the three trustees reveal, the officer counts and publishes; the bundle is copied to
 * `out` and its archive to `<out>.tar.gz` beside it (docs/bundle-format.md).
 */
export async function closeAndPublish(
  embedded: EmbeddedApi,
  election: string,
  trustees: readonly TrusteeDevice[],
  out: string,
): Promise<CountedResult[]> {
  const { officer } = embedded;
  await officer.call('transition', { params: { election }, body: { to: 'closed' } });
  await trustees[0]!.reveal();
  await trustees[2]!.reveal();
  const counted = await officer.call<{ results: CountedResult[] }>('count', { params: { election } });
  await officer.call('publish', { params: { election } });
  const bundleDir = path.join(embedded.ctx.publication.root, 'bundles', election);
  mkdirSync(out, { recursive: true });
  cpSync(bundleDir, out, { recursive: true });
  cpSync(`${bundleDir}.tar.gz`, path.join(out, '..', `${path.basename(out)}.tar.gz`));
  return counted.results;
}
