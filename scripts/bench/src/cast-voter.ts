// A simulated member's browser for the benchmark: signs in with the one-time code, registers an identity key,
// obtains a blind-signed credential (RFC 9474 blinding and finalisation on the client), and builds ballots.
import { randomBytes } from 'node:crypto';
import {
  createBallot,
  finalizeCredential,
  generateBallotKeyPair,
  pureBackend,
  requestCredential,
  signIssuanceRequest,
  toBase64url,
  type ContestChoices,
  type Credential,
  type IssuerKeyRecord,
  type Result,
  type SignedBallot,
} from '@openslate/ballot';
import type { HttpClient, Reply } from './cast-http.js';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

export interface Manifest {
  readonly electionKey: { readonly publicKey: string };
  readonly issuerKeys: { readonly keys: readonly (IssuerKeyRecord & { weight: number })[] };
}

export class BenchVoter {
  private readonly keyPair = value(generateBallotKeyPair(randomBytes(32)));
  private readonly identitySeed = randomBytes(32);
  private credential: Credential | null = null;

  constructor(
    readonly client: HttpClient,
    readonly electionId: string,
  ) {}

  /** Sign-in, identity key and the member's roll entry: the steps before the credential request. */
  async prepare(code: string): Promise<{ position: number; weight: number }> {
    const { client, electionId } = this;
    const session = await client.expect(200, client.post('/api/auth/member', { code }));
    client.signedIn(session['token'] as string);
    const identityKey = toBase64url(pureBackend.ed25519PublicKey(this.identitySeed));
    await client.expect(201, client.post(`/api/elections/${electionId}/identity`, { identityKey }));
    const me = await client.expect(200, client.get(`/api/elections/${electionId}/me`));
    const position = (me['commitment'] as { leaf: { position: number } }).leaf.position;
    return { position, weight: (me['entry'] as { weight: number }).weight };
  }

  /** The credential request (blinded on the client) and its finalisation; returns the server's answer. */
  async obtainCredential(manifest: Manifest, member: { position: number; weight: number }): Promise<Reply> {
    const { client, electionId } = this;
    const issuerKey = manifest.issuerKeys.keys.find((k) => k.weight === member.weight)!;
    const blinded = value(requestCredential(issuerKey, this.keyPair.publicKey));
    const request = value(
      signIssuanceRequest(
        {
          electionId,
          memberId: String(member.position),
          issuerKeyId: issuerKey.keyId,
          blindedMessage: blinded.request.blindedMessage,
        },
        this.identitySeed,
      ),
    );
    const reply = await client.post(`/api/elections/${electionId}/credential`, {
      request,
      blindedMessage: blinded.request.blindedMessage,
    });
    if (reply.status === 201)
      this.credential = value(finalizeCredential(blinded.state, reply.body['blindSignature'] as string));
    return reply;
  }

  ballot(manifest: Manifest, choices: ContestChoices, counter = 0): SignedBallot {
    if (!this.credential) throw new Error('no credential');
    return value(
      createBallot({
        electionId: this.electionId,
        electionPublicKey: manifest.electionKey.publicKey,
        keyPair: this.keyPair,
        credential: this.credential,
        counter,
        choices,
      }),
    );
  }
}
