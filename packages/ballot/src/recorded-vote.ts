// Recorded (open) votes, for contests whose manifest says `mode: "recorded"`: the member signs their choices in
// clear with their own identity key (Ed25519, strict rule) and the vote is published with their name.
import type { JsonValue } from '@openslate/canonical-json';
import type { CryptoBackend } from './backend.js';
import { isRecord, requireSafeInteger, requireString, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { pureBackend } from './pure-backend.js';
import { checkMemberKey, checkObjectSignature, signObject } from './signed-object.js';

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
    return signObject(full, identitySeed, backend);
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
    checkMemberKey(context.expectedIdentityKey, memberId, vote.identityKey);
    checkObjectSignature(context.backend, vote, vote.identityKey, 'BAD_MEMBER_SIGNATURE');
    return vote as unknown as RecordedVote;
  });
}
