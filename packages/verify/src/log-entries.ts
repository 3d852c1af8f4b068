// The log's entries read back from its C2SP tlog-tiles entry bundles (`tile/entries/<N>[.p/<W>]`), and parsed
// as the Openslate envelope (docs/log-entries.md).
import {
  decodeBundle,
  parseEntry,
  tilePath,
  TILE_WIDTH,
  type FetchFile,
  type LogEntry,
} from '@openslate/log';

export interface ParsedEntry extends LogEntry {
  readonly index: number;
  readonly bytes: Uint8Array;
}

/** The raw entries 0..size-1 in log order. */
export async function readEntryBytes(fetch: FetchFile, size: number): Promise<Uint8Array[]> {
  const entries: Uint8Array[] = [];
  for (let start = 0; start < size; start += TILE_WIDTH) {
    const width = Math.min(TILE_WIDTH, size - start);
    const path = tilePath({ level: 'entries', index: start / TILE_WIDTH, width });
    const bundle = await fetch(path);
    if (bundle === undefined) throw new Error(`${path} is missing`);
    entries.push(...decodeBundle(bundle, width));
  }
  return entries;
}

/** Parses each entry's envelope; throws LogError (LOG_MALFORMED_ENTRY) on the first malformed one. */
export const parseEntries = (entries: readonly Uint8Array[]): ParsedEntry[] =>
  entries.map((bytes, index) => ({ ...parseEntry(bytes), index, bytes }));
