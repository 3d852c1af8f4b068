// C2SP tlog-tiles "Log entries": an entry bundle is a sequence of big-endian uint16 length-prefixed entries.
import { check } from './errors.js';

export const MAX_ENTRY_SIZE = 0xffff;

export function encodeBundle(entries: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const e of entries) {
    check(
      e.length <= MAX_ENTRY_SIZE,
      'LOG_ENTRY_TOO_LARGE',
      `an entry of ${e.length} bytes exceeds ${MAX_ENTRY_SIZE}`,
    );
    size += 2 + e.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const e of entries) {
    out[at] = e.length >>> 8;
    out[at + 1] = e.length & 0xff;
    out.set(e, at + 2);
    at += 2 + e.length;
  }
  return out;
}

/** Decodes a bundle; with `expected`, the bundle must hold exactly that many entries (LOG_BUNDLE_WRONG_COUNT). */
export function decodeBundle(bundle: Uint8Array, expected?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bundle.length) {
    check(
      at + 2 <= bundle.length,
      'LOG_TRUNCATED_BUNDLE',
      `entry ${entries.length} has a truncated length prefix`,
    );
    const length = ((bundle[at] as number) << 8) | (bundle[at + 1] as number);
    check(
      at + 2 + length <= bundle.length,
      'LOG_TRUNCATED_BUNDLE',
      `entry ${entries.length} claims ${length} bytes but only ${bundle.length - at - 2} remain`,
    );
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (expected !== undefined) {
    check(
      entries.length === expected,
      'LOG_BUNDLE_WRONG_COUNT',
      `bundle holds ${entries.length} entries, not ${expected}`,
    );
  }
  return entries;
}
