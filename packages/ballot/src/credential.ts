// The eligibility credential: an RFC 9474 blind signature by an issuer key over the canonical JSON message
// {type, electionId, issuerKeyId, ballotKey}. The issuer learns who asked, never which ballot key it signed.
import { canonicalBytes } from '@openslate/canonical-json';
import { randomBytes } from '@noble/hashes/utils.js';
import type { CryptoBackend } from './backend.js';
import { blind, finalize, MESSAGE_PREFIX_LENGTH, prepareMessage } from './blind-rsa.js';
import { fixedBytes, fromBase64url, isRecord, requireExactMembers, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { parseIssuerKey } from './issuer-keys.js';
import type { IssuerKey, IssuerKeyRecord, IssuerKeyring } from './issuer-keys.js';
import { pureBackend } from './pure-backend.js';

export interface Credential {
  /** Issuer key (and so weight and contests) that signed. */
  readonly issuerKeyId: string;
  /** RFC 9474 §4.1 msg_prefix, 32 bytes base64url. */
  readonly prefix: string;
  /** The finalized RSASSA-PSS signature, base64url. */
  readonly signature: string;
}

/** What the browser sends to the issuance endpoint. */
export interface CredentialRequest {
  readonly issuerKeyId: string;
  readonly blindedMessage: string;
}

/** What the browser keeps (secretly) until the blind signature comes back. */
export interface CredentialRequestState {
  readonly issuerKey: IssuerKeyRecord;
  readonly ballotKey: string;
  readonly prefix: Uint8Array;
  readonly inverse: bigint;
}

/** The signed message: the ballot public key bound to election and issuer key. */
export function credentialMessage(electionId: string, issuerKeyId: string, ballotKey: string): Uint8Array {
  return canonicalBytes({ type: 'openslate/credential/v1', electionId, issuerKeyId, ballotKey });
}

/** Browser: blinds a credential request for `ballotPublicKey` under `issuerKey` (RFC 9474 §4.1–4.2). */
export function requestCredential(
  issuerKey: IssuerKeyRecord,
  ballotPublicKey: Uint8Array,
): Result<{ request: CredentialRequest; state: CredentialRequestState }> {
  return attempt('MALFORMED_KEY', () => {
    const { record, key } = parseIssuerKey(issuerKey);
    const ballotKey = toBase64url(ballotPublicKey);
    const prefix = randomBytes(MESSAGE_PREFIX_LENGTH);
    const prepared = prepareMessage(prefix, credentialMessage(record.electionId, record.keyId, ballotKey));
    const { blindedMessage, inverse } = blind(key, prepared);
    return {
      request: { issuerKeyId: record.keyId, blindedMessage: toBase64url(blindedMessage) },
      state: { issuerKey: record, ballotKey, prefix, inverse },
    };
  });
}

/** Browser: unblinds the issuer's answer and checks it (RFC 9474 §4.4). */
export function finalizeCredential(
  state: CredentialRequestState,
  blindSignature: string,
  backend: CryptoBackend = pureBackend,
): Result<Credential> {
  return attempt('BAD_ISSUER_SIGNATURE', () => {
    const { record, key } = parseIssuerKey(state.issuerKey);
    const prepared = prepareMessage(
      state.prefix,
      credentialMessage(record.electionId, record.keyId, state.ballotKey),
    );
    const blindSig = fromBase64url(blindSignature, 'blind signature', 'BAD_ISSUER_SIGNATURE');
    const signature = finalize(key, prepared, blindSig, state.inverse, (k, m, s) =>
      backend.rsaPssVerify(k, m, s),
    );
    return {
      issuerKeyId: record.keyId,
      prefix: toBase64url(state.prefix),
      signature: toBase64url(signature),
    };
  });
}

/**
 * Anyone: checks a credential for `ballotKey` in `keyring`'s election; returns the issuer key (weight, contests).
 * Throws UNKNOWN_ISSUER_KEY, MALFORMED_INPUT or BAD_ISSUER_SIGNATURE; use `verifyCredential` for a Result.
 */
export function checkCredential(
  backend: CryptoBackend,
  keyring: IssuerKeyring,
  ballotKey: string,
  credential: unknown,
): IssuerKey {
  requireExactMembers(credential, ['issuerKeyId', 'prefix', 'signature'], 'credential', 'MALFORMED_INPUT');
  if (!isRecord(credential)) throw new BallotError('MALFORMED_INPUT', 'credential must be an object');
  const issuer =
    typeof credential.issuerKeyId === 'string' ? keyring.keys.get(credential.issuerKeyId) : undefined;
  if (!issuer) throw new BallotError('UNKNOWN_ISSUER_KEY', 'credential names no published issuer key');
  const prefix = fixedBytes(
    credential.prefix,
    MESSAGE_PREFIX_LENGTH,
    'credential prefix',
    'BAD_ISSUER_SIGNATURE',
  );
  const signature = fromBase64url(credential.signature, 'credential signature', 'BAD_ISSUER_SIGNATURE');
  const message = prepareMessage(
    prefix,
    credentialMessage(keyring.electionId, issuer.record.keyId, ballotKey),
  );
  if (!backend.rsaPssVerify(issuer.key, message, signature)) {
    throw new BallotError('BAD_ISSUER_SIGNATURE', 'issuer signature does not verify');
  }
  return issuer;
}

export function verifyCredential(
  backend: CryptoBackend,
  keyring: IssuerKeyring,
  ballotKey: string,
  credential: unknown,
): Result<IssuerKeyRecord> {
  return attempt('MALFORMED_INPUT', () => checkCredential(backend, keyring, ballotKey, credential).record);
}
