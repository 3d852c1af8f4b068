// The signed ballot: canonical JSON (RFC 8785) of election id, ballot public key, credential, revote counter and
// one ciphertext per contest, signed by the ballot key with Ed25519 (RFC 8032, strict rule of ed25519-strict.ts).
import type { CryptoBackend } from './backend.js';
import { encryptChoices, checkEncryptedChoices } from './choices.js';
import type { GroupBackend } from './group-backend.js';
import type { ContestChoices, EncryptedChoices } from './choices.js';
import { checkCredential } from './credential.js';
import type { Credential } from './credential.js';
import {
  concatBytes,
  equalBytes,
  isRecord,
  requireExactMembers,
  requireSafeInteger,
  toBase64url,
  utf8,
} from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import type { IssuerKeyRecord, IssuerKeyring } from './issuer-keys.js';
import { pureBackend } from './pure-backend.js';
import { checkObjectSignature, signObject } from './signed-object.js';

export const BALLOT_TYPE = 'openslate/ballot/v1';

export interface BallotBody {
  readonly type: typeof BALLOT_TYPE;
  readonly electionId: string;
  /** Ed25519 public key made in the voter's browser, base64url. */
  readonly ballotKey: string;
  readonly credential: Credential;
  /** Revote counter: 0 for the first ballot, then 1, 2… (see revote.ts). */
  readonly counter: number;
  readonly contests: EncryptedChoices;
}

export interface SignedBallot extends BallotBody {
  /** Ed25519 signature by `ballotKey` over canonicalBytes(body), base64url. */
  readonly signature: string;
}

export interface BallotKeyPair {
  /** 32-byte Ed25519 secret seed: stays in the browser. */
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface VerifiedBallot {
  readonly ballot: SignedBallot;
  /** SHA-256 of the canonical signed ballot (the receipt). */
  readonly hash: Uint8Array;
  readonly issuerKey: IssuerKeyRecord;
  readonly weight: number;
}

export interface BallotVerificationContext {
  readonly backend: CryptoBackend;
  readonly electionId: string;
  readonly issuerKeys: IssuerKeyring;
  readonly electionPublicKey: string;
  /** Check each contest's ciphertext proof (replay protection). Default true; see README "Performance". */
  readonly checkProofs?: boolean;
  /** The group back-end for the proofs: `pureGroup` by default, `await loadNodeGroup()` in Node. */
  readonly group?: GroupBackend;
}

/** A ballot key pair from 32 random bytes (the browser's crypto.getRandomValues). */
export function generateBallotKeyPair(
  seed: Uint8Array,
  backend: CryptoBackend = pureBackend,
): Result<BallotKeyPair> {
  return attempt('MALFORMED_INPUT', () => {
    if (seed.length !== 32) throw new BallotError('MALFORMED_INPUT', 'seed must be 32 bytes');
    return { seed, publicKey: backend.ed25519PublicKey(seed) };
  });
}

export interface BallotInput {
  readonly electionId: string;
  readonly electionPublicKey: string;
  readonly keyPair: BallotKeyPair;
  readonly credential: Credential;
  readonly counter: number;
  readonly choices: ContestChoices;
  readonly paddingBucket?: number;
}

/** Browser: encrypts the choices and signs the ballot with the ballot key. */
export function createBallot(input: BallotInput, backend: CryptoBackend = pureBackend): Result<SignedBallot> {
  return attempt('MALFORMED_INPUT', () => {
    const ballotKey = toBase64url(input.keyPair.publicKey);
    const body: BallotBody = {
      type: BALLOT_TYPE,
      electionId: input.electionId,
      ballotKey,
      credential: input.credential,
      counter: requireSafeInteger(input.counter, 'counter', 0),
      contests: encryptChoices(
        input.electionId,
        input.electionPublicKey,
        ballotKey,
        input.choices,
        input.paddingBucket,
      ),
    };
    return signObject(body, input.keyPair.seed, backend);
  });
}

// RFC 8785 §3.2.3 sorts members by name, so in a ballot "signature" sorts just before "type", the last member,
// whose value is fixed. The canonical signed ballot is therefore the canonical body with one member inserted;
// building it this way saves a second canonicalisation per ballot (test/ballot.test.ts checks the equality).
const TYPE_SUFFIX = `,"type":${JSON.stringify(BALLOT_TYPE)}}`;

const TYPE_SUFFIX_BYTES = utf8(TYPE_SUFFIX);
const signatureMember = (signature: string): string => `,"signature":${JSON.stringify(signature)}`;

/** Canonical text of a signed ballot from the canonical text of its body and its (base64url) signature. */
export function signedBallotText(bodyText: string, signature: string): string {
  if (!bodyText.endsWith(TYPE_SUFFIX))
    throw new BallotError('MALFORMED_INPUT', 'not a canonical ballot body');
  return `${bodyText.slice(0, -TYPE_SUFFIX.length)}${signatureMember(signature)}${TYPE_SUFFIX}`;
}

/** `signedBallotText` on UTF-8 bytes, so the verifier encodes the ballot once (the suffix is ASCII). */
function signedBallotBytes(body: Uint8Array, signature: string): Uint8Array {
  const cut = body.length - TYPE_SUFFIX_BYTES.length;
  if (cut < 0 || !equalBytes(body.subarray(cut), TYPE_SUFFIX_BYTES))
    throw new BallotError('MALFORMED_INPUT', 'not a canonical ballot body');
  return concatBytes(body.subarray(0, cut), utf8(signatureMember(signature)), TYPE_SUFFIX_BYTES);
}

const BALLOT_FIELDS = ['type', 'electionId', 'ballotKey', 'credential', 'counter', 'contests', 'signature'];

/**
 * Anyone: every check on a ballot, failing closed: MALFORMED_INPUT, WRONG_ELECTION, BAD_BALLOT_SIGNATURE,
 * UNKNOWN_ISSUER_KEY, BAD_ISSUER_SIGNATURE, CONTEST_NOT_ALLOWED, MALFORMED_CIPHERTEXT, REPLAYED_CIPHERTEXT.
 */
export function verifyBallot(input: unknown, context: BallotVerificationContext): Result<VerifiedBallot> {
  return attempt('MALFORMED_INPUT', () => {
    const ballot = requireExactMembers(input, BALLOT_FIELDS, 'ballot', 'MALFORMED_INPUT');
    if (ballot.type !== BALLOT_TYPE) throw new BallotError('MALFORMED_INPUT', 'not a ballot');
    if (ballot.electionId !== context.electionId)
      throw new BallotError('WRONG_ELECTION', 'ballot is for another election');
    requireSafeInteger(ballot.counter, 'counter', 0);
    if (!isRecord(ballot.contests) || Object.keys(ballot.contests).length === 0) {
      throw new BallotError('MALFORMED_INPUT', 'ballot has no contests');
    }
    const body = checkObjectSignature(context.backend, ballot, ballot.ballotKey, 'BAD_BALLOT_SIGNATURE');
    const ballotKey = ballot.ballotKey as string;
    const issuer = checkCredential(context.backend, context.issuerKeys, ballotKey, ballot.credential);
    for (const contestId of Object.keys(ballot.contests)) {
      if (!issuer.record.contests.includes(contestId)) {
        throw new BallotError('CONTEST_NOT_ALLOWED', `credential does not cover contest ${contestId}`);
      }
    }
    if (context.checkProofs ?? true) {
      checkEncryptedChoices(
        context.electionId,
        context.electionPublicKey,
        ballotKey,
        ballot.contests,
        context.group,
      );
    }
    const signed = ballot as unknown as SignedBallot;
    return {
      ballot: signed,
      hash: context.backend.sha256(signedBallotBytes(body, ballot.signature as string)),
      issuerKey: issuer.record,
      weight: issuer.record.weight,
    };
  });
}
