// C2SP tlog-checkpoint v1: note text "<origin>\n<size>\n<base64 root>\n[extension lines\n]".
import { check, LogError } from './errors.js';
import { fromBase64, toBase64 } from './bytes.js';
import { toHash, type Hash } from './hash.js';
import { openNote, signNote, type OpenedNote, type Signer, type Verifier } from './signed-note.js';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Hash;
  readonly extensions: readonly string[];
}

/** The checkpoint's note text (what is signed). */
export function formatCheckpoint(cp: Checkpoint): string {
  check(
    cp.origin !== '' && !cp.origin.includes('\n'),
    'LOG_MALFORMED_CHECKPOINT',
    'origin must be one non-empty line',
  );
  check(
    Number.isSafeInteger(cp.size) && cp.size >= 0,
    'LOG_MALFORMED_CHECKPOINT',
    'size must be a non-negative integer',
  );
  for (const e of cp.extensions) {
    check(
      e !== '' && !e.includes('\n'),
      'LOG_MALFORMED_CHECKPOINT',
      'extension lines must be non-empty single lines',
    );
  }
  return [cp.origin, String(cp.size), toBase64(cp.root), ...cp.extensions].map((l) => `${l}\n`).join('');
}

/** Parses checkpoint note text strictly; LOG_MALFORMED_CHECKPOINT on any deviation. */
export function parseCheckpoint(text: string): Checkpoint {
  check(text.endsWith('\n'), 'LOG_MALFORMED_CHECKPOINT', 'checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  check(lines.length >= 3, 'LOG_MALFORMED_CHECKPOINT', 'checkpoint needs origin, size and root lines');
  const [origin = '', sizeText = '', rootText = '', ...extensions] = lines;
  check(origin !== '', 'LOG_MALFORMED_CHECKPOINT', 'checkpoint origin is empty');
  // tlog-checkpoint "Note text" 2: ASCII decimal, no leading zeroes.
  check(
    /^(0|[1-9][0-9]*)$/.test(sizeText),
    'LOG_MALFORMED_CHECKPOINT',
    `tree size '${sizeText}' is not a decimal`,
  );
  const size = Number(sizeText);
  check(Number.isSafeInteger(size), 'LOG_MALFORMED_CHECKPOINT', `tree size ${sizeText} is too large`);
  let root: Hash;
  try {
    root = toHash(fromBase64(rootText, 'root hash'), 'root hash');
  } catch (e) {
    throw new LogError('LOG_MALFORMED_CHECKPOINT', `root hash: ${(e as Error).message}`);
  }
  check(
    extensions.every((e) => e !== ''),
    'LOG_MALFORMED_CHECKPOINT',
    'extension lines must be non-empty',
  );
  return { origin, size, root, extensions };
}

export function signCheckpoint(cp: Checkpoint, signers: readonly Signer[]): string {
  return signNote(formatCheckpoint(cp), signers);
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
}

/** Verifies a signed checkpoint against the log's verifier(s) and parses it; `origin`, if given, must match. */
export function openCheckpoint(
  signed: string,
  verifiers: readonly Verifier[],
  origin?: string,
): OpenedCheckpoint {
  const note = openNote(signed, verifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new LogError(
      'LOG_WRONG_ORIGIN',
      `checkpoint origin is '${checkpoint.origin}', expected '${origin}'`,
    );
  }
  return { checkpoint, note };
}
