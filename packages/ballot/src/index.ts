// @openslate/ballot: secret yet verifiable ballots (docs/protocol.md). Pure functions, browser and Node.
// Node-only parts (node:crypto back-end, issuer key generation and blind signing): '@openslate/ballot/node'.
export { BallotError, attempt } from './errors.js';
export type { BallotErrorCode, Result } from './errors.js';
export { toBase64url, fromBase64url } from './encoding.js';
export { verifyEd25519 } from './backend.js';
export type { CryptoBackend, Ed25519Verdict } from './backend.js';
export { pureBackend } from './pure-backend.js';
export { pureGroup } from './group-backend.js';
export type { GroupBackend } from './group-backend.js';
export { checkEd25519Encoding } from './ed25519-strict.js';
export { parseRsaPublicKey, MIN_MODULUS_BITS } from './rsa-key.js';
export type { RsaPublicKey } from './rsa-key.js';
export { prepareMessage, blind, blindSign, finalize } from './blind-rsa.js';
export {
  issuerKeyRecord,
  issuerKeySet,
  parseIssuerKey,
  createIssuerKeyring,
  ISSUER_SUITE,
} from './issuer-keys.js';
export type { IssuerKey, IssuerKeyRecord, IssuerKeySet, IssuerKeyring } from './issuer-keys.js';
export { credentialMessage, requestCredential, finalizeCredential, verifyCredential } from './credential.js';
export type { Credential, CredentialRequest, CredentialRequestState } from './credential.js';
export { encryptChoices, decryptChoices, checkEncryptedChoices, ciphertextContext } from './choices.js';
export type { ContestChoices, EncryptedChoices } from './choices.js';
export type { Ciphertext } from './hybrid-encryption.js';
export { createBallot, verifyBallot, generateBallotKeyPair, BALLOT_TYPE } from './signed-ballot.js';
export type {
  BallotBody,
  BallotInput,
  BallotKeyPair,
  BallotVerificationContext,
  SignedBallot,
  VerifiedBallot,
} from './signed-ballot.js';
export { ballotHash, trackerCode } from './receipt.js';
export { resolveRevotes } from './revote.js';
export type { RevoteEntry, RevoteOutcome } from './revote.js';
export { signRecordedVote, verifyRecordedVote, RECORDED_VOTE_TYPE } from './recorded-vote.js';
export type { RecordedVote, RecordedVoteBody } from './recorded-vote.js';
export {
  createTrustee,
  checkCeremonyParameters,
  checkAnnouncement,
  dealShares,
  hashDealing,
  receiveShares,
  electionKeyRecord,
  checkElectionKey,
  complainAboutShare,
  judgeComplaint,
  MIN_TRUSTEES,
  MAX_TRUSTEES,
} from './key-ceremony.js';
export type {
  CeremonyParameters,
  CheckedElectionKey,
  Dealing,
  DealingHash,
  ElectionKeyRecord,
  ShareComplaint,
  TrusteeAnnouncement,
  TrusteeSecret,
  TrusteeShare,
} from './key-ceremony.js';
export { revealShare, checkShareReveal, reconstructElectionSecret } from './reveal.js';
export type { ElectionSecret, ShareReveal } from './reveal.js';
export { decryptBallot } from './decrypt-ballot.js';
export type { DecryptedBallot } from './decrypt-ballot.js';
export { signIssuanceRequest, verifyIssuanceRequest, ISSUANCE_REQUEST_TYPE } from './issuance-request.js';
export type { IssuanceRequest, IssuanceRequestBody } from './issuance-request.js';
export { signedBallotText } from './signed-ballot.js';
export { verifyCastBallots, checkRevoteCounter, decryptCountedBallots } from './cast-ballots.js';
export type { CastOutcome, CountedBallot, DecryptedCountedBallot, LoggedBallot } from './cast-ballots.js';
