// Recorded (open) votes, for contests whose manifest says `mode: "recorded"`: the member signs their choices in
// clear with their own identity key (Ed25519, strict rule) and the vote is published with their name.
import { canonicalBytes } from '@openslate/canonical-json';
import type { JsonValue } from '@openslate/canonical-json';
import type { CryptoBackend } from './backend.js';
import { verifyEd25519 } from './backend.js';
import { fixedBytes, isRecord, requireSafeInteger, requireString, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { pureBackend } from './pure-backend.js';

export const RECORDED_VOTE_TYPE = 'openslate/recorded-vote/v1';

export interface RecordedVoteBody {
  readonly type: typeof RECORDED_VOTE_TYPE;
  readonly electionId: string;
  readonly memberId: string;
  readonly memberName: string;
  /** The member's registered identity key, base64url. */
  readonly identityKey: string;
  /** Same revote rule as secret ballots, keyed by identityKey. */
  readonly counter: number;
  /** Plain choices per contest (any JSON value). */
  readonly choices: Readonly<Record<string, JsonValue>>;
}

export interface RecordedVote extends RecordedVoteBody {
  readonly signature: string;
}

export function signRecordedVote(
  body: Omit<RecordedVoteBody, 'type' | 'identityKey'>,
  identitySeed: Uint8Array,
  backend: CryptoBackend = pureBackend,
): Result<RecordedVote> {
  return attempt('MALFORMED_INPUT', () => {
    const full: RecordedVoteBody = {
      type: RECORDED_VOTE_TYPE,
      ...body,
      identityKey: toBase64url(backend.ed25519PublicKey(identitySeed)),
    };
    return { ...full, signature: toBase64url(backend.ed25519Sign(identitySeed, canonicalBytes(full))) };
  });
}

/**
 * Checks a recorded vote: election, that `identityKey` is the one the member registry holds for `memberId`
 * (`expectedIdentityKey`), the contests are recorded ones, and the signature (BAD_MEMBER_SIGNATURE).
 */
export function verifyRecordedVote(
  vote: unknown,
  context: {
    readonly backend: CryptoBackend;
    readonly electionId: string;
    readonly expectedIdentityKey: (memberId: string) => string | undefined;
    readonly recordedContests: readonly string[];
  },
): Result<RecordedVote> {
  return attempt('MALFORMED_INPUT', () => {
    if (!isRecord(vote) || vote.type !== RECORDED_VOTE_TYPE)
      throw new BallotError('MALFORMED_INPUT', 'not a recorded vote');
    if (vote.electionId !== context.electionId)
      throw new BallotError('WRONG_ELECTION', 'vote is for another election');
    const memberId = requireString(vote.memberId, 'memberId');
    requireString(vote.memberName, 'memberName');
    requireSafeInteger(vote.counter, 'counter', 0);
    if (!isRecord(vote.choices)) throw new BallotError('MALFORMED_INPUT', 'choices must be an object');
    for (const contestId of Object.keys(vote.choices)) {
      if (!context.recordedContests.includes(contestId)) {
        throw new BallotError('CONTEST_NOT_ALLOWED', `contest ${contestId} is not a recorded contest`);
      }
    }
    if (context.expectedIdentityKey(memberId) !== vote.identityKey) {
      throw new BallotError('BAD_MEMBER_SIGNATURE', 'identity key is not the member’s registered key');
    }
    const publicKey = fixedBytes(vote.identityKey, 32, 'identity key', 'BAD_MEMBER_SIGNATURE');
    const signature = fixedBytes(vote.signature, 64, 'signature', 'BAD_MEMBER_SIGNATURE');
    const { signature: _omit, ...body } = vote;
    const verdict = verifyEd25519(context.backend, publicKey, canonicalBytes(body), signature);
    if (verdict !== 'ok') throw new BallotError('BAD_MEMBER_SIGNATURE', `member signature: ${verdict}`);
    return vote as unknown as RecordedVote;
  });
}
