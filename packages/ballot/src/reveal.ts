// After the close: each trustee publishes its key share s_j; anyone checks s_j·G against the verification key
// computed from the Feldman commitments (a bad share names its trustee), interpolates any t good shares at 0
// (Shamir 1979) to the election secret x, checks x·G = Y, and decrypts every ballot.
import { isRecord } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { baseMul, decodeScalar, encodeScalar, G, publicMul } from './group.js';
import type { CheckedElectionKey, TrusteeShare } from './key-ceremony.js';
import { interpolateAtZero } from './polynomial.js';

export interface ShareReveal {
  readonly type: 'openslate/trustee-reveal/v1';
  readonly electionId: string;
  readonly trustee: number;
  readonly share: string;
}

export interface ElectionSecret {
  readonly secret: bigint;
  /** Trustees whose shares were used. */
  readonly trustees: readonly number[];
  /** Reveals that failed their check, each naming its trustee (BAD_TRUSTEE_SHARE). */
  readonly rejected: readonly BallotError[];
}

/** On the trustee's machine, after the close. */
export const revealShare = (share: TrusteeShare): ShareReveal => ({
  type: 'openslate/trustee-reveal/v1',
  electionId: share.electionId,
  trustee: share.index,
  share: encodeScalar(share.share),
});

/** Anyone: checks one reveal against the commitments; BAD_TRUSTEE_SHARE names the trustee. */
export function checkShareReveal(
  key: CheckedElectionKey,
  reveal: unknown,
): Result<{ trustee: number; share: bigint }> {
  const trustee = isRecord(reveal) && typeof reveal.trustee === 'number' ? reveal.trustee : undefined;
  return attempt('BAD_TRUSTEE_SHARE', () => {
    const vk = trustee === undefined ? undefined : key.verificationKeys.get(trustee);
    if (
      !isRecord(reveal) ||
      reveal.type !== 'openslate/trustee-reveal/v1' ||
      vk === undefined ||
      trustee === undefined
    ) {
      throw new BallotError('BAD_TRUSTEE_SHARE', 'not a reveal by a trustee of this election', trustee);
    }
    if (reveal.electionId !== key.record.electionId)
      throw new BallotError('WRONG_ELECTION', 'reveal for another election', trustee);
    let share: bigint;
    try {
      share = decodeScalar(reveal.share, 'share', 'BAD_TRUSTEE_SHARE');
    } catch {
      throw new BallotError('BAD_TRUSTEE_SHARE', `trustee ${trustee}: malformed share`, trustee);
    }
    // The share is public from now on: variable-time arithmetic (which also accepts 0) is fine.
    if (!publicMul(G, share).equals(vk)) {
      throw new BallotError(
        'BAD_TRUSTEE_SHARE',
        `trustee ${trustee}: share does not match its commitments`,
        trustee,
      );
    }
    return { trustee, share };
  });
}

/** Anyone: the election secret from the published reveals (NOT_ENOUGH_SHARES below the threshold). */
export function reconstructElectionSecret(
  key: CheckedElectionKey,
  reveals: readonly unknown[],
): Result<ElectionSecret> {
  return attempt('NOT_ENOUGH_SHARES', () => {
    const good = new Map<number, bigint>();
    const rejected: BallotError[] = [];
    for (const reveal of reveals) {
      const checked = checkShareReveal(key, reveal);
      if (checked.ok) good.set(checked.value.trustee, checked.value.share);
      else rejected.push(checked.error);
    }
    const t = key.record.threshold;
    if (good.size < t) {
      const named = rejected.map((e) => e.message).join('; ');
      throw new BallotError(
        'NOT_ENOUGH_SHARES',
        `${good.size} valid shares of ${t} needed${named ? ` (${named})` : ''}`,
      );
    }
    const used = [...good.keys()].sort((a, b) => a - b).slice(0, t);
    const secret = interpolateAtZero(used.map((j) => [BigInt(j), good.get(j) ?? 0n] as const));
    if (!baseMul(secret).equals(key.publicKey))
      throw new BallotError('KEY_MISMATCH', 'reconstructed secret ≠ election key');
    return { secret, trustees: used, rejected };
  });
}
