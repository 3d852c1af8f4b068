// The other side of the protocol, as a trustee's and a member's browser run it (packages/ballot only), for the
// end-to-end tests. Every step goes through the HTTP API.
import { randomBytes } from 'node:crypto';
import {
  createBallot,
  createTrustee,
  dealShares,
  finalizeCredential,
  generateBallotKeyPair,
  pureBackend,
  receiveShares,
  requestCredential,
  revealShare,
  signIssuanceRequest,
  toBase64url,
  type BallotKeyPair,
  type CeremonyParameters,
  type ContestChoices,
  type Credential,
  type Result,
  type TrusteeShare,
} from '@openslate/ballot';
import type { Schema } from '@openslate/db';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import request from 'supertest';
import { bearer } from './support.js';

export interface Trustee {
  index: number;
  name: string;
  token: string;
  share: TrusteeShare;
}

/** Officers name the trustees; each runs the ceremony in "their browser"; all confirm. */
export async function runCeremony(
  app: Express,
  officer: string,
  electionId: string,
  names: string[],
  threshold: number,
): Promise<Trustee[]> {
  const configured = await request(app)
    .post(`/api/officer/elections/${electionId}/trustees`)
    .set(bearer(officer))
    .send({ threshold, trustees: names.map((name) => ({ name })) })
    .expect(201);
  const people = [];
  for (const t of configured.body.trustees as Array<{ index: number; name: string; code: string }>) {
    const login = await request(app).post('/api/auth/trustee').send({ code: t.code }).expect(200);
    const { announcement, secret } = createTrustee(electionId, t.index, t.name);
    await request(app)
      .post(`/api/elections/${electionId}/ceremony/announcement`)
      .set(bearer(login.body.token))
      .send({ announcement })
      .expect(201);
    people.push({ ...t, token: login.body.token as string, secret });
  }
  const params = (await request(app).get(`/api/elections/${electionId}/ceremony`).expect(200)).body
    .parameters as CeremonyParameters;
  const dealt = people.map((p) => {
    const d = dealShares(params, p.secret);
    if (!d.ok) throw d.error;
    return d.value;
  });
  for (const [i, p] of people.entries()) {
    await request(app)
      .post(`/api/elections/${electionId}/ceremony/dealing-hash`)
      .set(bearer(p.token))
      .send({ hash: dealt[i]!.hash })
      .expect(201);
  }
  for (const [i, p] of people.entries()) {
    await request(app)
      .post(`/api/elections/${electionId}/ceremony/dealing`)
      .set(bearer(p.token))
      .send({ dealing: dealt[i]!.dealing })
      .expect(201);
  }
  const state = (await request(app).get(`/api/elections/${electionId}/ceremony`).expect(200)).body;
  const dealings = state.trustees.map((t: { dealing: unknown }) => t.dealing);
  const hashes = state.trustees.map((t: { dealingHash: unknown }) => t.dealingHash);
  const trustees: Trustee[] = [];
  for (const p of people) {
    const share = receiveShares(params, p.secret, dealings, hashes);
    if (!share.ok) throw share.error;
    trustees.push({ index: p.index, name: p.name, token: p.token, share: share.value });
  }
  return trustees;
}

export async function confirmAll(app: Express, electionId: string, trustees: Trustee[]): Promise<void> {
  for (const t of trustees)
    await request(app)
      .post(`/api/elections/${electionId}/ceremony/confirm`)
      .set(bearer(t.token))
      .send({})
      .expect(201);
}

export async function reveal(app: Express, electionId: string, trustee: Trustee) {
  return request(app)
    .post(`/api/elections/${electionId}/ceremony/reveal`)
    .set(bearer(trustee.token))
    .send({ reveal: revealShare(trustee.share) });
}

/** A member's browser: signs in, registers an identity key, gets a blind-signed credential. */
/** The value of a successful Result; a failed one fails the test with its code. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

export class Voter {
  keyPair: BallotKeyPair = ok(generateBallotKeyPair(randomBytes(32)));
  credential!: Credential;
  counter = 0;
  private readonly identitySeed = randomBytes(32);

  constructor(
    private readonly app: Express,
    readonly electionId: string,
    readonly token: string,
  ) {}

  static async signIn(app: Express, electionId: string, code: string): Promise<Voter> {
    const res = await request(app).post('/api/auth/member').send({ code }).expect(200);
    return new Voter(app, electionId, res.body.token);
  }

  async obtainCredential(): Promise<request.Response> {
    const { app, electionId, token } = this;
    const registered = await request(app)
      .post(`/api/elections/${electionId}/identity`)
      .set(bearer(token))
      .send({ identityKey: toBase64url(pureBackend.ed25519PublicKey(this.identitySeed)) });
    if (registered.status !== 201) return registered;
    const me = (await request(app).get(`/api/elections/${electionId}/me`).set(bearer(token)).expect(200))
      .body;
    const manifest = (await request(app).get(`/api/elections/${electionId}/manifest`).expect(200)).body;
    const issuerKey = manifest.issuerKeys.keys.find((k: { weight: number }) => k.weight === me.entry.weight);
    if (!issuerKey)
      throw new Error(
        `no issuer key for weight ${me.entry?.weight} in ${JSON.stringify(manifest.issuerKeys).slice(0, 300)}`,
      );
    const blinded = requestCredential(issuerKey, this.keyPair.publicKey);
    if (!blinded.ok) throw blinded.error;
    const signed = signIssuanceRequest(
      {
        electionId,
        memberId: String(me.commitment.leaf.position),
        issuerKeyId: issuerKey.keyId,
        blindedMessage: blinded.value.request.blindedMessage,
      },
      this.identitySeed,
    );
    if (!signed.ok) throw signed.error;
    const res = await request(app)
      .post(`/api/elections/${electionId}/credential`)
      .set(bearer(token))
      .send({ request: signed.value, blindedMessage: blinded.value.request.blindedMessage });
    if (res.status === 201) {
      const credential = finalizeCredential(blinded.value.state, res.body.blindSignature);
      if (!credential.ok) throw credential.error;
      this.credential = credential.value;
    }
    return res;
  }

  /** Builds a ballot (the browser's job) without casting it. */
  async ballot(choices: ContestChoices, counter = this.counter) {
    const manifest = (await request(this.app).get(`/api/elections/${this.electionId}/manifest`).expect(200))
      .body;
    const ballot = createBallot({
      electionId: this.electionId,
      electionPublicKey: manifest.electionKey.publicKey,
      keyPair: this.keyPair,
      credential: this.credential,
      counter,
      choices,
    });
    if (!ballot.ok) throw ballot.error;
    return ballot.value;
  }

  /** Casts anonymously: no Authorization header, no cookie. */
  async cast(choices: ContestChoices, counter = this.counter): Promise<request.Response> {
    const ballot = await this.ballot(choices, counter);
    const res = await request(this.app).post(`/api/elections/${this.electionId}/ballots`).send({ ballot });
    if (res.status === 201) this.counter = counter + 1;
    return res;
  }
}

/**
 * An election open for voting with `members` weight-1 members on its roll and one contest of three candidates,
 * after a 2-of-3 trustee ceremony; returns the members' sign-in codes (read from the outbox). For load tests.
 */
export async function openElection(
  app: Express,
  outbox: Kysely<Schema>,
  officer: string,
  members: number,
): Promise<{
  id: string;
  contest: { id: string; candidates: string[] };
  trustees: Trustee[];
  codes: string[];
}> {
  const created = await request(app)
    .post('/api/officer/elections')
    .set(bearer(officer))
    .send({
      title: `Load ${members}`,
      contests: [{ title: 'Chair', seats: 1, candidates: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }],
    })
    .expect(201);
  const id = created.body.id as string;
  const roll = ['membership_number,name,email,weight'];
  for (let i = 0; i < members; i++) roll.push(`L${i},Member ${i},m${i}@load.example.org,1`);
  await request(app)
    .post(`/api/officer/elections/${id}/roll`)
    .set(bearer(officer))
    .set('content-type', 'text/csv')
    .send(roll.join('\n'))
    .expect(201);
  const trustees = await runCeremony(app, officer, id, ['Rosa', 'Karl', 'Sylvia'], 2);
  await confirmAll(app, id, trustees);
  await request(app)
    .post(`/api/officer/elections/${id}/transition`)
    .set(bearer(officer))
    .send({ to: 'voting' })
    .expect(200);
  const codes = [...(await inviteAndReadCodes(app, officer, outbox, id)).values()];
  const election = (await request(app).get(`/api/elections/${id}`).expect(200)).body;
  const contest = election.contests[0] as { id: string; candidates: Array<{ id: string }> };
  return {
    id,
    contest: { id: contest.id, candidates: contest.candidates.map((c) => c.id) },
    trustees,
    codes,
  };
}

/** Runs `task` over `items` with at most `limit` in flight; results in the order of `items`. */
export async function inPool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Signs every code in and obtains its credential (each must be issued: 201). */
export async function votersWithCredentials(
  app: Express,
  electionId: string,
  codes: string[],
): Promise<Voter[]> {
  return inPool(codes, 8, async (code) => {
    const voter = await Voter.signIn(app, electionId, code);
    const res = await voter.obtainCredential();
    if (res.status !== 201) throw new Error(`credential refused: ${res.status} ${JSON.stringify(res.body)}`);
    return voter;
  });
}

/**
 * Sends the election's invitations and reads each member's one-time code back out of the outbox, as their
 * mailbox would: a map from email address to code.
 */
export async function inviteAndReadCodes(
  app: Express,
  officer: string,
  outbox: Kysely<Schema>,
  electionId: string,
): Promise<Map<string, string>> {
  await request(app)
    .post(`/api/officer/elections/${electionId}/invitations`)
    .set(bearer(officer))
    .send({})
    .expect(201);
  const mails = await outbox
    .selectFrom('outbox')
    .select(['to_address', 'body'])
    .where('body', 'like', `%/vote/${electionId}#code=%`)
    .execute();
  return new Map(mails.map((m) => [m.to_address, /#code=([A-Z2-7]+)/.exec(m.body)![1]!] as const));
}
