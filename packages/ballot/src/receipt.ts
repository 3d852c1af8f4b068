// The voter's receipt: SHA-256 of the canonical signed ballot, shown as a short tracker code in RFC 4648 §6
// base32 groups. It proves nothing about the choices (they are encrypted), only that this exact ballot is logged.
import { canonicalBytes } from '@openslate/canonical-json';
import type { CryptoBackend } from './backend.js';
import { pureBackend } from './pure-backend.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function ballotHash(ballot: unknown, backend: CryptoBackend = pureBackend): Uint8Array {
  return backend.sha256(canonicalBytes(ballot));
}

/** RFC 4648 §6 base32 (no padding) of the first 15 bytes (120 bits), in six groups of four: "ABCD-EFGH-…". */
export function trackerCode(hash: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of hash.subarray(0, 15)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}
