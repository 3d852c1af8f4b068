import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding this deployment's secrets (session key, log signing key): OPENSLATE_KEY_DIR. */
export function keyDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['OPENSLATE_KEY_DIR'] || '.openslate/keys');
}

/**
 * Reads a secret file, creating it with `make()` (mode 0600, in a 0700 folder) on first use. A deployment keeps
 * its secrets in OPENSLATE_KEY_DIR — a volume only the services can read — or names each file in its own variable.
 */
export function loadOrCreateSecret(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = make();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
  chmodSync(file, 0o600);
  return value;
}
