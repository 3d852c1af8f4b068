// Encrypted choices, one ciphertext per contest. Plaintext: the canonical JSON (RFC 8785) of that contest's
// value — any JSON, e.g. { "ranking": ["c3", "c1"] } for STV or { "choices": ["yes"] } — padded (padding.ts).
// The ciphertext context names group, election, election key, the credential's ballot key and the contest.
import { canonicalBytes, canonicalize } from '@openslate/canonical-json';
import type { JsonValue } from '@openslate/canonical-json';
import { decodePoint, GROUP_NAME } from './group.js';
import type { GroupElement } from './group.js';
import { pureGroup } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import { decrypt, encrypt, verifyCiphertext } from './hybrid-encryption.js';
import type { Ciphertext } from './hybrid-encryption.js';
import { pad, unpad } from './padding.js';
import { BallotError } from './errors.js';

export type ContestChoices = Readonly<Record<string, JsonValue>>;
export type EncryptedChoices = Readonly<Record<string, Ciphertext>>;

export function ciphertextContext(
  electionId: string,
  electionPublicKey: string,
  ballotKey: string,
  contestId: string,
): Uint8Array {
  return canonicalBytes({
    type: 'openslate/ballot-ciphertext/v1',
    group: GROUP_NAME,
    electionId,
    electionPublicKey,
    ballotKey,
    contestId,
  });
}

// One election key is checked against thousands of ballots: remember the last one decoded.
let lastKey: { text: string; point: GroupElement } | undefined;

export function parseElectionPublicKey(text: unknown): GroupElement {
  if (lastKey !== undefined && lastKey.text === text) return lastKey.point;
  const point = decodePoint(text, 'election public key', 'MALFORMED_KEY');
  lastKey = { text: text as string, point };
  return point;
}

export function encryptChoices(
  electionId: string,
  electionPublicKey: string,
  ballotKey: string,
  choices: ContestChoices,
  paddingBucket?: number,
): EncryptedChoices {
  const y = parseElectionPublicKey(electionPublicKey);
  const out: Record<string, Ciphertext> = {};
  for (const [contestId, value] of Object.entries(choices)) {
    const context = ciphertextContext(electionId, electionPublicKey, ballotKey, contestId);
    out[contestId] = encrypt(y, pad(canonicalBytes(value), paddingBucket), context);
  }
  return out;
}

/** Checks every contest's proof (MALFORMED_CIPHERTEXT / REPLAYED_CIPHERTEXT). */
export function checkEncryptedChoices(
  electionId: string,
  electionPublicKey: string,
  ballotKey: string,
  contests: Readonly<Record<string, unknown>>,
  group: GroupBackend = pureGroup,
): void {
  const y = parseElectionPublicKey(electionPublicKey);
  for (const [contestId, ciphertext] of Object.entries(contests)) {
    const context = ciphertextContext(electionId, electionPublicKey, ballotKey, contestId);
    verifyCiphertext(y, ciphertext, context, group);
  }
}

/** After the close, with the reconstructed election secret: the plaintext choices of each contest. */
export function decryptChoices(
  electionId: string,
  electionPublicKey: string,
  electionSecret: bigint,
  ballotKey: string,
  contests: Readonly<Record<string, unknown>>,
  group: GroupBackend = pureGroup,
): Record<string, JsonValue> {
  const y = parseElectionPublicKey(electionPublicKey);
  const out: Record<string, JsonValue> = {};
  for (const [contestId, ciphertext] of Object.entries(contests)) {
    const context = ciphertextContext(electionId, electionPublicKey, ballotKey, contestId);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      unpad(decrypt(electionSecret, y, ciphertext, context, group)),
    );
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch {
      throw new BallotError('MALFORMED_CIPHERTEXT', `contest ${contestId}: plaintext is not JSON`);
    }
    if (canonicalize(value) !== text) {
      throw new BallotError('MALFORMED_CIPHERTEXT', `contest ${contestId}: plaintext is not canonical JSON`);
    }
    out[contestId] = value;
  }
  return out;
}
