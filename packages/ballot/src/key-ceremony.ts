// Threshold key generation by trustees (the server is never one), after ElectionGuard 2.0 §3.2, with a
// commit-then-reveal round against biased keys (Gennaro–Jarecki–Krawczyk–Rabin's attack on Joint-Feldman):
//   0. each trustee i announces an encryption key Y_i with a proof of knowledge;
//   1. each trustee deals a random polynomial f_i of degree t−1 and publishes only the hash of its dealing;
//   2. once every hash is logged, each publishes its dealing: Feldman commitments C_ik = a_ik·G with proofs of
//      knowledge, and f_i(j) encrypted to every trustee j (hybrid-encryption.ts);
//   3. each trustee j decrypts and checks its shares; a failure names the dealer (BAD_TRUSTEE_SHARE), j publishes
//      a complaint anyone can judge (the KEM shared point with a Chaum–Pedersen proof), and the ceremony restarts
//      without the guilty trustee. Election key Y = Σ_i C_i0; trustee j's key share s_j = Σ_i f_i(j).
import { canonicalBytes } from '@openslate/canonical-json';
import { sha256 } from '@noble/hashes/sha2.js';
import { isRecord, requireSafeInteger, requireString, toBase64url } from './encoding.js';
import { attempt, BallotError } from './errors.js';
import type { Result } from './errors.js';
import {
  baseMul,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  mod,
  randomScalar,
  G,
  IDENTITY,
  publicMul,
} from './group.js';
import type { GroupElement } from './group.js';
import { decrypt, decryptWithSharedPoint, encrypt, ephemeralOf } from './hybrid-encryption.js';
import { proveEqualLogs, verifyEqualLogs } from './chaum-pedersen.js';
import type { Ciphertext } from './hybrid-encryption.js';
import { evaluate, evaluateCommitments, randomPolynomial } from './polynomial.js';
import { proveKnowledge, verifyKnowledge } from './schnorr.js';
import type { SchnorrProof } from './schnorr.js';

export const MIN_TRUSTEES = 3;
export const MAX_TRUSTEES = 7;

export interface TrusteeAnnouncement {
  readonly type: 'openslate/trustee/v1';
  readonly electionId: string;
  /** 1…n. */
  readonly index: number;
  readonly name: string;
  /** Encryption key for the shares dealt to this trustee. */
  readonly publicKey: string;
  readonly proof: SchnorrProof;
}

export interface TrusteeSecret {
  readonly electionId: string;
  readonly index: number;
  readonly secretKey: bigint;
}

export interface CeremonyParameters {
  readonly type: 'openslate/ceremony/v1';
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: readonly TrusteeAnnouncement[];
}

export interface Dealing {
  readonly type: 'openslate/trustee-dealing/v1';
  readonly electionId: string;
  readonly dealer: number;
  /** C_k = a_k·G for k = 0…t−1. */
  readonly commitments: readonly string[];
  readonly proofs: readonly SchnorrProof[];
  /** f(j) encrypted to trustee j, keyed by j. */
  readonly shares: Readonly<Record<string, Ciphertext>>;
}

export interface DealingHash {
  readonly type: 'openslate/trustee-dealing-hash/v1';
  readonly electionId: string;
  readonly dealer: number;
  readonly hash: string;
}

/** Trustee j's share of the election secret: stays on the trustee's machine until the close. */
export interface TrusteeShare {
  readonly electionId: string;
  readonly index: number;
  readonly share: bigint;
}

export interface ElectionKeyRecord {
  readonly type: 'openslate/election-key/v1';
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: readonly { readonly index: number; readonly name: string }[];
  /** Every dealer's Feldman commitments, keyed by dealer index. */
  readonly commitments: Readonly<Record<string, readonly string[]>>;
  /** Y = Σ_i C_i0: ballots are encrypted to this key. */
  readonly publicKey: string;
}

const announceContext = (electionId: string, index: number, name: string) =>
  canonicalBytes({ type: 'openslate/trustee/v1', electionId, index, name });
const coefficientContext = (electionId: string, dealer: number, k: number) =>
  canonicalBytes({ type: 'openslate/trustee-coefficient/v1', electionId, dealer, k });
const shareContext = (electionId: string, dealer: number, recipient: number) =>
  canonicalBytes({ type: 'openslate/trustee-share/v1', electionId, dealer, recipient });

/** Step 0, on the trustee's machine. */
export function createTrustee(
  electionId: string,
  index: number,
  name: string,
): { announcement: TrusteeAnnouncement; secret: TrusteeSecret } {
  const secretKey = randomScalar();
  const publicPoint = baseMul(secretKey);
  const proof = proveKnowledge(
    'openslate/trustee-key/v1',
    secretKey,
    publicPoint,
    announceContext(electionId, index, name),
  );
  return {
    announcement: {
      type: 'openslate/trustee/v1',
      electionId,
      index,
      name,
      publicKey: encodePoint(publicPoint),
      proof,
    },
    secret: { electionId, index, secretKey },
  };
}

interface CheckedParameters {
  readonly electionId: string;
  readonly threshold: number;
  readonly keys: ReadonlyMap<number, GroupElement>;
}

/** Anyone: checks the ceremony's parameters and every trustee's proof (BAD_TRUSTEE_PROOF names the trustee). */
function checkParameters(params: CeremonyParameters): CheckedParameters {
  const n = params.trustees.length;
  if (params.type !== 'openslate/ceremony/v1')
    throw new BallotError('BAD_CEREMONY_PARAMETERS', 'not a ceremony');
  const electionId = requireString(params.electionId, 'electionId', 'BAD_CEREMONY_PARAMETERS');
  if (n < MIN_TRUSTEES || n > MAX_TRUSTEES) {
    throw new BallotError(
      'BAD_CEREMONY_PARAMETERS',
      `${MIN_TRUSTEES}–${MAX_TRUSTEES} trustees required, got ${n}`,
    );
  }
  const t = params.threshold;
  if (!Number.isSafeInteger(t) || t < 2 || t > n)
    throw new BallotError('BAD_CEREMONY_PARAMETERS', `threshold must be 2…${n}`);
  const keys = new Map<number, GroupElement>();
  params.trustees.forEach((a, position) => keys.set(position + 1, announcedKey(electionId, position + 1, a)));
  return { electionId, threshold: t, keys };
}

/** Checks one announcement: it is trustee `index`'s, for this election, with a key proof that holds. */
function announcedKey(electionId: string, index: number, a: TrusteeAnnouncement): GroupElement {
  if (!isRecord(a) || a.index !== index || a.electionId !== electionId) {
    throw new BallotError('BAD_CEREMONY_PARAMETERS', `trustee ${index}: wrong index or election`);
  }
  const y = decodePoint(a.publicKey, `trustee ${a.index} key`, 'BAD_TRUSTEE_PROOF');
  const context = announceContext(
    electionId,
    a.index,
    requireString(a.name, 'trustee name', 'BAD_CEREMONY_PARAMETERS'),
  );
  if (!proofHolds('openslate/trustee-key/v1', y, a.proof, context)) {
    throw new BallotError('BAD_TRUSTEE_PROOF', `trustee ${a.index}: key proof fails`, a.index);
  }
  return y;
}

/** The API, as each announcement arrives: the same check `checkCeremonyParameters` makes of every trustee. */
export const checkAnnouncement = (
  electionId: string,
  index: number,
  announcement: unknown,
): Result<TrusteeAnnouncement> =>
  attempt('BAD_CEREMONY_PARAMETERS', () => {
    announcedKey(electionId, index, announcement as TrusteeAnnouncement);
    return announcement as TrusteeAnnouncement;
  });

export const checkCeremonyParameters = (params: CeremonyParameters): Result<true> =>
  attempt('BAD_CEREMONY_PARAMETERS', () => (checkParameters(params), true as const));

export const hashDealing = (dealing: Dealing): DealingHash => ({
  type: 'openslate/trustee-dealing-hash/v1',
  electionId: dealing.electionId,
  dealer: dealing.dealer,
  hash: toBase64url(sha256(canonicalBytes(dealing))),
});

/** Steps 1–2, on the trustee's machine: publish `hash` first, `dealing` once every hash is logged. */
export function dealShares(
  params: CeremonyParameters,
  secret: TrusteeSecret,
): Result<{ dealing: Dealing; hash: DealingHash }> {
  return attempt('BAD_CEREMONY_PARAMETERS', () => {
    const checked = checkParameters(params);
    const dealer = secret.index;
    const polynomial = randomPolynomial(checked.threshold - 1);
    const points = polynomial.map((a) => baseMul(a));
    const shares: Record<string, Ciphertext> = {};
    for (const [j, key] of checked.keys) {
      const plaintext = new TextEncoder().encode(encodeScalar(evaluate(polynomial, BigInt(j))));
      shares[String(j)] = encrypt(key, plaintext, shareContext(checked.electionId, dealer, j));
    }
    const dealing: Dealing = {
      type: 'openslate/trustee-dealing/v1',
      electionId: checked.electionId,
      dealer,
      commitments: points.map(encodePoint),
      proofs: polynomial.map((a, k) =>
        proveKnowledge(
          'openslate/trustee-coefficient/v1',
          a,
          points[k] ?? G,
          coefficientContext(checked.electionId, dealer, k),
        ),
      ),
      shares,
    };
    return { dealing, hash: hashDealing(dealing) };
  });
}

/** A proof check where a malformed proof simply does not hold. */
function proofHolds(label: string, point: GroupElement, proof: unknown, context: Uint8Array): boolean {
  try {
    return verifyKnowledge(label, point, proof, context, 'BAD_TRUSTEE_PROOF');
  } catch {
    return false;
  }
}

/** Public checks of one dealing: its hash was committed, t commitments, every proof holds. */
function checkDealing(
  checked: CheckedParameters,
  dealing: Dealing,
  committed: DealingHash | undefined,
): GroupElement[] {
  const dealer = dealing.dealer;
  const bad = (code: 'BAD_TRUSTEE_COMMITMENT' | 'BAD_TRUSTEE_PROOF', why: string) =>
    new BallotError(code, `trustee ${dealer}: ${why}`, dealer);
  if (!isRecord(dealing) || dealing.electionId !== checked.electionId || !checked.keys.has(dealer)) {
    throw bad('BAD_TRUSTEE_COMMITMENT', 'dealing for another election or trustee');
  }
  if (!committed || committed.dealer !== dealer || committed.hash !== hashDealing(dealing).hash) {
    throw bad('BAD_TRUSTEE_COMMITMENT', 'dealing does not match its published hash');
  }
  if (!Array.isArray(dealing.commitments) || dealing.commitments.length !== checked.threshold) {
    throw bad('BAD_TRUSTEE_COMMITMENT', `expected ${checked.threshold} commitments`);
  }
  if (!Array.isArray(dealing.proofs) || dealing.proofs.length !== checked.threshold) {
    throw bad('BAD_TRUSTEE_PROOF', 'one proof per commitment required');
  }
  return dealing.commitments.map((c, k) => {
    let point: GroupElement;
    try {
      point = decodePoint(c, `commitment ${k}`, 'BAD_TRUSTEE_COMMITMENT');
    } catch (e) {
      throw bad('BAD_TRUSTEE_COMMITMENT', e instanceof Error ? e.message : 'bad commitment');
    }
    const context = coefficientContext(checked.electionId, dealer, k);
    if (!proofHolds('openslate/trustee-coefficient/v1', point, dealing.proofs[k], context)) {
      throw bad('BAD_TRUSTEE_PROOF', `proof of coefficient ${k} fails`);
    }
    return point;
  });
}

function checkAllDealings(
  checked: CheckedParameters,
  dealings: readonly Dealing[],
  hashes: readonly DealingHash[],
) {
  const commitments = new Map<number, GroupElement[]>();
  for (const index of checked.keys.keys()) {
    const dealing = dealings.find((d) => d.dealer === index);
    if (!dealing) throw new BallotError('BAD_TRUSTEE_COMMITMENT', `trustee ${index}: no dealing`, index);
    commitments.set(
      index,
      checkDealing(
        checked,
        dealing,
        hashes.find((h) => h.dealer === index),
      ),
    );
  }
  if (dealings.length !== checked.keys.size)
    throw new BallotError('BAD_TRUSTEE_COMMITMENT', 'unexpected extra dealings');
  return commitments;
}

/** Opens the share `dealer` dealt to `recipient` and checks it against the dealer's commitments. */
function checkedShare(
  commitments: readonly GroupElement[],
  dealer: number,
  recipient: number,
  open: () => Uint8Array,
): bigint {
  let share: bigint;
  try {
    share = decodeScalar(new TextDecoder().decode(open()), 'share', 'BAD_TRUSTEE_SHARE');
  } catch {
    throw new BallotError(
      'BAD_TRUSTEE_SHARE',
      `trustee ${dealer}: share for trustee ${recipient} does not decrypt`,
      dealer,
    );
  }
  if (!publicMul(G, share).equals(evaluateCommitments(commitments, BigInt(recipient)))) {
    throw new BallotError(
      'BAD_TRUSTEE_SHARE',
      `trustee ${dealer}: share for trustee ${recipient} fails its commitments`,
      dealer,
    );
  }
  return share;
}

/** Step 3, on trustee j's machine: decrypts and checks every share dealt to it; BAD_TRUSTEE_SHARE names the dealer. */
export function receiveShares(
  params: CeremonyParameters,
  secret: TrusteeSecret,
  dealings: readonly Dealing[],
  hashes: readonly DealingHash[],
): Result<TrusteeShare> {
  return attempt('BAD_CEREMONY_PARAMETERS', () => {
    const checked = checkParameters(params);
    const commitments = checkAllDealings(checked, dealings, hashes);
    const me = secret.index;
    const myKey = checked.keys.get(me);
    if (!myKey || !baseMul(secret.secretKey).equals(myKey))
      throw new BallotError('KEY_MISMATCH', 'not this ceremony’s trustee');
    let total = 0n;
    for (const dealing of dealings) {
      const dealer = dealing.dealer;
      const ciphertext = dealing.shares[String(me)];
      const context = shareContext(checked.electionId, dealer, me);
      const share = checkedShare(commitments.get(dealer) ?? [], dealer, me, () =>
        decrypt(secret.secretKey, myKey, ciphertext, context),
      );
      total = mod(total + share);
    }
    return { electionId: checked.electionId, index: me, share: total };
  });
}

/** Anyone, after step 2: the election key record the API logs before voting opens. */
export function electionKeyRecord(
  params: CeremonyParameters,
  dealings: readonly Dealing[],
  hashes: readonly DealingHash[],
): Result<ElectionKeyRecord> {
  return attempt('BAD_CEREMONY_PARAMETERS', () => {
    const checked = checkParameters(params);
    const commitments = checkAllDealings(checked, dealings, hashes);
    let y = IDENTITY;
    const published: Record<string, string[]> = {};
    for (const [dealer, points] of commitments) {
      y = y.add(points[0] ?? IDENTITY);
      published[String(dealer)] = points.map(encodePoint);
    }
    return {
      type: 'openslate/election-key/v1',
      electionId: checked.electionId,
      threshold: checked.threshold,
      trustees: params.trustees.map((a) => ({ index: a.index, name: a.name })),
      commitments: published,
      publicKey: encodePoint(y),
    };
  });
}

export interface CheckedElectionKey {
  readonly record: ElectionKeyRecord;
  readonly publicKey: GroupElement;
  /** s_j·G for every trustee j, from the commitments. */
  readonly verificationKeys: ReadonlyMap<number, GroupElement>;
}

/** Anyone: parses an election key record and recomputes Y and every trustee's verification key. */
export function checkElectionKey(record: ElectionKeyRecord): Result<CheckedElectionKey> {
  return attempt('MALFORMED_KEY', () => {
    if (!isRecord(record) || record.type !== 'openslate/election-key/v1' || !isRecord(record.commitments)) {
      throw new BallotError('MALFORMED_KEY', 'not an election key record');
    }
    const n = record.trustees.length;
    const t = requireSafeInteger(record.threshold, 'threshold', 2);
    if (n < MIN_TRUSTEES || n > MAX_TRUSTEES || t > n)
      throw new BallotError('MALFORMED_KEY', 'bad trustee count');
    const dealers = record.trustees.map((tr, i) => {
      if (tr.index !== i + 1) throw new BallotError('MALFORMED_KEY', 'trustee indices must be 1…n');
      const list = record.commitments[String(tr.index)];
      if (!Array.isArray(list) || list.length !== t)
        throw new BallotError('MALFORMED_KEY', `trustee ${tr.index}: commitments`);
      return list.map((c) => decodePoint(c, 'commitment', 'MALFORMED_KEY'));
    });
    if (Object.keys(record.commitments).length !== n)
      throw new BallotError('MALFORMED_KEY', 'extra commitments');
    const y = dealers.reduce((acc, c) => acc.add(c[0] ?? G), IDENTITY);
    if (encodePoint(y) !== record.publicKey) throw new BallotError('KEY_MISMATCH', 'publicKey ≠ Σ C_i0');
    const verificationKeys = new Map<number, GroupElement>();
    for (const tr of record.trustees) {
      const j = BigInt(tr.index);
      verificationKeys.set(
        tr.index,
        dealers.reduce((acc, c) => acc.add(evaluateCommitments(c, j)), IDENTITY),
      );
    }
    return { record, publicKey: y, verificationKeys };
  });
}

export interface ShareComplaint {
  readonly type: 'openslate/trustee-complaint/v1';
  readonly electionId: string;
  readonly accuser: number;
  readonly dealer: number;
  /** sk_accuser · R of the disputed ciphertext: lets anyone decrypt that one share. */
  readonly sharedPoint: string;
  /** Chaum–Pedersen proof that log_G(Y_accuser) = log_R(sharedPoint). */
  readonly proof: SchnorrProof;
}

const complaintContext = (electionId: string, accuser: number, dealer: number) =>
  canonicalBytes({ type: 'openslate/trustee-complaint/v1', electionId, accuser, dealer });

/**
 * On trustee j's machine, when `receiveShares` names dealer i: publishes the KEM shared point of the disputed
 * share with a proof, so that anyone can decrypt that single share and see who is lying (ElectionGuard 2.0 §3.2
 * has the dealer reveal instead; here the accuser's proof makes the check independent of the dealer).
 */
export function complainAboutShare(secret: TrusteeSecret, dealing: Dealing): Result<ShareComplaint> {
  return attempt('MALFORMED_CIPHERTEXT', () => {
    const r = ephemeralOf(dealing.shares[String(secret.index)]);
    const context = complaintContext(secret.electionId, secret.index, dealing.dealer);
    const { shared, proof } = proveEqualLogs('openslate/trustee-complaint/v1', secret.secretKey, r, context);
    return {
      type: 'openslate/trustee-complaint/v1',
      electionId: secret.electionId,
      accuser: secret.index,
      dealer: dealing.dealer,
      sharedPoint: encodePoint(shared),
      proof,
    };
  });
}

/**
 * Anyone: decides a complaint. `guilty` is the dealer if the disputed share does not decrypt or fails the
 * commitments, and the accuser if the share is good or the complaint's proof fails.
 */
export function judgeComplaint(
  params: CeremonyParameters,
  dealings: readonly Dealing[],
  hashes: readonly DealingHash[],
  complaint: ShareComplaint,
): Result<{ guilty: number; reason: string }> {
  return attempt('BAD_CEREMONY_PARAMETERS', () => {
    const checked = checkParameters(params);
    const commitments = checkAllDealings(checked, dealings, hashes);
    const { accuser, dealer } = complaint;
    const accuserKey = checked.keys.get(accuser);
    const dealing = dealings.find((d) => d.dealer === dealer);
    if (!accuserKey || !dealing || accuser === dealer || complaint.electionId !== checked.electionId) {
      throw new BallotError('BAD_CEREMONY_PARAMETERS', 'complaint names no dealing of this ceremony');
    }
    const ciphertext = dealing.shares[String(accuser)];
    let r: GroupElement;
    try {
      r = ephemeralOf(ciphertext);
    } catch {
      return { guilty: dealer, reason: `trustee ${dealer} dealt trustee ${accuser} a malformed ciphertext` };
    }
    const context = complaintContext(checked.electionId, accuser, dealer);
    let shared: GroupElement;
    try {
      shared = decodePoint(complaint.sharedPoint, 'shared point', 'BAD_TRUSTEE_PROOF');
      if (
        !verifyEqualLogs(
          'openslate/trustee-complaint/v1',
          accuserKey,
          r,
          shared,
          complaint.proof,
          context,
          'BAD_TRUSTEE_PROOF',
        )
      ) {
        throw new BallotError('BAD_TRUSTEE_PROOF', 'complaint proof fails');
      }
    } catch {
      return { guilty: accuser, reason: `trustee ${accuser}'s complaint does not prove its shared point` };
    }
    try {
      checkedShare(commitments.get(dealer) ?? [], dealer, accuser, () =>
        decryptWithSharedPoint(
          shared,
          accuserKey,
          ciphertext,
          shareContext(checked.electionId, dealer, accuser),
        ),
      );
    } catch (e) {
      return {
        guilty: dealer,
        reason: e instanceof Error ? e.message : `trustee ${dealer} dealt a bad share`,
      };
    }
    return { guilty: accuser, reason: `trustee ${dealer}'s share for trustee ${accuser} is valid` };
  });
}
