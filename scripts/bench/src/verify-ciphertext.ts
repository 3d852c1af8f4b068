// Synthetic ciphertexts for the verifier's benchmark, in exactly the format of packages/ballot's hybrid encryption
// (openslate/hybrid-kem/v1: R = r·G, HKDF-SHA-256 (RFC 5869) of r·Y, XChaCha20-Poly1305, Schnorr proof with a
// 128-bit challenge), but fast: r and the proof nonce k step by one from ciphertext to ciphertext, so R, r·Y and
// k·G each cost one ristretto255 addition (libsodium) instead of a scalar multiplication. NOT secure — anyone who
// sees two ciphertexts learns r — and only for fixtures; the verifier cannot tell and does its full work.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { randomBytes } from 'node:crypto';
import {
  ciphertextContext,
  fromBase64url,
  toBase64url,
  type Ciphertext,
  type GroupBackend,
} from '@openslate/ballot';
import { canonicalBytes, type JsonValue } from '@openslate/canonical-json';

const KDF_INFO = 'openslate/hybrid-kem/v1';
const PROOF_LABEL = 'openslate/ciphertext-proof/v1';
const GROUP_NAME = 'ristretto255';
/** ℓ (RFC 9496 §4). */
const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
/** ISO/IEC 7816-4 padding bucket of packages/ballot (padding.ts). */
const BUCKET = 256;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const littleEndian = (bytes: Uint8Array): bigint => bytes.reduceRight((x, b) => (x << 8n) | BigInt(b), 0n);
const scalarBytes = (x: bigint): Uint8Array =>
  Uint8Array.from({ length: 32 }, (_, i) => Number((x >> BigInt(8 * i)) & 0xffn));

/** packages/ballot group.ts hashToChallenge: SHA-512 of 4-byte big-endian length-prefixed fields, 16 bytes LE. */
function challenge(parts: Uint8Array[]): bigint {
  const framed = [utf8(PROOF_LABEL), ...parts].flatMap((p) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, p.length);
    return [len, p];
  });
  return littleEndian(sha512(concatBytes(...framed)).subarray(0, 16));
}

function pad(plaintext: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((plaintext.length + 1) / BUCKET) * BUCKET);
  out.set(plaintext);
  out[plaintext.length] = 0x80;
  return out;
}

/** Encrypts contest choices like packages/ballot's encryptChoices, with stepping randomness (see above). */
export function steppingEncryptor(group: GroupBackend, electionId: string, electionPublicKey: string) {
  const y = fromBase64url(electionPublicKey, 'election key', 'MALFORMED_KEY');
  const g = group.baseMultiply(1n);
  let r = littleEndian(randomBytes(64)) % ORDER;
  let k = littleEndian(randomBytes(64)) % ORDER;
  let ephemeral = group.baseMultiply(r);
  let shared = group.multiply(y, r);
  let commitment = group.baseMultiply(k);
  const encryptOne = (value: JsonValue, context: Uint8Array): Ciphertext => {
    const key = hkdf(sha256, shared, undefined, concatBytes(utf8(KDF_INFO), ephemeral, y), 32);
    const nonce = new Uint8Array(randomBytes(24));
    const body = xchacha20poly1305(key, nonce, context).encrypt(pad(canonicalBytes(value)));
    const bound = concatBytes(y, sha256(context), nonce, sha256(body));
    const c = challenge([utf8(GROUP_NAME), ephemeral, commitment, bound]);
    const ciphertext: Ciphertext = {
      ephemeral: toBase64url(ephemeral),
      nonce: toBase64url(nonce),
      body: toBase64url(body),
      proof: {
        challenge: toBase64url(scalarBytes(c)),
        response: toBase64url(scalarBytes((k + c * r) % ORDER)),
      },
    };
    [r, ephemeral, shared] = [r + 1n, group.add(ephemeral, g), group.add(shared, y)];
    [k, commitment] = [k + 1n, group.add(commitment, g)];
    return ciphertext;
  };
  return (ballotKey: string, choices: Readonly<Record<string, JsonValue>>): Record<string, Ciphertext> =>
    Object.fromEntries(
      Object.entries(choices).map(([contest, value]) => [
        contest,
        encryptOne(value, ciphertextContext(electionId, electionPublicKey, ballotKey, contest)),
      ]),
    );
}
