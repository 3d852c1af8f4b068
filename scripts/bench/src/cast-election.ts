// Sets up the benchmark's election through the API, as officers and trustees do: an election with one contest,
// a roll of `members` weight-1 members, a 2-of-3 key ceremony (trustees run packages/ballot locally), opening,
// invitations. The members' one-time codes are read from the outbox table (the mailer's queue).
import {
  createTrustee,
  dealShares,
  receiveShares,
  type CeremonyParameters,
  type Dealing,
  type DealingHash,
  type Result,
} from '@openslate/ballot';
import type { Database } from '@openslate/db';
import { HttpClient } from './cast-http.js';

export interface BenchElection {
  readonly id: string;
  readonly contest: string;
  readonly candidates: readonly string[];
  readonly codes: readonly string[];
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

export async function setUpElection(
  base: URL,
  database: Database,
  officerLogin: { email: string; password: string },
  members: number,
): Promise<BenchElection> {
  const officer = new HttpClient(base);
  const login = await officer.expect(200, officer.post('/api/auth/officer', officerLogin));
  officer.signedIn(login['token'] as string);
  const created = await officer.expect(
    201,
    officer.post('/api/officer/elections', {
      title: `bench:cast ${members}`,
      contests: [{ title: 'Chair', seats: 1, candidates: ['A', 'B', 'C', 'D'].map((name) => ({ name })) }],
    }),
  );
  const id = created['id'] as string;
  const roll = ['membership_number,name,email,weight'];
  for (let i = 0; i < members; i++) roll.push(`B${i},Member ${i},b${i}@bench.example.org,1`);
  await officer.expect(201, officer.post(`/api/officer/elections/${id}/roll`, roll.join('\n'), 'text/csv'));

  // The key ceremony, each trustee on its own client.
  const configured = await officer.expect(
    201,
    officer.post(`/api/officer/elections/${id}/trustees`, {
      threshold: 2,
      trustees: ['Rosa', 'Karl', 'Sylvia'].map((name) => ({ name })),
    }),
  );
  const trustees = [];
  for (const t of configured['trustees'] as Array<{ index: number; name: string; code: string }>) {
    const client = new HttpClient(base);
    const session = await client.expect(200, client.post('/api/auth/trustee', { code: t.code }));
    client.signedIn(session['token'] as string);
    const { announcement, secret } = createTrustee(id, t.index, t.name);
    await client.expect(201, client.post(`/api/elections/${id}/ceremony/announcement`, { announcement }));
    trustees.push({ client, secret });
  }
  const ceremony = `/api/elections/${id}/ceremony`;
  const params = (await officer.expect(200, officer.get(ceremony)))['parameters'] as CeremonyParameters;
  const dealt = trustees.map((t) => value(dealShares(params, t.secret)));
  for (const [i, t] of trustees.entries())
    await t.client.expect(201, t.client.post(`${ceremony}/dealing-hash`, { hash: dealt[i]!.hash }));
  for (const [i, t] of trustees.entries())
    await t.client.expect(201, t.client.post(`${ceremony}/dealing`, { dealing: dealt[i]!.dealing }));
  const state = (await officer.expect(200, officer.get(ceremony)))['trustees'] as Array<{
    dealing: Dealing;
    dealingHash: DealingHash;
  }>;
  for (const t of trustees) {
    const dealings = state.map((s) => s.dealing);
    value(
      receiveShares(
        params,
        t.secret,
        dealings,
        state.map((s) => s.dealingHash),
      ),
    );
    await t.client.expect(201, t.client.post(`${ceremony}/confirm`, {}));
    t.client.close();
  }

  await officer.expect(200, officer.post(`/api/officer/elections/${id}/transition`, { to: 'voting' }));
  await officer.expect(201, officer.post(`/api/officer/elections/${id}/invitations`, {}));
  const election = await officer.expect(200, officer.get(`/api/elections/${id}`));
  officer.close();
  const contest = (election['contests'] as Array<{ id: string; candidates: Array<{ id: string }> }>)[0]!;
  const mails = await database.db
    .selectFrom('outbox')
    .select('body')
    .where('body', 'like', `%/vote/${id}#code=%`)
    .execute();
  const codes = mails.map((m) => /#code=([A-Z2-7]+)/.exec(m.body)![1]!);
  if (codes.length !== members) throw new Error(`expected ${members} invitations, found ${codes.length}`);
  return { id, contest: contest.id, candidates: contest.candidates.map((c) => c.id), codes };
}
