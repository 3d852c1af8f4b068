// Length hiding for encrypted choices: ISO/IEC 7816-4 padding (one 0x80 byte, then zeros) up to a bucket size,
// so a ciphertext's length does not tell how many candidates a voter ranked.
import { BallotError } from './errors.js';

/** Default bucket: plaintexts are padded to a multiple of this many bytes. */
export const PADDING_BUCKET = 256;

export function pad(plaintext: Uint8Array, bucket: number = PADDING_BUCKET): Uint8Array {
  if (!Number.isSafeInteger(bucket) || bucket < 1)
    throw new BallotError('MALFORMED_INPUT', 'bad padding bucket');
  const length = Math.ceil((plaintext.length + 1) / bucket) * bucket;
  const out = new Uint8Array(length);
  out.set(plaintext);
  out[plaintext.length] = 0x80;
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80) throw new BallotError('MALFORMED_CIPHERTEXT', 'bad padding');
  return padded.subarray(0, end);
}
