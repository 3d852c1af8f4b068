// Verifies a published C2SP tlog-tiles log end to end: the checkpoint signature, the root rebuilt from every
// entry bundle, and every hash tile compared with the recomputed one. Reports the first problem as a value.
import { asLogError, LogError } from './errors.js';
import { equalBytes, toBase64 } from './bytes.js';
import type { Hash } from './hash.js';
import { openCheckpoint, type Checkpoint } from './checkpoint.js';
import { noteVerifier, type Verifier } from './signed-note.js';
import type { PublicKeyInfo } from './note-keys.js';
import { decodeBundle } from './entry-bundle.js';
import { tileHashLookup } from './tile-hashes.js';
import { integrate } from './tile-writer.js';
import { tilePath, tilesForSize, TILE_WIDTH } from './tile-path.js';

/** Fetches a file of the publication by its path (`tile/0/000`); undefined when it does not exist. */
export type FetchFile = (path: string) => Promise<Uint8Array | undefined>;

export interface VerifyLogInput {
  /** The signed checkpoint text. */
  readonly checkpoint: string;
  /** The log's verifier key (string or parsed) or verifiers. */
  readonly verifierKey: string | PublicKeyInfo | readonly Verifier[];
  readonly fetch: FetchFile;
  /** If given, the checkpoint origin must be this. */
  readonly origin?: string;
}

export type VerifyLogResult =
  | { readonly ok: true; readonly size: number; readonly root: Hash; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly error: LogError };

async function fetchRequired(fetch: FetchFile, path: string): Promise<Uint8Array> {
  let data: Uint8Array | undefined;
  try {
    data = await fetch(path);
  } catch (e) {
    throw new LogError('LOG_MISSING_TILE', `${path} could not be fetched: ${(e as Error).message}`);
  }
  if (data === undefined) throw new LogError('LOG_MISSING_TILE', `${path} is missing`);
  return data;
}

export async function verifyPublishedLog(input: VerifyLogInput): Promise<VerifyLogResult> {
  try {
    const verifiers = Array.isArray(input.verifierKey)
      ? (input.verifierKey as readonly Verifier[])
      : [noteVerifier(input.verifierKey as string | PublicKeyInfo)];
    const { checkpoint } = openCheckpoint(input.checkpoint, verifiers, input.origin);
    const { size } = checkpoint;

    // Rebuild the tree bundle by bundle through the tile writer, keeping the tiles it writes.
    const computed = new Map<string, Uint8Array>();
    let built = 0;
    let root: Hash | undefined;
    while (built < size || root === undefined) {
      const width = Math.min(TILE_WIDTH, size - built);
      const entries =
        width === 0
          ? []
          : decodeBundle(
              await fetchRequired(
                input.fetch,
                tilePath({ level: 'entries', index: built / TILE_WIDTH, width }),
              ),
              width,
            );
      const step = integrate({
        oldSize: built,
        entries,
        hashes: tileHashLookup(built, (p) => computed.get(p)),
      });
      for (const f of step.files) computed.set(f.path, f.data);
      built = step.size;
      root = step.root;
    }
    if (!equalBytes(root, checkpoint.root)) {
      throw new LogError(
        'LOG_ROOT_MISMATCH',
        `the entries give root ${toBase64(root)}, the checkpoint says ${toBase64(checkpoint.root)}`,
      );
    }
    for (const tile of tilesForSize(size)) {
      if (tile.level === 'entries') continue;
      const path = tilePath(tile);
      const published = await fetchRequired(input.fetch, path);
      if (!equalBytes(published, computed.get(path) ?? new Uint8Array(0))) {
        throw new LogError('LOG_TILE_MISMATCH', `${path} does not match the hashes of the entries`);
      }
    }
    return { ok: true, size, root, checkpoint };
  } catch (e) {
    return { ok: false, error: asLogError(e, 'LOG_UNEXPECTED') };
  }
}
