// Check 4: each trustee's revealed share (keys/trustee-<i>.json) equals the one logged and matches the Feldman
// commitments (s_i·G = Σ_k i^k·C_k, checkShareReveal); the shares reconstruct the election key (x·G = Y); every
// counted ballot decrypts.
import {
  checkElectionKey,
  checkShareReveal,
  decryptCountedBallots,
  reconstructElectionSecret,
  type CountedBallot,
  type DecryptedCountedBallot,
} from '@openslate/ballot';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { paths } from '../bundle-format.js';
import { check, VerifyError } from '../errors.js';
import { readJson, type ReadFile } from '../files.js';
import type { ElectionSequence } from './sequence.js';

const PROGRESS_EVERY = 500;

export async function checkKeys(
  read: ReadFile,
  sequence: ElectionSequence,
  counted: readonly CountedBallot[],
  progress: (done: number, total: number) => void = () => undefined,
): Promise<{ decrypted: DecryptedCountedBallot[]; trustees: readonly number[] }> {
  const key = checkElectionKey(sequence.manifest.electionKey);
  if (!key.ok)
    throw new VerifyError('SHARE_INVALID', `election key: ${key.error.code}: ${key.error.message}`);
  const reveals: unknown[] = [];
  for (const logged of sequence.reveals) {
    const trustee = (logged as { trustee?: unknown } | null)?.trustee;
    const path = paths.reveal(typeof trustee === 'number' ? trustee : -1);
    const published = await readJson(read, path);
    const checked = checkShareReveal(key.value, published);
    if (!checked.ok) throw new VerifyError('SHARE_INVALID', `${path}: ${checked.error.message}`);
    check(canonicalize(published as JsonValue) === canonicalize(logged as JsonValue), 'KEYS_MISMATCH', () => {
      return `${path} differs from the reveal in the log`;
    });
    reveals.push(published);
  }
  const secret = reconstructElectionSecret(key.value, reveals);
  if (!secret.ok)
    throw new VerifyError(
      'KEY_NOT_RECONSTRUCTED',
      `${reveals.length} key shares published, ${key.value.record.threshold} needed: ${secret.error.message}`,
    );
  const decrypted: DecryptedCountedBallot[] = [];
  for (let start = 0; start < counted.length; start += PROGRESS_EVERY) {
    const chunk = decryptCountedBallots(
      key.value,
      secret.value,
      counted.slice(start, start + PROGRESS_EVERY),
    );
    const first = chunk.failed[0];
    if (first)
      throw new VerifyError(
        'BALLOT_UNDECRYPTABLE',
        `ballot at log index ${first.logIndex} does not decrypt: ${first.error.code}: ${first.error.message}`,
      );
    decrypted.push(...chunk.decrypted);
    progress(decrypted.length, counted.length);
  }
  return { decrypted, trustees: secret.value.trustees };
}
