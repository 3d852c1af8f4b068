// Checks a ballot receipt in the browser, trusting nothing the server says but the log's verifier key:
// the checkpoint's signature (C2SP signed-note, tlog-checkpoint), the logged entry at the receipt's index is the
// ballot whose SHA-256 is the receipt (packages/ballot receipt.ts), and the entry's RFC 9162 inclusion proof
// (§2.1.3.2) leads to the signed root. The entry comes from the published entry bundle (C2SP tlog-tiles).
import { ballotHash, toBase64url } from '@openslate/ballot';
import {
  decodeBundle,
  fromBase64,
  leafHash,
  LogError,
  noteVerifier,
  openCheckpoint,
  parseEntry,
  tilePath,
  TILE_WIDTH,
  verifyInclusion,
} from '@openslate/log';

export interface InclusionProof {
  readonly index: number;
  readonly size: number;
  readonly proof: readonly string[];
  readonly checkpoint: string;
}

export type ReceiptCheck =
  | { readonly ok: true; readonly index: number; readonly size: number; readonly signedBy: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** The entry bundle (relative to the log's folder) that holds entry `index` of a tree of `size`. */
export function bundlePathFor(index: number, size: number): string {
  const tile = Math.floor(index / TILE_WIDTH);
  return tilePath({ level: 'entries', index: tile, width: Math.min(TILE_WIDTH, size - tile * TILE_WIDTH) });
}

export function checkReceipt(input: {
  readonly hash: string;
  readonly proof: InclusionProof;
  readonly bundle: Uint8Array;
  readonly verifierKey: string;
  readonly origin: string;
}): ReceiptCheck {
  const { proof } = input;
  try {
    const { checkpoint, note } = openCheckpoint(
      proof.checkpoint,
      [noteVerifier(input.verifierKey)],
      input.origin,
    );
    if (checkpoint.size !== proof.size)
      return fail(
        'PROOF_WRONG_SIZE',
        `the proof is for ${proof.size} entries, the checkpoint for ${checkpoint.size}`,
      );
    if (!(proof.index >= 0 && proof.index < proof.size))
      return fail('PROOF_WRONG_SIZE', `entry ${proof.index} is not in a log of ${proof.size} entries`);
    const tile = Math.floor(proof.index / TILE_WIDTH);
    const entries = decodeBundle(input.bundle, Math.min(TILE_WIDTH, proof.size - tile * TILE_WIDTH));
    const entry = entries[proof.index % TILE_WIDTH]!;
    const parsed = parseEntry(entry);
    const ballot = parsed.type === 'ballot.cast' ? (parsed.body as { ballot?: unknown }).ballot : undefined;
    if (ballot === undefined || toBase64url(ballotHash(ballot)) !== input.hash)
      return fail('NOT_THIS_BALLOT', `entry ${proof.index} of the log is not the ballot with this receipt`);
    verifyInclusion(
      leafHash(entry),
      proof.index,
      proof.size,
      proof.proof.map((p) => fromBase64(p, 'proof hash')),
      checkpoint.root,
    );
    return { ok: true, index: proof.index, size: proof.size, signedBy: note.verified[0]!.name };
  } catch (e) {
    if (e instanceof LogError) return fail(e.code, e.message);
    throw e;
  }
}

const fail = (code: string, message: string): ReceiptCheck => ({ ok: false, code, message });
