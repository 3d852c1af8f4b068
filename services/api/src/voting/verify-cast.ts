// Everything a cast needs that the database does not: the ballot's signatures (Ed25519 ballot key, RSA-PSS issuer
// credential) and ciphertext proofs (packages/ballot verifyBallot), then the bytes the batch stores: the ballot's
// `ballot.cast` log entry. A pure function of its inputs, so it runs the same on the event loop or in a worker
// thread (verify-pool.ts).
import {
  createIssuerKeyring,
  toBase64url,
  trackerCode,
  verifyBallot,
  type IssuerKeyring,
  type IssuerKeySet,
} from '@openslate/ballot';
import { createNodeBackend, loadNodeGroup } from '@openslate/ballot/node';
import { encodeEntry } from '@openslate/log';
import type { VerifiedCast } from './cast-batch.js';

/** What ballots of an election are checked against (from its voting manifest, immutable once voting opens). */
export interface CastTerms {
  readonly electionId: string;
  readonly issuerKeys: IssuerKeySet;
  readonly electionPublicKey: string;
}

/** A verified cast and its tracker code, or the caller's fault as a code and message (a 400). */
export type CastCheck =
  | { readonly ok: true; readonly cast: VerifiedCast; readonly tracker: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Checks ballots of any election; in-process or in worker threads. */
export interface CastVerifier {
  verify(terms: CastTerms, ballot: unknown): Promise<CastCheck>;
  close(): Promise<void>;
}

const backend = createNodeBackend();
// Per thread: the parsed issuer keys of each election seen (they never change once voting opens).
const keyrings = new Map<string, IssuerKeyring>();

function keyringFor(terms: CastTerms): IssuerKeyring {
  let keyring = keyrings.get(terms.electionId);
  if (!keyring) {
    const parsed = createIssuerKeyring(terms.issuerKeys);
    if (!parsed.ok) throw new Error(`stored issuer keys do not parse: ${parsed.error.message}`);
    keyring = parsed.value;
    keyrings.set(terms.electionId, keyring);
  }
  return keyring;
}

export async function checkCast(terms: CastTerms, ballot: unknown): Promise<CastCheck> {
  const { electionId } = terms;
  const verified = verifyBallot(ballot, {
    backend,
    group: await loadNodeGroup(),
    electionId,
    issuerKeys: keyringFor(terms),
    electionPublicKey: terms.electionPublicKey,
  });
  if (!verified.ok) return { ok: false, code: verified.error.code, message: verified.error.message };
  const signed = verified.value.ballot;
  return {
    ok: true,
    tracker: trackerCode(verified.value.hash),
    cast: {
      ballotKey: signed.ballotKey,
      counter: signed.counter,
      weight: verified.value.weight,
      hash: toBase64url(verified.value.hash),
      entry: encodeEntry({ type: 'ballot.cast', election: electionId, body: { ballot: signed } }),
    },
  };
}

/** Verification on the event loop (tests, the embedded demo, OPENSLATE_VERIFY_THREADS=0). */
export const inProcessVerifier: CastVerifier = {
  verify: checkCast,
  close: async () => undefined,
};
