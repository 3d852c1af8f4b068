// The roll files: roll/commitment.json's leaf hashes rebuild its root (RFC 9162 §2.1.1 tree of the salted leaves,
// docs/log-entries.md "The roll commitment") and that root is the last one the log committed to; roll/changes.json
// equals the counts of the log's roll entries.
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { fromBase64, rootOf, toBase64, toHash } from '@openslate/log';
import { paths } from '../bundle-format.js';
import { check, VerifyError } from '../errors.js';
import { readJson, type ReadFile } from '../files.js';
import type { ParsedEntry } from '../log-entries.js';
import { rollChanges } from '../roll-changes.js';
import type { ElectionSequence } from './sequence.js';

export interface CheckedRoll {
  readonly size: number;
  readonly root: string;
  /** False when roll entries without a logged commitment came after the last commitment. */
  readonly committed: boolean;
}

export async function checkRoll(
  read: ReadFile,
  sequence: ElectionSequence,
  entries: readonly ParsedEntry[],
): Promise<CheckedRoll> {
  const file = (await readJson(read, paths.rollCommitment)) as {
    size?: unknown;
    root?: unknown;
    leaves?: unknown;
  };
  const leaves = Array.isArray(file?.leaves) ? (file.leaves as unknown[]) : undefined;
  if (leaves === undefined || typeof file.root !== 'string' || file.size !== leaves.length)
    throw new VerifyError('ROLL_MISMATCH', `${paths.rollCommitment} lacks size, root or leaves`);
  let root: string;
  try {
    root = toBase64(rootOf(leaves.map((l) => toHash(fromBase64(String(l)), 'roll leaf'))));
  } catch (e) {
    throw new VerifyError('ROLL_MISMATCH', `${paths.rollCommitment}: ${(e as Error).message}`);
  }
  check(root === file.root, 'ROLL_MISMATCH', () => {
    return `${paths.rollCommitment}: the leaves give root ${root}, the file says ${String(file.root)}`;
  });
  let logged: { size: unknown; root: unknown } = sequence.manifest.roll;
  let committed = true;
  for (const e of entries.slice(sequence.openIndex)) {
    if (!e.type.startsWith('roll.')) continue;
    const roll = e.body['roll'] as { size: unknown; root: unknown } | undefined;
    if (roll === undefined) committed = false;
    else [logged, committed] = [roll, true];
  }
  check(!committed || (logged.root === root && logged.size === leaves.length), 'ROLL_MISMATCH', () => {
    return `${paths.rollCommitment} (size ${leaves.length}, root ${root}) is not the roll commitment the log last published (size ${String(logged.size)}, root ${String(logged.root)})`;
  });
  const changes = await readJson(read, paths.rollChanges);
  check(
    canonicalize(changes as JsonValue) === canonicalize({ ...rollChanges(entries) }),
    'ROLL_MISMATCH',
    () => {
      return `${paths.rollChanges} differs from the roll entries of the log`;
    },
  );
  return { size: leaves.length, root, committed };
}
