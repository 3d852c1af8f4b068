// Check 6: a voter's receipt (base64url SHA-256 of their canonical signed ballot, or the tracker code shown for it:
// packages/ballot receipt.ts) is
// in the log and was counted, not superseded by a later ballot of the same ballot key.
import type { CountedBallot } from '@openslate/ballot';
import { check } from '../errors.js';
import type { CheckedBallots } from './ballots.js';

export function checkReceipt(receipt: string, ballots: CheckedBallots): CountedBallot {
  const logIndex = ballots.receipts.get(receipt.trim());
  check(
    logIndex !== undefined,
    'RECEIPT_NOT_FOUND',
    () => `receipt ${receipt}: no such ballot in the sealed log`,
  );
  const counted = ballots.counted.find((c) => c.logIndex === logIndex);
  const by = ballots.counted.find((c) =>
    ballots.superseded.some((s) => s.logIndex === logIndex && s.ballotKey === c.ballotKey),
  );
  check(counted !== undefined, 'RECEIPT_NOT_COUNTED', () => {
    return `receipt ${receipt}: the ballot at log index ${logIndex} was superseded by the revote at log index ${by?.logIndex}`;
  });
  return counted;
}
