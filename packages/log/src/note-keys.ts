// C2SP signed-note keys: key IDs, verifier keys `<name>+<hex8>+<base64(type || pk)>` and the signer keys Go's
// golang.org/x/mod/sumdb/note writes, `PRIVATE+KEY+<name>+<hex8>+<base64(type || seed)>`.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { check, LogError } from './errors.js';
import { concat, fromBase64, hasControlCharacter, toBase64, uint32, utf8 } from './bytes.js';

/** signed-note "Signature types": 0x01 Ed25519 note signatures, 0x04 timestamped Ed25519 cosignatures. */
export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;
export type SignatureType = typeof SIG_ED25519 | typeof SIG_COSIGNATURE_V1;

export interface PublicKeyInfo {
  readonly name: string;
  readonly type: SignatureType;
  /** uint32 key ID. */
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

export interface PrivateKeyInfo extends PublicKeyInfo {
  readonly seed: Uint8Array;
}

// signed-note "Format": key names are non-empty, without Unicode spaces or '+'.
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasControlCharacter(name);
}

// signed-note "Signatures": key ID = SHA-256(key name || 0x0A || signature type || public key)[:4].
export function keyId(name: string, type: number, publicKey: Uint8Array): number {
  return uint32(sha256(concat(utf8(name), Uint8Array.of(0x0a, type), publicKey)));
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

function keyFrom(name: string, material: Uint8Array, what: string): { type: SignatureType; key: Uint8Array } {
  const type = material[0];
  check(
    type === SIG_ED25519 || type === SIG_COSIGNATURE_V1,
    'LOG_MALFORMED_KEY',
    `${what} for ${name} has unknown signature type ${String(type)}`,
  );
  check(material.length === 33, 'LOG_MALFORMED_KEY', `${what} for ${name} is not a 32-byte Ed25519 key`);
  return { type, key: material.subarray(1) };
}

function splitKey(text: string, parts: number, what: string): string[] {
  const fields = text.split('+');
  // The base64 field may itself contain '+': rejoin everything after the fixed fields.
  const head = fields.slice(0, parts - 1);
  const tail = fields.slice(parts - 1).join('+');
  check(
    fields.length >= parts && tail !== '',
    'LOG_MALFORMED_KEY',
    `${what} must have ${parts} '+'-separated fields`,
  );
  return [...head, tail];
}

function decodeKeyFields(
  name: string,
  idHex: string,
  b64: string,
  what: string,
): { id: number; material: Uint8Array } {
  check(isValidKeyName(name), 'LOG_MALFORMED_KEY', `${what} has an invalid key name '${name}'`);
  check(/^[0-9a-f]{8}$/i.test(idHex), 'LOG_MALFORMED_KEY', `${what} key ID '${idHex}' is not 8 hex digits`);
  let material: Uint8Array;
  try {
    material = fromBase64(b64, `${what} key`);
  } catch {
    throw new LogError('LOG_MALFORMED_KEY', `${what} for ${name} is not base64`);
  }
  return { id: parseInt(idHex, 16), material };
}

/** Parses a verifier key string `<name>+<hex8>+<base64(type || 32-byte public key)>`. */
export function parseVerifierKey(vkey: string): PublicKeyInfo {
  const [name = '', idHex = '', b64 = ''] = splitKey(vkey, 3, 'verifier key');
  const { id, material } = decodeKeyFields(name, idHex, b64, 'verifier key');
  const { type, key } = keyFrom(name, material, 'verifier key');
  check(
    keyId(name, type, key) === id,
    'LOG_MALFORMED_KEY',
    `verifier key ID ${idHex} does not match the key for ${name}`,
  );
  return { name, type, keyId: id, publicKey: key };
}

/** Parses a signer key string `PRIVATE+KEY+<name>+<hex8>+<base64(type || 32-byte seed)>`. */
export function parseSignerKey(skey: string): PrivateKeyInfo {
  const [p1, p2, name = '', idHex = '', b64 = ''] = splitKey(skey, 5, 'signer key');
  check(p1 === 'PRIVATE' && p2 === 'KEY', 'LOG_MALFORMED_KEY', "signer key must start with 'PRIVATE+KEY+'");
  const { id, material } = decodeKeyFields(name, idHex, b64, 'signer key');
  const { type, key: seed } = keyFrom(name, material, 'signer key');
  const publicKey = ed25519.getPublicKey(seed);
  check(
    keyId(name, type, publicKey) === id,
    'LOG_MALFORMED_KEY',
    `signer key ID ${idHex} does not match the key for ${name}`,
  );
  return { name, type, keyId: id, publicKey, seed };
}

export function formatVerifierKey(key: PublicKeyInfo): string {
  return `${key.name}+${hex8(key.keyId)}+${toBase64(concat(Uint8Array.of(key.type), key.publicKey))}`;
}

export function formatSignerKey(key: PrivateKeyInfo): string {
  return `PRIVATE+KEY+${key.name}+${hex8(key.keyId)}+${toBase64(concat(Uint8Array.of(key.type), key.seed))}`;
}

/** A new Ed25519 key pair as strings; `seed` (32 bytes) only for reproducible tests. */
export function generateKey(
  name: string,
  type: SignatureType = SIG_ED25519,
  seed: Uint8Array = ed25519.utils.randomSecretKey(),
): { signerKey: string; verifierKey: string } {
  check(isValidKeyName(name), 'LOG_MALFORMED_KEY', `'${name}' is not a valid key name (no spaces or '+')`);
  check(seed.length === 32, 'LOG_MALFORMED_KEY', 'an Ed25519 seed is 32 bytes');
  const publicKey = ed25519.getPublicKey(seed);
  const info: PrivateKeyInfo = { name, type, keyId: keyId(name, type, publicKey), publicKey, seed };
  return { signerKey: formatSignerKey(info), verifierKey: formatVerifierKey(info) };
}
