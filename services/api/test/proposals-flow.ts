// An election with proposals, run through the API: a roll of `members` weight-1 members signed in during
// nominations (their sessions draft and support), the officer's proposal rules, and the way to the count.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { MemberDevice, OpenslateClient } from '@openslate/client';
import request from 'supertest';
import { confirmAll, inviteAndReadCodes, reveal, runCeremony } from './flow.js';
import { bearer, officerToken, startPublisher, type TestApi } from './support.js';

export interface ProposalElection {
  readonly id: string;
  readonly officer: string;
  /** Roll names and sign-in tokens, in roll order (Member 1 …). */
  readonly members: readonly { name: string; token: string }[];
  /** An API client signed in as nobody, against a listening server (for MemberDevice). */
  readonly client: OpenslateClient;
  readonly server: Server;
}

/** Creates the election (no contests), its roll and rules, opens nominations and signs every member in. */
export async function proposalElection(
  api: TestApi,
  members: number,
  settings: Record<string, unknown> | null,
): Promise<ProposalElection> {
  const { app } = api;
  const { token: officer } = await officerToken(api);
  const created = await request(app)
    .post('/api/officer/elections')
    .set(bearer(officer))
    .send({ title: 'Conference motions' })
    .expect(201);
  const id = created.body.id as string;
  const roll = ['membership_number,name,email,weight'];
  for (let i = 1; i <= members; i++) roll.push(`P${i},Member ${i},p${i}@example.org,1`);
  await request(app)
    .post(`/api/officer/elections/${id}/roll`)
    .set(bearer(officer))
    .set('content-type', 'text/csv')
    .send(roll.join('\n'))
    .expect(201);
  if (settings !== null)
    await request(app)
      .post(`/api/officer/elections/${id}/proposal-settings`)
      .set(bearer(officer))
      .send(settings)
      .expect(200);
  await transition(api, officer, id, 'nominations');
  const codes = await inviteAndReadCodes(app, officer, api.database.db, id);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const client = new OpenslateClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
  const signedIn = [];
  for (let i = 1; i <= members; i++) {
    const { token } = await client.call<{ token: string }>('memberSignIn', {
      body: { code: codes.get(`p${i}@example.org`)! },
    });
    signedIn.push({ name: `Member ${i}`, token });
  }
  return { id, officer, members: signedIn, client, server };
}

export const transition = (api: TestApi, officer: string, id: string, to: string) =>
  request(api.app)
    .post(`/api/officer/elections/${id}/transition`)
    .set(bearer(officer))
    .send({ to })
    .expect(200);

/** Trustees (2 of 3), then shortlist and voting. */
export async function openVoting(api: TestApi, e: ProposalElection) {
  const trustees = await runCeremony(api.app, e.officer, e.id, ['Rosa', 'Karl', 'Sylvia'], 2);
  await confirmAll(api.app, e.id, trustees);
  await transition(api, e.officer, e.id, 'shortlist');
  await transition(api, e.officer, e.id, 'voting');
  return trustees;
}

/** Closes, has two trustees reveal once the sealed checkpoint is published, and counts: the count's answer. */
export async function closeAndCount(
  api: TestApi,
  e: ProposalElection,
  trustees: Awaited<ReturnType<typeof openVoting>>,
) {
  const publisher = startPublisher(api);
  try {
    await transition(api, e.officer, e.id, 'closed');
    for (const t of [trustees[0]!, trustees[1]!])
      for (let i = 0; i < 100 && (await reveal(api.app, e.id, t)).status !== 201; i++)
        await new Promise((r) => setTimeout(r, 50));
    const count = () =>
      request(api.app).post(`/api/officer/elections/${e.id}/count`).set(bearer(e.officer)).send({});
    let counted = await count();
    for (let i = 0; i < 100 && counted.body.error?.code === 'NOT_SEALED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      counted = await count();
    }
    return counted;
  } finally {
    await publisher.stop();
  }
}

/** A member's request about proposals: draft (`body`), or support / withdraw a proposal. */
export const memberProposal = (api: TestApi, e: ProposalElection, who: number) => ({
  draft: (body: Record<string, unknown>) =>
    request(api.app).post(`/api/elections/${e.id}/proposals`).set(bearer(e.members[who]!.token)).send(body),
  change: (proposal: string, change: 'support' | 'withdraw') =>
    request(api.app)
      .post(`/api/elections/${e.id}/proposals/${proposal}/${change}`)
      .set(bearer(e.members[who]!.token))
      .send(),
});

export interface AmendedProposal {
  readonly proposal: string;
  readonly amendment: string;
  /** The motions' contest ids: the amendment's, then the proposal's (ballot order). */
  readonly contests: readonly [string, string];
  /** The count's answer. */
  readonly counted: request.Response;
}

/**
 * In an election whose threshold is 2 members (`proposalElection(api, n ≥ 5, { threshold: { members: 2 }, … })`):
 * member 1 drafts a proposal and member 2 an amendment to it, members 4 and 5 support both, the officer schedules
 * them with `majority`; member i votes `votes[i]` = [on the amendment, on the proposal]; closed and counted.
 */
export async function runAmendedProposal(
  api: TestApi,
  e: ProposalElection,
  votes: readonly (readonly ['yes' | 'no' | 'abstain', 'yes' | 'no' | 'abstain'])[],
  majority: 'simple' | 'two-thirds' = 'two-thirds',
): Promise<AmendedProposal> {
  const by = (who: number) => memberProposal(api, e, who);
  const proposal = (await by(0).draft({ title: 'New office', text: 'That we rent an office.' }).expect(201))
    .body.id as string;
  const amendment = (
    await by(1)
      .draft({ title: 'Cheaper', text: 'Delete "an office", insert "a desk".', amends: proposal })
      .expect(201)
  ).body.id as string;
  for (const id of [proposal, amendment])
    for (const who of [3, 4]) await by(who).change(id, 'support').expect(201);
  const scheduled = await request(api.app)
    .post(`/api/officer/elections/${e.id}/proposals/${proposal}/schedule`)
    .set(bearer(e.officer))
    .send({ majority })
    .expect(201);
  const [onAmendment, onProposal] = (scheduled.body.scheduled as { contest: string }[]).map((s) => s.contest);
  const trustees = await openVoting(api, e);
  for (const [i, [a, p]] of votes.entries()) {
    const device = new MemberDevice(e.client.withToken(e.members[i]!.token), e.id);
    await device.obtainCredential();
    await device.cast({ [onAmendment!]: { answer: a }, [onProposal!]: { answer: p } } as never);
  }
  const counted = await closeAndCount(api, e, trustees);
  return { proposal, amendment, contests: [onAmendment!, onProposal!], counted };
}
