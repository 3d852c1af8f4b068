// Drawing lots from a published seed, reproducibly: for a tie at stage s among candidates numbered n (1-based,
// as in the BLT file), each candidate's ticket is SHA-256(UTF-8 of `openslate-lot-v1\n<seed>\n<s>\n<n>`) (FIPS 180-4);
// the candidate with the smallest ticket (compared as hex text) is drawn. Anyone can recompute it with sha256sum.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CandidateId } from './types.js';

/** The hex ticket of `candidate` in a lot drawn at `stage` with `seed`. */
export function lotTicket(seed: string, stage: number, candidate: CandidateId): string {
  return bytesToHex(sha256(utf8ToBytes(`openslate-lot-v1\n${seed}\n${stage}\n${candidate + 1}`)));
}

/** The candidate drawn among `tied` (non-empty). */
export function drawLot(seed: string, stage: number, tied: readonly CandidateId[]): CandidateId {
  let best: { candidate: CandidateId; ticket: string } | undefined;
  for (const candidate of tied) {
    const ticket = lotTicket(seed, stage, candidate);
    if (!best || ticket < best.ticket) best = { candidate, ticket };
  }
  if (!best) throw new RangeError('a lot needs at least one candidate');
  return best.candidate;
}
