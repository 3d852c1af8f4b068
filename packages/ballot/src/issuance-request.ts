// The member-signed credential request. The API logs it (member id, issuer key, hash of the blinded message,
// member's Ed25519 signature) so anyone can count issuances per member, and the server cannot mint a credential
// "for" an abstaining member without that member's identity key. The blinded message reveals nothing about the
// ballot key (RFC 9474 §7: blindness), so logging its hash publicly costs no secrecy.
import type { CryptoBackend } from './backend.js';
import { fromBase64url, isRecord, requireString, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { pureBackend } from './pure-backend.js';
import { checkMemberKey, checkObjectSignature, signObject } from './signed-object.js';

export const ISSUANCE_REQUEST_TYPE = 'openslate/credential-request/v1';

export interface IssuanceRequestBody {
  readonly type: typeof ISSUANCE_REQUEST_TYPE;
  readonly electionId: string;
  readonly memberId: string;
  readonly issuerKeyId: string;
  /** base64url SHA-256 of the blinded message bytes. */
  readonly blindedMessageHash: string;
  /** The member's registered identity key, base64url. */
  readonly identityKey: string;
}

export interface IssuanceRequest extends IssuanceRequestBody {
  readonly signature: string;
}

const hashOf = (backend: CryptoBackend, blindedMessage: string) =>
  toBase64url(backend.sha256(fromBase64url(blindedMessage, 'blinded message')));

/** Browser: signs the request for `blindedMessage` with the member's identity key. */
export function signIssuanceRequest(
  input: { electionId: string; memberId: string; issuerKeyId: string; blindedMessage: string },
  identitySeed: Uint8Array,
  backend: CryptoBackend = pureBackend,
): Result<IssuanceRequest> {
  return attempt('MALFORMED_INPUT', () => {
    const body: IssuanceRequestBody = {
      type: ISSUANCE_REQUEST_TYPE,
      electionId: requireString(input.electionId, 'electionId'),
      memberId: requireString(input.memberId, 'memberId'),
      issuerKeyId: requireString(input.issuerKeyId, 'issuerKeyId'),
      blindedMessageHash: hashOf(backend, input.blindedMessage),
      identityKey: toBase64url(backend.ed25519PublicKey(identitySeed)),
    };
    return signObject(body, identitySeed, backend);
  });
}

/**
 * Server (before blind signing) and auditors: the request is for this election, signed by the member's
 * registered key and, when `blindedMessage` is given, for exactly that blinded message.
 */
export function verifyIssuanceRequest(
  request: unknown,
  context: {
    readonly backend: CryptoBackend;
    readonly electionId: string;
    readonly expectedIdentityKey: (memberId: string) => string | undefined;
    readonly blindedMessage?: string;
  },
): Result<IssuanceRequest> {
  return attempt('MALFORMED_INPUT', () => {
    if (!isRecord(request) || request.type !== ISSUANCE_REQUEST_TYPE) {
      throw new BallotError('MALFORMED_INPUT', 'not a credential request');
    }
    if (request.electionId !== context.electionId)
      throw new BallotError('WRONG_ELECTION', 'request for another election');
    const memberId = requireString(request.memberId, 'memberId');
    requireString(request.issuerKeyId, 'issuerKeyId');
    checkMemberKey(context.expectedIdentityKey, memberId, request.identityKey);
    if (
      context.blindedMessage !== undefined &&
      hashOf(context.backend, context.blindedMessage) !== request.blindedMessageHash
    ) {
      throw new BallotError('MALFORMED_INPUT', 'request is for another blinded message');
    }
    checkObjectSignature(context.backend, request, request.identityKey, 'BAD_MEMBER_SIGNATURE');
    return request as unknown as IssuanceRequest;
  });
}
