// Published issuer keys: one RSA key per eligibility class of an election (a weight and the contests it may vote
// in). The blind signer cannot see what it signs, so the class is carried by the key, never by the message.
// The API logs the key set before the first issuance (publish-before-use).
import { canonicalBytes } from '@openslate/canonical-json';
import { sha256 } from '@noble/hashes/sha2.js';
import { isRecord, requireSafeInteger, requireString, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { encodeRsaInteger, parseRsaPublicKey } from './rsa-key.js';
import type { RsaPublicKey } from './rsa-key.js';

export const ISSUER_SUITE = 'RSABSSA-SHA384-PSS-Randomized' as const;

export interface IssuerKeyRecord {
  readonly type: 'openslate/issuer-key/v1';
  readonly electionId: string;
  /** RFC 9474 §5 variant name. */
  readonly suite: typeof ISSUER_SUITE;
  /** Votes a ballot under this key carries (1 for ordinary members, 3 for a delegate carrying 3 votes). */
  readonly weight: number;
  /** Sorted contest ids a ballot under this key may contain. */
  readonly contests: readonly string[];
  /** RFC 7518 §6.3.1: modulus and exponent, base64url big-endian. */
  readonly n: string;
  readonly e: string;
  /** base64url SHA-256 of the canonical record without `keyId`. */
  readonly keyId: string;
}

export interface IssuerKeySet {
  readonly type: 'openslate/issuer-keys/v1';
  readonly electionId: string;
  readonly keys: readonly IssuerKeyRecord[];
}

/** A parsed, checked issuer key. */
export interface IssuerKey {
  readonly record: IssuerKeyRecord;
  readonly key: RsaPublicKey;
}

/** Issuer keys by keyId, for one election. */
export interface IssuerKeyring {
  readonly electionId: string;
  readonly keys: ReadonlyMap<string, IssuerKey>;
}

function computeKeyId(record: Omit<IssuerKeyRecord, 'keyId'>): string {
  return toBase64url(sha256(canonicalBytes(record)));
}

function normaliseContests(contests: readonly unknown[]): string[] {
  const ids = contests.map((c) => requireString(c, 'contest id'));
  const sorted = [...new Set(ids)].sort();
  if (sorted.length !== ids.length || sorted.length === 0) {
    throw new BallotError('MALFORMED_INPUT', 'contests must be a non-empty list of distinct ids');
  }
  return sorted;
}

export function issuerKeyRecord(
  electionId: string,
  weight: number,
  contests: readonly string[],
  key: RsaPublicKey,
): IssuerKeyRecord {
  const body = {
    type: 'openslate/issuer-key/v1' as const,
    electionId: requireString(electionId, 'electionId'),
    suite: ISSUER_SUITE,
    weight: requireSafeInteger(weight, 'weight', 1),
    contests: normaliseContests(contests),
    n: encodeRsaInteger(key.n),
    e: encodeRsaInteger(key.e),
  };
  return { ...body, keyId: computeKeyId(body) };
}

/** Parses an untrusted issuer key record and checks its keyId. */
export function parseIssuerKey(value: unknown): IssuerKey {
  if (!isRecord(value) || value.type !== 'openslate/issuer-key/v1' || value.suite !== ISSUER_SUITE) {
    throw new BallotError('MALFORMED_KEY', 'not an openslate/issuer-key/v1 record');
  }
  if (!Array.isArray(value.contests)) throw new BallotError('MALFORMED_KEY', 'contests must be a list');
  const key = parseRsaPublicKey(value.n, value.e);
  const record = issuerKeyRecord(
    requireString(value.electionId, 'electionId'),
    value.weight as number,
    value.contests,
    key,
  );
  if (record.keyId !== value.keyId || record.n !== value.n || record.e !== value.e) {
    throw new BallotError('MALFORMED_KEY', 'keyId does not match the key');
  }
  return { record, key };
}

export function issuerKeySet(electionId: string, records: readonly IssuerKeyRecord[]): IssuerKeySet {
  return {
    type: 'openslate/issuer-keys/v1',
    electionId,
    keys: [...records].sort((a, b) => (a.keyId < b.keyId ? -1 : 1)),
  };
}

/** Builds the keyring a verifier uses from a published (untrusted) key set. */
export function createIssuerKeyring(set: unknown): Result<IssuerKeyring> {
  return attempt('MALFORMED_KEY', () => {
    if (!isRecord(set) || set.type !== 'openslate/issuer-keys/v1' || !Array.isArray(set.keys)) {
      throw new BallotError('MALFORMED_KEY', 'not an openslate/issuer-keys/v1 set');
    }
    const electionId = requireString(set.electionId, 'electionId', 'MALFORMED_KEY');
    const keys = new Map<string, IssuerKey>();
    for (const raw of set.keys) {
      const parsed = parseIssuerKey(raw);
      if (parsed.record.electionId !== electionId)
        throw new BallotError('WRONG_ELECTION', 'key of another election');
      if (keys.has(parsed.record.keyId)) throw new BallotError('MALFORMED_KEY', 'duplicate issuer key');
      keys.set(parsed.record.keyId, parsed);
    }
    return { electionId, keys };
  });
}
