// RFC 9474 RSABSSA-SHA384-PSS-Randomized: Prepare (§4.1), Blind (§4.2), BlindSign (§4.3), Finalize (§4.4).
// Client side on native BigInt: public exponent only (fast), so it runs in any browser without WebCrypto.
import { randomBytes } from '@noble/hashes/utils.js';
import { emsaPssEncode, SALT_LENGTH } from './emsa-pss.js';
import { concatBytes } from './encoding.js';
import { BallotError } from './errors.js';
import { i2osp, modInverse, os2ip, randomBelow } from './rsa-math.js';
import { rsavp1 } from './rsa-key.js';
import type { RsaPublicKey } from './rsa-key.js';

/** RFC 9474 §4.1: the randomized variants prefix the message with 32 random bytes. */
export const MESSAGE_PREFIX_LENGTH = 32;

/** RFC 9474 §4.1 Prepare: msg_prefix || msg. */
export function prepareMessage(prefix: Uint8Array, message: Uint8Array): Uint8Array {
  if (prefix.length !== MESSAGE_PREFIX_LENGTH)
    throw new BallotError('MALFORMED_INPUT', 'message prefix must be 32 bytes');
  return concatBytes(prefix, message);
}

export interface BlindOutput {
  readonly blindedMessage: Uint8Array;
  /** r⁻¹ mod n; secret until Finalize. */
  readonly inverse: bigint;
}

/** Fixed randomness, only for reproducing published test vectors. */
export interface BlindRandomness {
  readonly salt?: Uint8Array;
  readonly r?: bigint;
}

/** RFC 9474 §4.2 Blind. `preparedMessage` is the output of Prepare. */
export function blind(
  key: RsaPublicKey,
  preparedMessage: Uint8Array,
  fixed: BlindRandomness = {},
): BlindOutput {
  const salt = fixed.salt ?? randomBytes(SALT_LENGTH);
  const encoded = emsaPssEncode(preparedMessage, key.modulusBits - 1, salt);
  const m = os2ip(encoded);
  // §4.2 step 3: m must be invertible mod n (an m sharing a factor with n would reveal it).
  if (modInverse(m, key.n) === undefined) throw new BallotError('BLIND_SIGNING_FAILED', 'invalid input');
  const r = fixed.r ?? randomBelow(key.n);
  const inverse = modInverse(r, key.n);
  if (inverse === undefined) throw new BallotError('BLIND_SIGNING_FAILED', 'invalid blind');
  const z = (m * rsavp1(key, r)) % key.n;
  return { blindedMessage: i2osp(z, key.modulusBytes), inverse };
}

/** The issuer's raw RSA private operation (RFC 8017 §5.2.1 RSASP1) on a k-byte big-endian input. */
export type RawPrivateOperation = (input: Uint8Array) => Uint8Array;
/** The raw public operation (RSAVP1), used to check the private result. */
export type RawPublicOperation = (input: Uint8Array) => Uint8Array;

/**
 * RFC 9474 §4.3 BlindSign around a raw private operation, including the mandatory check that s^e = m
 * (a fault in the private operation, e.g. in CRT, would otherwise leak the key).
 */
export function blindSign(
  key: RsaPublicKey,
  blindedMessage: Uint8Array,
  privateOp: RawPrivateOperation,
  publicOp: RawPublicOperation = (s) => i2osp(rsavp1(key, os2ip(s)), key.modulusBytes),
): Uint8Array {
  if (blindedMessage.length !== key.modulusBytes) {
    throw new BallotError('MALFORMED_INPUT', `blinded message must be ${key.modulusBytes} bytes`);
  }
  if (os2ip(blindedMessage) >= key.n)
    throw new BallotError('MALFORMED_INPUT', 'message representative out of range');
  const s = privateOp(blindedMessage);
  const check = publicOp(s);
  if (s.length !== key.modulusBytes || check.length !== blindedMessage.length) {
    throw new BallotError('BLIND_SIGNING_FAILED', 'signing failure');
  }
  for (let i = 0; i < check.length; i++) {
    if (check[i] !== blindedMessage[i])
      throw new BallotError('BLIND_SIGNING_FAILED', 'signing failure (s^e ≠ m)');
  }
  return s;
}

/**
 * RFC 9474 §4.4 Finalize: unblind and verify as RSASSA-PSS. `verify` is the back-end's PSS verification.
 */
export function finalize(
  key: RsaPublicKey,
  preparedMessage: Uint8Array,
  blindSignature: Uint8Array,
  inverse: bigint,
  verify: (key: RsaPublicKey, message: Uint8Array, signature: Uint8Array) => boolean,
): Uint8Array {
  if (blindSignature.length !== key.modulusBytes) {
    throw new BallotError('BAD_ISSUER_SIGNATURE', `blind signature must be ${key.modulusBytes} bytes`);
  }
  const z = os2ip(blindSignature);
  if (z >= key.n) throw new BallotError('BAD_ISSUER_SIGNATURE', 'blind signature out of range');
  const signature = i2osp((z * inverse) % key.n, key.modulusBytes);
  if (!verify(key, preparedMessage, signature))
    throw new BallotError('BAD_ISSUER_SIGNATURE', 'invalid signature');
  return signature;
}
