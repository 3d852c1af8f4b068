// After the close: a counted ballot's plaintext, as `{ contests: { <contestId>: <value> } }` (docs/protocol.md).
import type { JsonValue } from '@openslate/canonical-json';
import { decryptChoices } from './choices.js';
import { attempt } from './errors.js';
import { pureGroup } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import type { Result } from './errors.js';
import type { CheckedElectionKey } from './key-ceremony.js';
import type { ElectionSecret } from './reveal.js';
import type { SignedBallot } from './signed-ballot.js';

export interface DecryptedBallot {
  readonly contests: Record<string, JsonValue>;
}

export function decryptBallot(
  key: CheckedElectionKey,
  secret: ElectionSecret,
  ballot: SignedBallot,
  group: GroupBackend = pureGroup,
): Result<DecryptedBallot> {
  return attempt('DECRYPTION_FAILED', () => ({
    contests: decryptChoices(
      key.record.electionId,
      key.record.publicKey,
      secret.secret,
      ballot.ballotKey,
      ballot.contests,
      group,
    ),
  }));
}
