// C2SP tlog-tiles: tile coordinates and their paths `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`.
import { check } from './errors.js';
import { isCount } from './bytes.js';

/** tlog-tiles: tiles are 8 levels high, so a full tile holds 256 hashes (8,192 bytes). */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A hash tile (level 0..63) or, with level 'entries', an entry bundle; width 1..256 (256 = full). */
export interface TileId {
  readonly level: number | 'entries';
  readonly index: number;
  readonly width: number;
}

// tlog-tiles "Merkle Tree": N in zero-padded 3-digit elements, all but the last prefixed with x (1234067 -> x001/x234/067).
export function encodeTileIndex(n: number): string {
  check(isCount(n), 'LOG_BAD_ARGUMENT', `tile index ${n} is not a non-negative integer`);
  let digits = String(n);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/.{3}/g) ?? [];
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** The path of a tile or entry bundle. */
export function tilePath(tile: TileId): string {
  const { level, index, width } = tile;
  check(
    level === 'entries' || (Number.isInteger(level) && level >= 0 && level <= 63),
    'LOG_BAD_ARGUMENT',
    `tile level ${String(level)} is not 0..63`,
  );
  check(
    Number.isInteger(width) && width >= 1 && width <= TILE_WIDTH,
    'LOG_BAD_ARGUMENT',
    `tile width ${width} is not 1..256`,
  );
  const suffix = width === TILE_WIDTH ? '' : `.p/${width}`;
  return `tile/${level}/${encodeTileIndex(index)}${suffix}`;
}

const PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses a tile path strictly (canonical index, level 0..63, width 1..255); LOG_MALFORMED_TILE_PATH otherwise. */
export function parseTilePath(path: string): TileId {
  const m = PATH.exec(path);
  check(m !== null, 'LOG_MALFORMED_TILE_PATH', `'${path}' is not a tlog-tiles path`);
  const [, levelText = '', indexText = '', widthText] = m;
  const level = levelText === 'entries' ? 'entries' : Number(levelText);
  check(level === 'entries' || level <= 63, 'LOG_MALFORMED_TILE_PATH', `'${path}': level above 63`);
  const index = Number(indexText.replace(/x|\//g, ''));
  check(Number.isSafeInteger(index), 'LOG_MALFORMED_TILE_PATH', `'${path}': index too large`);
  check(
    encodeTileIndex(index) === indexText,
    'LOG_MALFORMED_TILE_PATH',
    `'${path}': index is not canonically encoded`,
  );
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  check(
    width < TILE_WIDTH || widthText === undefined,
    'LOG_MALFORMED_TILE_PATH',
    `'${path}': partial width above 255`,
  );
  return { level, index, width };
}

/** tlog-tiles "Partial Tiles": how many hashes of tree level `level` (in tiles) exist in a tree of `size` leaves. */
export function hashesAtTileLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** Every hash tile and entry bundle that must be served for a tree of `size` leaves. */
export function tilesForSize(size: number): TileId[] {
  const tiles: TileId[] = [];
  for (let level = 0; ; level++) {
    const count = hashesAtTileLevel(size, level);
    if (count === 0) break;
    tiles.push(...tileRow(level, count));
    if (level === 0) tiles.push(...tileRow('entries', count));
  }
  return tiles;
}

function tileRow(level: number | 'entries', count: number): TileId[] {
  const row: TileId[] = [];
  for (let index = 0; index * TILE_WIDTH < count; index++) {
    row.push({ level, index, width: Math.min(TILE_WIDTH, count - index * TILE_WIDTH) });
  }
  return row;
}
