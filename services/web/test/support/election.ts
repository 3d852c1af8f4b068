// Elections for the browser tests, set up through the typed client exactly as the pages would (officer calls,
// trustee and member devices from packages/client), so each page can be tested in the stage it serves.
import type { EmbeddedApi } from '@openslate/cli';
import { OpenslateClient, runKeyCeremony, TrusteeDevice, type CallArgs } from '@openslate/client';

/** The contests of a createElection body (packages/client electionInput). */
export type ContestsInput = NonNullable<CallArgs<'createElection'>['body']>['contests'];

export interface TestCandidate {
  readonly id: string;
  readonly name: string;
}
export interface TestContest {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly TestCandidate[];
}
export interface TestElection {
  readonly id: string;
  readonly title: string;
  readonly contests: readonly TestContest[];
  /** Every member's one-time sign-in code, in roll order. */
  readonly codes: readonly string[];
  readonly trustees: readonly TrusteeDevice[];
}

const COMMITTEE = [
  ['Aisha BELLO', 'woman'],
  ['Brendan CALLAGHAN', 'man'],
  ['Carys DAVIES', 'woman'],
  ['Dev PATEL', 'man'],
  ['Eilidh MACLEOD', 'woman'],
] as const;

/** The default contests: 3 seats with "at least 2 women", and 1 seat. */
const STV_CONTESTS: ContestsInput = [
  {
    title: 'Steering committee (3 seats, at least 2 women)',
    seats: 3,
    rules: 'ers97',
    constraints: [{ attribute: 'gender', value: 'woman', min: 2 }],
    candidates: COMMITTEE.map(([name, gender]) => ({
      name,
      statement: `${name.split(' ')[0]} will report back to every branch.`,
      attributes: { gender },
    })),
  },
  {
    title: 'Treasurer (1 seat)',
    seats: 1,
    rules: 'ers97',
    candidates: [{ name: 'Maya CHEN' }, { name: 'Niall BYRNE' }],
  },
];

/** A new election with `contests` and a roll of `voters` (Member 1 …), in draft. */
async function electionWithRoll(
  server: EmbeddedApi,
  voters: number,
  contests: ContestsInput,
): Promise<{ id: string; title: string }> {
  const { officer } = server;
  const title = `Steering committee ${Math.random().toString(36).slice(2, 7)}`;
  const { id } = await officer.call<{ id: string }>('createElection', {
    body: { title, contests },
  });
  const rows = ['membership_number,name,email'];
  for (let i = 1; i <= voters; i++) rows.push(`M${100 + i},Member ${i},member${i}@example.invalid`);
  await officer.call('importRoll', { params: { election: id }, body: { csv: rows.join('\n') } });
  return { id, title };
}

/** Trustees (2 of 3) complete the ceremony, then the election moves through `states` (the last is voting). */
async function ceremonyThen(server: EmbeddedApi, id: string, states: readonly ('shortlist' | 'voting')[]) {
  const { officer } = server;
  const api = new OpenslateClient({ baseUrl: server.url });
  const configured = await officer.call<{ trustees: Array<{ code: string }> }>('configureTrustees', {
    params: { election: id },
    body: { threshold: 2, trustees: [{ name: 'Rosa' }, { name: 'Karl' }, { name: 'Sylvia' }] },
  });
  const trustees = await Promise.all(configured.trustees.map((t) => TrusteeDevice.signIn(api, t.code)));
  await runKeyCeremony(trustees);
  for (const to of states) await officer.call('transition', { params: { election: id }, body: { to } });
  return trustees;
}

const contestsOf = async (server: EmbeddedApi, id: string) =>
  (
    await new OpenslateClient({ baseUrl: server.url }).call<{ contests: TestContest[] }>('getElection', {
      params: { election: id },
    })
  ).contests;

/** An election with `contests` (the createElection body's; default two STV contests), roll of `voters`, voting open. */
export async function electionInVoting(
  server: EmbeddedApi,
  voters = 4,
  contests: ContestsInput = STV_CONTESTS,
): Promise<TestElection> {
  const { id, title } = await electionWithRoll(server, voters, contests);
  const trustees = await ceremonyThen(server, id, ['voting']);
  await server.officer.call('sendInvitations', { params: { election: id }, body: {} });
  return {
    id,
    title,
    contests: await contestsOf(server, id),
    codes: await server.invitationCodes(id),
    trustees,
  };
}

/**
 * An election without contests whose members may draft and support proposals: nominations open, invitations
 * sent (`codes`), the proposal rules set first when `proposalSettings` is given (the proposalSettings body).
 */
export async function electionInNominations(
  server: EmbeddedApi,
  voters: number,
  proposalSettings?: CallArgs<'proposalSettings'>['body'],
): Promise<{ id: string; title: string; codes: readonly string[] }> {
  const { id, title } = await electionWithRoll(server, voters, []);
  const params = { election: id };
  if (proposalSettings) await server.officer.call('proposalSettings', { params, body: proposalSettings });
  await server.officer.call('transition', { params, body: { to: 'nominations' } });
  await server.officer.call('sendInvitations', { params, body: {} });
  return { id, title, codes: await server.invitationCodes(id) };
}

/** From nominations: the trustees' ceremony, then shortlist and voting; the election as electionInVoting gives it
 *  (its `codes` are those given, already used or not). */
export async function openVotingFromNominations(
  server: EmbeddedApi,
  election: { id: string; title: string; codes: readonly string[] },
): Promise<TestElection> {
  const trustees = await ceremonyThen(server, election.id, ['shortlist', 'voting']);
  return { ...election, contests: await contestsOf(server, election.id), trustees };
}

/** Closes voting, has two trustees reveal, counts and publishes. */
export async function closeCountPublish(server: EmbeddedApi, election: TestElection): Promise<void> {
  const { officer } = server;
  const params = { election: election.id };
  await officer.call('transition', { params, body: { to: 'closed' } });
  await election.trustees[0]!.reveal();
  await election.trustees[1]!.reveal();
  await officer.call('count', { params });
  await officer.call('publish', { params });
}
