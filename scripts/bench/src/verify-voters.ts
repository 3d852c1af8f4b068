// The voters of the verifier's benchmark election: per voter a ballot key (Ed25519, node:crypto), a credential —
// the issuer's RSASSA-PSS signature (RFC 8017 §8.1) over the RFC 9474 §4.1 prepared message, which is exactly what
// an unblinded RFC 9474 blind signature is — and one signed ballot (two for revoters), as the log entries
// `credential.issued` and `ballot.cast` (docs/log-entries.md). Runs in worker threads (verify-voters-worker.ts).
import { constants, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  BALLOT_TYPE,
  credentialMessage,
  prepareMessage,
  toBase64url,
  type IssuerKeyRecord,
} from '@openslate/ballot';
import { loadNodeGroup } from '@openslate/ballot/node';
import { canonicalBytes, type JsonValue } from '@openslate/canonical-json';
import { encodeEntry } from '@openslate/log';
import { steppingEncryptor } from './verify-ciphertext.js';

export interface VoterSetup {
  readonly electionId: string;
  readonly electionPublicKey: string;
  readonly contests: readonly {
    readonly id: string;
    readonly candidates: readonly string[];
    readonly popularity: readonly number[];
  }[];
  /** Issuer keys by weight: the published record and the PKCS #8 PEM private key. */
  readonly issuers: readonly { readonly record: IssuerKeyRecord; readonly pem: string }[];
  /** Every `delegateEvery`th voter carries weight 3, as in `openslate demo`. */
  readonly delegateEvery: number;
  /** Share of voters who cast a second ballot (a revote). */
  readonly revoteRate: number;
}

export interface VoterChunk {
  /** Encoded log entries in log order. */
  readonly entries: Uint8Array[];
  /** The counted (last) ballot's choices per voter, with its weight: what decryption must give. */
  readonly counted: { weight: number; contests: Record<string, JsonValue> }[];
}

/** `count` of `items`, each drawn with probability proportional to its weight among those left. */
function rankByPopularity(items: readonly string[], weights: readonly number[], count: number): string[] {
  const left = items.map((item, i) => ({ item, weight: weights[i] ?? 1 }));
  const out: string[] = [];
  while (out.length < count && left.length > 0) {
    let r = Math.random() * left.reduce((s, x) => s + x.weight, 0);
    const i = Math.max(
      0,
      left.findIndex((x) => (r -= x.weight) < 0),
    );
    out.push(left.splice(i, 1)[0]!.item);
  }
  return out;
}

export async function makeVoters(setup: VoterSetup, from: number, to: number): Promise<VoterChunk> {
  const encrypt = steppingEncryptor(await loadNodeGroup(), setup.electionId, setup.electionPublicKey);
  const issuers = setup.issuers.map((i) => ({ record: i.record, key: createPrivateKey(i.pem) }));
  const entries: Uint8Array[] = [];
  const counted: VoterChunk['counted'] = [];
  const log = (type: string, body: Record<string, unknown>) =>
    entries.push(encodeEntry({ type, election: setup.electionId, body }));
  const choose = () =>
    Object.fromEntries(
      setup.contests.map((c) => [
        c.id,
        {
          ranking: rankByPopularity(
            c.candidates,
            c.popularity,
            1 + Math.floor(Math.random() * c.candidates.length),
          ),
        },
      ]),
    );
  for (let i = from; i < to; i++) {
    const issuer = issuers[(i + 1) % setup.delegateEvery === 0 ? 1 : 0]!;
    const keys = generateKeyPairSync('ed25519');
    const ballotKey = keys.publicKey.export({ format: 'jwk' }).x!;
    const prefix = randomBytes(32);
    const message = credentialMessage(setup.electionId, issuer.record.keyId, ballotKey);
    const signature = sign('sha384', prepareMessage(prefix, message), {
      key: issuer.key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 48,
    });
    const credential = {
      issuerKeyId: issuer.record.keyId,
      prefix: toBase64url(prefix),
      signature: toBase64url(signature),
    };
    log('credential.issued', { request: { memberId: String(i + 1), issuerKeyId: issuer.record.keyId } });
    const votes = Math.random() < setup.revoteRate ? 2 : 1;
    let choices: Record<string, JsonValue> = {};
    for (let counter = 0; counter < votes; counter++) {
      choices = choose();
      const body = {
        type: BALLOT_TYPE,
        electionId: setup.electionId,
        ballotKey,
        credential,
        counter,
        contests: encrypt(ballotKey, choices),
      };
      const ballotSignature = toBase64url(sign(null, canonicalBytes(body), keys.privateKey));
      log('ballot.cast', { ballot: { ...body, signature: ballotSignature } });
    }
    counted.push({ weight: issuer.record.weight, contests: choices });
  }
  return { entries, counted };
}
