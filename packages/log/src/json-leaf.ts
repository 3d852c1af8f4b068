// Inclusion of a JSON value in an RFC 9162 tree whose leaves are RFC 8785 canonical JSON: how a member checks
// their salted roll leaf against the roll commitment (docs/log-entries.md "The roll commitment") in a browser,
// with the proof and root as the API sends them (base64).
import { canonicalBytes } from '@openslate/canonical-json';
import { fromBase64 } from './bytes.js';
import { LogError } from './errors.js';
import { leafHash } from './hash.js';
import { verifyInclusion } from './inclusion-proof.js';

/**
 * RFC 9162 §2.1.3.2 over the leaf hash of `canonicalBytes(value)` (RFC 8785); throws LogError unless the proof
 * shows the value at `index` in the tree of `size` leaves with `root`. Key order in `value` does not matter.
 */
export function verifyJsonLeafInclusion(
  value: unknown,
  index: number,
  size: number,
  proof: readonly string[],
  root: string,
): void {
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(value);
  } catch (e) {
    throw new LogError('LOG_BAD_ARGUMENT', `the leaf is not JSON: ${(e as Error).message}`);
  }
  verifyInclusion(
    leafHash(bytes),
    index,
    size,
    proof.map((p, i) => fromBase64(p, `proof hash ${i}`)),
    fromBase64(root, 'root'),
  );
}
