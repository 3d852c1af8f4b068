// Shared test fixtures: one issuer key per class and a finished trustee ceremony, built once per test file.
import { randomBytes } from '@noble/hashes/utils.js';
import {
  checkElectionKey,
  createIssuerKeyring,
  createTrustee,
  dealShares,
  electionKeyRecord,
  finalizeCredential,
  generateBallotKeyPair,
  issuerKeySet,
  receiveShares,
  requestCredential,
} from '../src/index.js';
import type {
  CeremonyParameters,
  CheckedElectionKey,
  Credential,
  IssuerKeyring,
  TrusteeShare,
  Result,
} from '../src/index.js';
import { createNodeBackend, generateIssuerKey, issueBlindSignature } from '../src/node.js';
import type { IssuerSecretKey } from '../src/node.js';

export const node = createNodeBackend();

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

export interface Ceremony {
  params: CeremonyParameters;
  shares: TrusteeShare[];
  key: CheckedElectionKey;
}

export function runCeremony(electionId: string, n: number, threshold: number): Ceremony {
  const trustees = Array.from({ length: n }, (_, i) => createTrustee(electionId, i + 1, `trustee ${i + 1}`));
  const params: CeremonyParameters = {
    type: 'openslate/ceremony/v1',
    electionId,
    threshold,
    trustees: trustees.map((t) => t.announcement),
  };
  const dealt = trustees.map((t) => value(dealShares(params, t.secret)));
  const dealings = dealt.map((d) => d.dealing);
  const hashes = dealt.map((d) => d.hash);
  const shares = trustees.map((t) => value(receiveShares(params, t.secret, dealings, hashes)));
  const key = value(checkElectionKey(value(electionKeyRecord(params, dealings, hashes))));
  return { params, shares, key };
}

export interface Election {
  electionId: string;
  issuers: IssuerSecretKey[];
  keyring: IssuerKeyring;
  ceremony: Ceremony;
}

/** Election "e1" with classes: weight 1 on [board, motion], weight 3 on [board]. */
export function makeElection(electionId = 'e1'): Election {
  const issuers = [
    value(generateIssuerKey(electionId, 1, ['board', 'motion'])),
    value(generateIssuerKey(electionId, 3, ['board'])),
  ];
  const keyring = value(
    createIssuerKeyring(
      issuerKeySet(
        electionId,
        issuers.map((i) => i.record),
      ),
    ),
  );
  return { electionId, issuers, keyring, ceremony: runCeremony(electionId, 3, 2) };
}

export function credentialFor(issuer: IssuerSecretKey) {
  const keyPair = value(generateBallotKeyPair(randomBytes(32)));
  const { request, state } = value(requestCredential(issuer.record, keyPair.publicKey));
  const blindSignature = value(issueBlindSignature(issuer, request.blindedMessage));
  const credential: Credential = value(finalizeCredential(state, blindSignature));
  return { keyPair, credential };
}
