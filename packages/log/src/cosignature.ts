// C2SP tlog-cosignature v1, Ed25519 type 0x04: a witness signs "cosignature/v1\ntime <t>\n" + checkpoint text;
// the note signature is key ID || uint64 big-endian timestamp || 64-byte Ed25519 signature.
import { ed25519 } from '@noble/curves/ed25519.js';
import { check } from './errors.js';
import { concat, readUint64, uint64Bytes, utf8 } from './bytes.js';
import { parseSignerKey, SIG_COSIGNATURE_V1, type PrivateKeyInfo, type PublicKeyInfo } from './note-keys.js';
import {
  ed25519Verify,
  formatSignatureLine,
  verifierKeyOfType,
  type NoteSignature,
  type Signer,
  type Verifier,
} from './signed-note.js';

const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** tlog-cosignature "Ed25519 signed message". */
export function cosignedMessage(checkpointText: Uint8Array, timestamp: bigint): Uint8Array {
  check(timestamp >= 0n && timestamp <= MAX_TIMESTAMP, 'LOG_MALFORMED_COSIGNATURE', 'timestamp out of range');
  return concat(utf8(`cosignature/v1\ntime ${timestamp}\n`), checkpointText);
}

/** A witness verifier (pluggable into openNote) from a type 0x04 verifier key. */
export function cosignatureVerifier(vkey: string | PublicKeyInfo): Verifier {
  const info = verifierKeyOfType(vkey, SIG_COSIGNATURE_V1);
  return {
    name: info.name,
    keyId: info.keyId,
    verify: (message, signature) =>
      signature.length === 72 &&
      ed25519Verify(info.publicKey, cosignedMessage(message, readUint64(signature)), signature.subarray(8)),
  };
}

/** A witness signer from a `PRIVATE+KEY+<name>+<hex8>+<base64(0x04 || seed)>` key; `now` gives POSIX seconds. */
export function cosigner(skey: string | PrivateKeyInfo, now: () => bigint): Signer {
  const info = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  check(
    info.type === SIG_COSIGNATURE_V1,
    'LOG_MALFORMED_KEY',
    `key ${info.name} is not a cosignature (0x04) key`,
  );
  return {
    name: info.name,
    keyId: info.keyId,
    sign: (message) => {
      const t = now();
      return concat(uint64Bytes(t), ed25519.sign(cosignedMessage(message, t), info.seed));
    },
  };
}

/** Cosigns checkpoint text: returns the signature line "— <name> <base64>\n" to append to the checkpoint. */
export function cosignCheckpoint(checkpointText: string, signer: Signer): string {
  check(checkpointText.endsWith('\n'), 'LOG_MALFORMED_CHECKPOINT', 'checkpoint text must end with a newline');
  const sig: NoteSignature = {
    name: signer.name,
    keyId: signer.keyId,
    signature: signer.sign(utf8(checkpointText)),
  };
  return formatSignatureLine(sig);
}

/** The timestamp inside a cosignature (after the key ID). */
export function cosignatureTime(sig: NoteSignature): bigint {
  check(sig.signature.length === 72, 'LOG_MALFORMED_COSIGNATURE', 'an Ed25519 cosignature is 72 bytes');
  return readUint64(sig.signature);
}
