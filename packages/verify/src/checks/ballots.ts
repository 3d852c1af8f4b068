// Check 3: every logged ballot carries a valid credential (RFC 9474 RSA-PSS by a published issuer key) and a
// valid ballot signature (Ed25519) — verifyBallot of packages/ballot, the API's own check; the revote rule picks
// the counted ones (resolveRevotes); no credential counts twice; per issuer key, counted ≤ issued.
import {
  createIssuerKeyring,
  resolveRevotes,
  toBase64url,
  trackerCode,
  verifyBallot,
  type BallotVerificationContext,
  type CountedBallot,
  type CryptoBackend,
} from '@openslate/ballot';
import { check, VerifyError } from '../errors.js';
import type { ElectionSequence } from './sequence.js';

export interface CheckedBallots {
  readonly counted: CountedBallot[];
  readonly superseded: CountedBallot[];
  /** Receipt (base64url SHA-256 of the canonical ballot, or its tracker code) → log index, for every logged ballot. */
  readonly receipts: ReadonlyMap<string, number>;
}

export function checkBallots(
  sequence: ElectionSequence,
  backend: CryptoBackend,
  progress: (done: number, total: number) => void,
): CheckedBallots {
  const { manifest } = sequence;
  const keyring = createIssuerKeyring(manifest.issuerKeys);
  if (!keyring.ok) throw new VerifyError('BALLOT_INVALID', `issuer keys: ${keyring.error.message}`);
  const context: BallotVerificationContext = {
    backend,
    electionId: manifest.electionId,
    issuerKeys: keyring.value,
    electionPublicKey: manifest.electionKey.publicKey,
  };
  const valid: CountedBallot[] = [];
  const receipts = new Map<string, number>();
  const credentials = new Map<string, { ballotKey: string; logIndex: number }>();
  const ballots = sequence.ballots.filter((b) => b.logIndex < sequence.sealedSize);
  for (const [i, { logIndex, ballot }] of ballots.entries()) {
    const r = verifyBallot(ballot, context);
    if (!r.ok)
      throw new VerifyError(
        'BALLOT_INVALID',
        `ballot at log index ${logIndex}: ${r.error.code}: ${r.error.message}`,
      );
    const { ballotKey, counter, credential } = r.value.ballot;
    const prior = credentials.get(credential.signature);
    check(prior === undefined || prior.ballotKey === ballotKey, 'CREDENTIAL_REUSED', () => {
      return `ballot at log index ${logIndex} reuses the credential of log index ${prior?.logIndex} under another ballot key`;
    });
    credentials.set(credential.signature, { ballotKey, logIndex });
    receipts.set(toBase64url(r.value.hash), logIndex);
    receipts.set(trackerCode(r.value.hash), logIndex);
    valid.push({ ...r.value, logIndex, ballotKey, counter });
    if ((i + 1) % 500 === 0 || i + 1 === ballots.length) progress(i + 1, ballots.length);
  }
  const { counted, superseded } = resolveRevotes(valid);
  const perKey = new Map<string, number>();
  for (const c of counted) perKey.set(c.issuerKey.keyId, (perKey.get(c.issuerKey.keyId) ?? 0) + 1);
  for (const [keyId, n] of perKey) {
    const issued = sequence.issued.get(keyId) ?? 0;
    check(
      n <= issued,
      'OVER_ISSUED',
      () => `${n} ballots counted under issuer key ${keyId}, but only ${issued} credentials issued`,
    );
  }
  return { counted, superseded, receipts };
}
