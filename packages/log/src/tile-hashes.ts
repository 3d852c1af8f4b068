// A hash source over C2SP tlog-tiles: the hash of any complete subtree, read from the hash tile that holds
// its leaves' level (level 0 tiles hold leaf hashes, level L tiles hash full tiles of level L-1).
import { check, LogError } from './errors.js';
import { isCount } from './bytes.js';
import { HASH_SIZE, nodeHash, type Hash } from './hash.js';
import type { HashLookup, HashReader, SubtreeId } from './hash-source.js';
import { hashesAtTileLevel, TILE_HEIGHT, TILE_WIDTH, tilePath, type TileId } from './tile-path.js';

export type ReadTile = (path: string) => Uint8Array | undefined;
export type FetchTile = (path: string) => Promise<Uint8Array | undefined>;

/** Which tile (at tree size `size`) holds subtree `level`/`index`, and where in it. */
function locate(
  size: number,
  level: number,
  index: number,
): { tile: TileId; height: number; offset: number } {
  check(isCount(level) && isCount(index), 'LOG_BAD_ARGUMENT', `bad subtree ${level}/${index}`);
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const height = level - tileLevel * TILE_HEIGHT; // levels above the tile's own hashes
  const first = index * 2 ** height;
  const count = hashesAtTileLevel(size, tileLevel);
  check(
    first + 2 ** height <= count,
    'LOG_MISSING_HASH',
    `subtree ${level}/${index} is not complete in a tree of size ${size}`,
  );
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const width = Math.min(TILE_WIDTH, count - tileIndex * TILE_WIDTH);
  return {
    tile: { level: tileLevel, index: tileIndex, width },
    height,
    offset: first - tileIndex * TILE_WIDTH,
  };
}

/** The hashes of one tile: rows[0] as stored, rows[h][i] the subtree of 2^h of them from i * 2^h. */
function tileRows(path: string, data: Uint8Array, width: number): Hash[][] {
  if (data.length !== width * HASH_SIZE) {
    throw new LogError('LOG_MALFORMED_TILE', `${path} is ${data.length} bytes, not ${width * HASH_SIZE}`);
  }
  const base: Hash[] = [];
  for (let i = 0; i < width; i++) base.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE) as Hash);
  return [base];
}

/** Hashes the rows of a tile up to `height`, once. */
function growRows(rows: Hash[][], height: number): void {
  while (rows.length <= height) {
    const below = rows[rows.length - 1] as Hash[];
    const row: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) row.push(nodeHash(below[i] as Hash, below[i + 1] as Hash));
    rows.push(row);
  }
}

/**
 * A synchronous hash source over the tiles of a tree of `size` leaves. The levels inside the most recently
 * used tiles are kept (at most `cacheTiles`, least recently used evicted), so proofs touching the same upper
 * tiles do not rehash them.
 */
export function tileHashLookup(size: number, readTile: ReadTile, cacheTiles = 64): HashLookup {
  const cache = new Map<string, Hash[][]>();
  return (level, index) => {
    const { tile, height, offset } = locate(size, level, index);
    const path = tilePath(tile);
    let rows = cache.get(path);
    if (rows !== undefined) {
      // Least recently used first: a hit moves the tile to the end.
      cache.delete(path);
      cache.set(path, rows);
    } else {
      const data = readTile(path);
      if (data === undefined) throw new LogError('LOG_MISSING_TILE', `${path} is missing`);
      rows = tileRows(path, data, tile.width);
      if (cache.size >= cacheTiles) cache.delete(cache.keys().next().value as string);
      cache.set(path, rows);
    }
    growRows(rows, height);
    return (rows[height] as Hash[])[offset / 2 ** height] as Hash;
  };
}

/** A batched reader over tiles fetched asynchronously (each needed tile fetched once, in parallel). */
export function tileHashReader(size: number, fetchTile: FetchTile): HashReader {
  return async (ids: readonly SubtreeId[]) => {
    const paths = [...new Set(ids.map((id) => tilePath(locate(size, id.level, id.index).tile)))];
    const fetched = new Map<string, Uint8Array>();
    await Promise.all(
      paths.map(async (path) => {
        const data = await fetchTile(path);
        if (data === undefined) throw new LogError('LOG_MISSING_TILE', `${path} is missing`);
        fetched.set(path, data);
      }),
    );
    const lookup = tileHashLookup(size, (path) => fetched.get(path), paths.length);
    return ids.map((id) => lookup(id.level, id.index));
  };
}
