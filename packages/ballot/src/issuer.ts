// Node-only issuer side: per-class RSA key generation and RFC 9474 §4.3 BlindSign with node:crypto's raw
// private operation (privateDecrypt, RSA_NO_PADDING), checked with the raw public operation (s^e = m).
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { blindSign } from './blind-rsa.js';
import { fromBase64url, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import { issuerKeyRecord } from './issuer-keys.js';
import type { IssuerKeyRecord } from './issuer-keys.js';
import { MIN_MODULUS_BITS, parseRsaPublicKey } from './rsa-key.js';
import type { RsaPublicKey } from './rsa-key.js';

export interface IssuerSecretKey {
  readonly record: IssuerKeyRecord;
  readonly key: RsaPublicKey;
  readonly privateKey: KeyObject;
  readonly publicKeyObject: KeyObject;
}

function fromKeyObjects(
  electionId: string,
  weight: number,
  contests: readonly string[],
  privateKey: KeyObject,
): IssuerSecretKey {
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new BallotError('MALFORMED_KEY', 'issuer key must be RSA');
  const publicKeyObject = createPublicKey(privateKey);
  const jwk = publicKeyObject.export({ format: 'jwk' });
  const key = parseRsaPublicKey(jwk.n, jwk.e);
  return { record: issuerKeyRecord(electionId, weight, contests, key), key, privateKey, publicKeyObject };
}

/** A fresh issuer key for one class of one election (e = 65537); MALFORMED_KEY below 2048 bits. */
export function generateIssuerKey(
  electionId: string,
  weight: number,
  contests: readonly string[],
  modulusBits: number = MIN_MODULUS_BITS,
): Result<IssuerSecretKey> {
  return attempt('MALFORMED_KEY', () => {
    if (!Number.isSafeInteger(modulusBits) || modulusBits < MIN_MODULUS_BITS) {
      throw new BallotError('MALFORMED_KEY', `issuer keys need at least ${MIN_MODULUS_BITS} bits`);
    }
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: modulusBits, publicExponent: 65537 });
    return fromKeyObjects(electionId, weight, contests, privateKey);
  });
}

/** Serialises the private key (PKCS #8 PEM) for the API's secret store. */
export const exportIssuerSecretKey = (issuer: IssuerSecretKey): string =>
  issuer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

export function importIssuerSecretKey(
  electionId: string,
  weight: number,
  contests: readonly string[],
  pkcs8Pem: string,
): Result<IssuerSecretKey> {
  return attempt('MALFORMED_KEY', () =>
    fromKeyObjects(electionId, weight, contests, createPrivateKey(pkcs8Pem)),
  );
}

/**
 * Server: RFC 9474 §4.3 BlindSign of a base64url blinded message. The API must issue at most one credential per
 * member and election, and must not log which member received which blinded message's answer.
 */
export function issueBlindSignature(issuer: IssuerSecretKey, blindedMessage: string): Result<string> {
  return attempt('BLIND_SIGNING_FAILED', () => {
    const input = fromBase64url(blindedMessage, 'blinded message', 'MALFORMED_INPUT');
    const raw = (key: KeyObject, op: typeof privateDecrypt) => (x: Uint8Array) =>
      new Uint8Array(op({ key, padding: constants.RSA_NO_PADDING }, x));
    const s = blindSign(
      issuer.key,
      input,
      raw(issuer.privateKey, privateDecrypt),
      raw(issuer.publicKeyObject, publicEncrypt),
    );
    return toBase64url(s);
  });
}
