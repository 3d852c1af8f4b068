// C2SP tlog-tiles, writing side: integrating new entries into a tree of `oldSize` leaves yields exactly the
// hash tiles and entry bundles to (re)write: new full tiles, the grown partial tiles, and nothing else.
import { check, LogError } from './errors.js';
import { isCount } from './bytes.js';
import { leafHash, nodeHash, type Hash } from './hash.js';
import { lookupFrom, treeRoot, type HashLookup, type HashReader, type SubtreeId } from './hash-source.js';
import { decodeBundle, encodeBundle, MAX_ENTRY_SIZE } from './entry-bundle.js';
import { hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath } from './tile-path.js';

export interface TileFile {
  readonly path: string;
  readonly data: Uint8Array;
}

export interface Integration {
  readonly size: number;
  readonly root: Hash;
  /** Files to write, in order: hash tiles level by level, then entry bundles. */
  readonly files: TileFile[];
  /**
   * Every complete-subtree hash that did not exist at oldSize: newHashes[level][k] is subtree
   * level/(floor(oldSize / 2^level) + k). A database-backed publisher stores them to serve proofs without hashing.
   */
  readonly newHashes: readonly (readonly Hash[])[];
}

export interface IntegrationInput {
  /** Size of the tree already published (its tiles are what `hashes` reads). */
  readonly oldSize: number;
  readonly entries: readonly Uint8Array[];
  /** Complete-subtree hashes of the old tree (only those listed by integrationNeeds are asked for). */
  readonly hashes: HashLookup;
  /** The published partial entry bundle at oldSize (tile/entries/<N>.p/<oldSize mod 256>), if oldSize mod 256 > 0. */
  readonly partialBundle?: Uint8Array;
}

const count = (size: number, level: number): number => Math.floor(size / 2 ** level);

/** The old subtree hashes integrating up to `newSize` reads: the right edge of the old tree and its partial tiles. */
export function integrationNeeds(oldSize: number, newSize: number): SubtreeId[] {
  check(isCount(oldSize) && isCount(newSize) && oldSize <= newSize, 'LOG_BAD_ARGUMENT', 'sizes must grow');
  const needs = new Map<string, SubtreeId>();
  const need = (level: number, index: number): void => {
    needs.set(`${level}/${index}`, { level, index });
  };
  for (let level = 1; count(newSize, level) > 0; level++) {
    const below = count(oldSize, level - 1);
    // A new parent whose left child is old.
    if (count(newSize, level) > count(oldSize, level) && below % 2 === 1) need(level - 1, below - 1);
  }
  // The complete subtrees the new root is made of (RFC 9162 §2.1.1 split at powers of two).
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const span = 2 ** level;
    if (newSize - start >= span) {
      if (start + span <= oldSize) need(level, start / span);
      start += span;
    }
  }
  // The hashes already in the partial tiles that are rewritten wider.
  for (let tileLevel = 0; ; tileLevel++) {
    const oldCount = hashesAtTileLevel(oldSize, tileLevel);
    if (hashesAtTileLevel(newSize, tileLevel) === oldCount) break;
    for (let i = oldCount - (oldCount % TILE_WIDTH); i < oldCount; i++) need(tileLevel * TILE_HEIGHT, i);
  }
  return [...needs.values()];
}

/** Appends `entries` to the tree of `oldSize` leaves; returns the new size, root and the tile files to write. */
export function integrate(input: IntegrationInput): Integration {
  const { oldSize, entries, hashes } = input;
  check(isCount(oldSize), 'LOG_BAD_ARGUMENT', `old size ${oldSize} is not a non-negative integer`);
  const newSize = oldSize + entries.length;
  for (const e of entries) {
    check(
      e.length <= MAX_ENTRY_SIZE,
      'LOG_ENTRY_TOO_LARGE',
      `an entry of ${e.length} bytes exceeds ${MAX_ENTRY_SIZE}`,
    );
  }
  // fresh[level][i - count(oldSize, level)]: subtree hashes that did not exist at oldSize.
  const fresh: Hash[][] = [entries.map(leafHash)];
  const get: HashLookup = (level, index) => {
    const first = count(oldSize, level);
    return index >= first ? ((fresh[level] as Hash[])[index - first] as Hash) : hashes(level, index);
  };
  for (let level = 1; count(newSize, level) > 0; level++) {
    const row: Hash[] = [];
    for (let i = count(oldSize, level); i < count(newSize, level); i++) {
      row.push(nodeHash(get(level - 1, 2 * i), get(level - 1, 2 * i + 1)));
    }
    fresh.push(row);
  }
  const root = treeRoot(get, newSize);

  const files: TileFile[] = [];
  for (let tileLevel = 0; ; tileLevel++) {
    const oldCount = hashesAtTileLevel(oldSize, tileLevel);
    const newCount = hashesAtTileLevel(newSize, tileLevel);
    if (newCount === oldCount) break;
    for (let t = Math.floor(oldCount / TILE_WIDTH); t * TILE_WIDTH < newCount; t++) {
      const start = t * TILE_WIDTH;
      const end = Math.min(newCount, start + TILE_WIDTH);
      const data = new Uint8Array((end - start) * 32);
      for (let i = start; i < end; i++) data.set(get(tileLevel * TILE_HEIGHT, i), (i - start) * 32);
      files.push({ path: tilePath({ level: tileLevel, index: t, width: end - start }), data });
    }
  }
  files.push(...bundleFiles(oldSize, entries, input.partialBundle));
  return { size: newSize, root, files, newHashes: fresh };
}

function bundleFiles(
  oldSize: number,
  entries: readonly Uint8Array[],
  partialBundle?: Uint8Array,
): TileFile[] {
  const files: TileFile[] = [];
  const carried = oldSize % TILE_WIDTH;
  let pending: readonly Uint8Array[] = entries;
  if (carried > 0 && entries.length > 0) {
    if (partialBundle === undefined) {
      throw new LogError(
        'LOG_MISSING_TILE',
        `the partial entry bundle of width ${carried} is needed to extend it`,
      );
    }
    pending = [...decodeBundle(partialBundle, carried), ...entries];
  }
  const first = Math.floor(oldSize / TILE_WIDTH);
  for (let at = 0; at < pending.length; at += TILE_WIDTH) {
    const chunk = pending.slice(at, at + TILE_WIDTH);
    const path = tilePath({ level: 'entries', index: first + at / TILE_WIDTH, width: chunk.length });
    files.push({ path, data: encodeBundle(chunk) });
  }
  return files;
}

/** integrate() over a batched, possibly asynchronous hash reader (one read of integrationNeeds). */
export async function integrateFrom(
  reader: HashReader,
  input: Omit<IntegrationInput, 'hashes'>,
): Promise<Integration> {
  const ids = integrationNeeds(input.oldSize, input.oldSize + input.entries.length);
  const hashes = lookupFrom(ids, ids.length === 0 ? [] : await reader(ids));
  return integrate({ ...input, hashes });
}
