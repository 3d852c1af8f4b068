// C2SP signed-note v1: "<text ending in \n>\n— <key name> <base64(key ID || signature)>\n..." with Ed25519 signatures.
import { ed25519 } from '@noble/curves/ed25519.js';
import { check, LogError } from './errors.js';
import { concat, fromBase64, hasControlCharacter, toBase64, uint32, uint32Bytes, utf8 } from './bytes.js';
import {
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
  SIG_ED25519,
  type PrivateKeyInfo,
  type PublicKeyInfo,
} from './note-keys.js';

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The signed text, including its final newline. */
  readonly text: string;
  readonly signatures: NoteSignature[];
}

/** Checks signatures made by one key; `verify` gets the note text bytes and the signature after the key ID. */
export interface Verifier {
  readonly name: string;
  readonly keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface Signer {
  readonly name: string;
  readonly keyId: number;
  sign(message: Uint8Array): Uint8Array;
}

const DASH = '\u2014';
// signed-note "Verifiers SHOULD apply a maximum limit to the number of signatures ... MUST accept at least up to 16".
export const MAX_SIGNATURES = 100;

/** Parses a signed note without checking signatures; LOG_MALFORMED_NOTE if it does not follow the format. */
export function parseNote(message: string): Note {
  // signed-note "Format": no ASCII control characters other than newline.
  check(!hasControlCharacter(message), 'LOG_MALFORMED_NOTE', 'note contains a control character');
  const split = message.lastIndexOf('\n\n');
  check(split >= 0, 'LOG_MALFORMED_NOTE', 'note has no blank line before its signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  check(
    block.length > 0 && block.endsWith('\n'),
    'LOG_MALFORMED_NOTE',
    'note signatures must end with a newline',
  );
  const lines = block.slice(0, -1).split('\n');
  check(
    lines.length <= MAX_SIGNATURES,
    'LOG_MALFORMED_NOTE',
    `note has more than ${MAX_SIGNATURES} signatures`,
  );
  const signatures = lines.map((line, i) => parseSignatureLine(line, i));
  return { text, signatures };
}

function parseSignatureLine(line: string, i: number): NoteSignature {
  check(
    line.startsWith(`${DASH} `),
    'LOG_MALFORMED_NOTE',
    `signature line ${i + 1} does not start with '— '`,
  );
  const rest = line.slice(2);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const b64 = space < 0 ? '' : rest.slice(space + 1);
  check(isValidKeyName(name), 'LOG_MALFORMED_NOTE', `signature line ${i + 1} has an invalid key name`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(b64, 'signature');
  } catch {
    throw new LogError('LOG_MALFORMED_NOTE', `signature line ${i + 1} is not base64`);
  }
  check(bytes.length >= 5, 'LOG_MALFORMED_NOTE', `signature line ${i + 1} is too short`);
  return { name, keyId: uint32(bytes), signature: bytes.subarray(4) };
}

export function formatSignatureLine(sig: NoteSignature): string {
  return `${DASH} ${sig.name} ${toBase64(concat(uint32Bytes(sig.keyId), sig.signature))}\n`;
}

export function formatNote(note: Note): string {
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}

export interface OpenedNote extends Note {
  /** Signatures by the given verifiers, all checked. */
  readonly verified: NoteSignature[];
}

/**
 * Parses a note and checks it against the known verifiers (signed-note "Signatures"): unknown signatures are
 * ignored, a bad signature by a known key is LOG_BAD_SIGNATURE, and no known signature at all is LOG_UNKNOWN_KEY.
 */
export function openNote(message: string, verifiers: readonly Verifier[]): OpenedNote {
  const note = parseNote(message);
  const textBytes = utf8(note.text);
  const verified: NoteSignature[] = [];
  for (const sig of note.signatures) {
    const v = verifiers.find((x) => x.name === sig.name && x.keyId === sig.keyId);
    if (v === undefined || verified.some((x) => x.name === sig.name && x.keyId === sig.keyId)) continue;
    if (!v.verify(textBytes, sig.signature)) {
      throw new LogError('LOG_BAD_SIGNATURE', `the signature by ${sig.name} does not verify`);
    }
    verified.push(sig);
  }
  if (verified.length === 0) {
    const names = verifiers.map((v) => v.name).join(', ');
    throw new LogError('LOG_UNKNOWN_KEY', `the note carries no signature by a known key (${names})`);
  }
  return { ...note, verified };
}

/** Signs `text` (which must end in a newline) with each signer, after any signatures already given. */
export function signNote(
  text: string,
  signers: readonly Signer[],
  existing: readonly NoteSignature[] = [],
): string {
  check(text.endsWith('\n'), 'LOG_MALFORMED_NOTE', 'note text must end with a newline');
  check(!hasControlCharacter(text), 'LOG_MALFORMED_NOTE', 'note text contains a control character');
  const bytes = utf8(text);
  const fresh = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(bytes) }));
  const kept = existing.filter((e) => !fresh.some((f) => f.name === e.name && f.keyId === e.keyId));
  return formatNote({ text, signatures: [...kept, ...fresh] });
}

/** Parses a verifier key and checks it is of signature `type`. */
export function verifierKeyOfType(key: string | PublicKeyInfo, type: number): PublicKeyInfo {
  const info = typeof key === 'string' ? parseVerifierKey(key) : key;
  check(
    info.type === type,
    'LOG_MALFORMED_KEY',
    `key ${info.name} has signature type ${info.type}, not ${type}`,
  );
  return info;
}

// signed-note "Ed25519 signatures": RFC 8032 over the note text. Strict RFC 8032 decoding (no ZIP-215 leniency).
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** A verifier for Ed25519 note signatures (type 0x01) from a verifier key string. */
export function noteVerifier(vkey: string | PublicKeyInfo): Verifier {
  const info = verifierKeyOfType(vkey, SIG_ED25519);
  return {
    name: info.name,
    keyId: info.keyId,
    verify: (message, signature) => ed25519Verify(info.publicKey, message, signature),
  };
}

/** A signer for Ed25519 note signatures from a `PRIVATE+KEY+...` string. */
export function noteSigner(skey: string | PrivateKeyInfo): Signer {
  const info = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  check(info.type === SIG_ED25519, 'LOG_MALFORMED_KEY', `key ${info.name} is not an Ed25519 note key`);
  return { name: info.name, keyId: info.keyId, sign: (message) => ed25519.sign(message, info.seed) };
}
