import path from 'node:path';
import { formatVerifierKey, generateKey, noteSigner, parseSignerKey, type Signer } from '@openslate/log';
import { keyDir, loadOrCreateSecret } from './key-file.js';

/** This deployment's log identity: the key that signs every election's checkpoints, and the origin prefix. */
export interface LogIdentity {
  /** C2SP signed-note key name, also the origin prefix, e.g. `openslate.example.org`. */
  readonly name: string;
  readonly signer: Signer;
  /** `<name>+<hex8>+<base64>`: published with every election so anyone can check its checkpoints. */
  readonly verifierKey: string;
}

/** The per-election log origin (C2SP tlog-checkpoint origin line). */
export const logOrigin = (identity: Pick<LogIdentity, 'name'>, electionId: string): string =>
  `${identity.name}/log/${electionId}`;

/**
 * Loads the log signing key from OPENSLATE_LOG_KEY_FILE, or `<OPENSLATE_KEY_DIR>/log-signer.key`, generating it
 * on first use (named by OPENSLATE_LOG_NAME, default `openslate.localhost`).
 */
export function loadLogIdentity(env: NodeJS.ProcessEnv = process.env): LogIdentity {
  const file = env['OPENSLATE_LOG_KEY_FILE'] || path.join(keyDir(env), 'log-signer.key');
  const name = env['OPENSLATE_LOG_NAME'] || 'openslate.localhost';
  const signerKey = loadOrCreateSecret(file, () => generateKey(name).signerKey);
  const info = parseSignerKey(signerKey);
  return { name: info.name, signer: noteSigner(info), verifierKey: formatVerifierKey(info) };
}
