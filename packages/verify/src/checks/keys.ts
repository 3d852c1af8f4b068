// Check 4: each trustee's revealed share (keys/trustee-<i>.json) equals the one logged and matches the Feldman
// commitments (s_i·G = Σ_k i^k·C_k, checkShareReveal); the shares reconstruct the election key (x·G = Y); every
// counted ballot decrypts. The shares are checked before check 3 runs (`prepareKeys`), so the ballots' workers can
// decrypt while they verify; a failure is held and reported here, in its place.
import {
  checkElectionKey,
  checkShareReveal,
  decryptBallot,
  reconstructElectionSecret,
  type CheckedElectionKey,
  type CountedBallot,
  type DecryptedCountedBallot,
  type ElectionSecret,
  type GroupBackend,
} from '@openslate/ballot';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import type { Decryption } from '../ballot-work.js';
import { paths } from '../bundle-format.js';
import { check, VerifyError } from '../errors.js';
import { readJson, type ReadFile } from '../files.js';
import type { ElectionSequence } from './sequence.js';

export type PreparedKeys =
  | { readonly ok: true; readonly key: CheckedElectionKey; readonly secret: ElectionSecret }
  | { readonly ok: false; readonly error: VerifyError };

async function reconstruct(read: ReadFile, sequence: ElectionSequence) {
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
  return { key: key.value, secret: secret.value };
}

/** The shares' checks and the election secret, or the failure to report at check 4. */
export async function prepareKeys(read: ReadFile, sequence: ElectionSequence): Promise<PreparedKeys> {
  try {
    return { ok: true, ...(await reconstruct(read, sequence)) };
  } catch (e) {
    const error = e instanceof VerifyError ? e : new VerifyError('BUNDLE_MALFORMED', (e as Error).message);
    return { ok: false, error };
  }
}

/** Every counted ballot's decryption (made by check 3's runner, or here if it was not), in log order. */
export function checkKeys(
  prepared: PreparedKeys,
  counted: readonly CountedBallot[],
  decryptions: ReadonlyMap<number, Decryption>,
  group: GroupBackend,
): { decrypted: DecryptedCountedBallot[]; trustees: readonly number[] } {
  if (!prepared.ok) throw prepared.error;
  const { key, secret } = prepared;
  const decrypted = counted.map((c): DecryptedCountedBallot => {
    let d = decryptions.get(c.logIndex);
    if (d === undefined) {
      const r = decryptBallot(key, secret, c.ballot, group);
      d = r.ok
        ? { ok: true, contests: r.value.contests }
        : { ok: false, error: `${r.error.code}: ${r.error.message}` };
    }
    if (!d.ok)
      throw new VerifyError(
        'BALLOT_UNDECRYPTABLE',
        `ballot at log index ${c.logIndex} does not decrypt: ${d.error}`,
      );
    return { logIndex: c.logIndex, weight: c.weight, contests: d.contests };
  });
  return { decrypted, trustees: secret.trustees };
}
