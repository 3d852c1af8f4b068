// The Openslate entry envelope: every log entry is the RFC 8785 canonical JSON of
// { "type": string, "election": string, "body": object } (entry types are listed in docs/log-entries.md).
import { canonicalBytes, canonicalize } from '@openslate/canonical-json';
import { check, LogError } from './errors.js';
import { fromUtf8 } from './bytes.js';
import { MAX_ENTRY_SIZE } from './entry-bundle.js';

export interface LogEntry {
  readonly type: string;
  readonly election: string;
  readonly body: { readonly [key: string]: unknown };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkShape(value: unknown): LogEntry {
  check(isPlainObject(value), 'LOG_MALFORMED_ENTRY', 'an entry is a JSON object');
  const keys = Object.keys(value).sort().join(',');
  check(
    keys === 'body,election,type',
    'LOG_MALFORMED_ENTRY',
    `an entry has exactly type, election and body, not ${keys}`,
  );
  const { type, election, body } = value;
  check(
    typeof type === 'string' && type !== '',
    'LOG_MALFORMED_ENTRY',
    'entry type must be a non-empty string',
  );
  check(
    typeof election === 'string' && election !== '',
    'LOG_MALFORMED_ENTRY',
    'entry election must be a non-empty string',
  );
  check(isPlainObject(body), 'LOG_MALFORMED_ENTRY', 'entry body must be a JSON object');
  return { type, election, body };
}

/** The entry's bytes: RFC 8785 canonical JSON, at most 65,535 bytes (the tlog-tiles bundle limit). */
export function encodeEntry(entry: LogEntry): Uint8Array {
  const { type, election, body } = checkShape(entry);
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes({ type, election, body });
  } catch (e) {
    throw new LogError('LOG_MALFORMED_ENTRY', `entry is not JSON: ${(e as Error).message}`);
  }
  check(
    bytes.length <= MAX_ENTRY_SIZE,
    'LOG_ENTRY_TOO_LARGE',
    `entry is ${bytes.length} bytes, above ${MAX_ENTRY_SIZE}`,
  );
  return bytes;
}

/** Parses entry bytes back, refusing invalid UTF-8, non-JSON, the wrong shape and non-canonical encodings. */
export function parseEntry(bytes: Uint8Array): LogEntry {
  const text = fromUtf8(bytes);
  check(text !== undefined, 'LOG_MALFORMED_ENTRY', 'entry is not valid UTF-8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LogError('LOG_MALFORMED_ENTRY', 'entry is not JSON');
  }
  const entry = checkShape(value);
  // RFC 8785: one value has one encoding, so anything else was not written by encodeEntry.
  check(canonicalize(entry) === text, 'LOG_MALFORMED_ENTRY', 'entry is not RFC 8785 canonical JSON');
  return entry;
}
