// Check 1: the checkpoint is signed by the log's key (C2SP signed-note), the entries rebuild its root and every
// hash tile (C2SP tlog-tiles, RFC 9162 §2.1), and every witness named in the manifest cosigned it
// (C2SP tlog-cosignature v1).
import { cosignatureVerifier, openNote, verifyPublishedLog, type Hash } from '@openslate/log';
import type { BundleManifest } from '../bundle-format.js';
import { paths } from '../bundle-format.js';
import { check, VerifyError } from '../errors.js';
import { readText, type ReadFile } from '../files.js';
import { parseEntries, readEntryBytes, type ParsedEntry } from '../log-entries.js';

export interface CheckedLog {
  readonly size: number;
  readonly root: Hash;
  readonly entries: ParsedEntry[];
  readonly cosigners: readonly string[];
}

export async function checkLog(
  read: ReadFile,
  manifest: BundleManifest,
  verifierKey: string,
  /** The entries already parsed from these same files (readOnce), if any: they are not read twice. */
  parsed?: ParsedEntry[],
): Promise<CheckedLog> {
  const checkpoint = await readText(read, paths.checkpoint);
  const fetch = (path: string) => read(paths.log(path));
  const verified = await verifyPublishedLog({ checkpoint, verifierKey, fetch, origin: manifest.log.origin });
  if (!verified.ok)
    throw new VerifyError('LOG_INVALID', `log: ${verified.error.code}: ${verified.error.message}`);
  check(verified.size === manifest.log.size, 'LOG_INVALID', () => {
    return `log: the checkpoint covers ${verified.size} entries, the manifest says ${manifest.log.size}`;
  });
  const cosigners: string[] = [];
  for (const witness of manifest.log.witnesses) {
    let name = witness;
    try {
      const verifier = cosignatureVerifier(witness);
      name = verifier.name;
      const opened = openNote(checkpoint, [verifier]);
      cosigners.push(...opened.verified.map((s) => s.name));
    } catch (e) {
      throw new VerifyError(
        'COSIGNATURE_MISSING',
        `log: no valid cosignature by witness ${name}: ${(e as Error).message}`,
      );
    }
  }
  let entries: ParsedEntry[];
  try {
    entries =
      parsed?.length === verified.size ? parsed : parseEntries(await readEntryBytes(fetch, verified.size));
  } catch (e) {
    throw new VerifyError('ENTRY_MALFORMED', `log: ${(e as Error).message}`);
  }
  return { size: verified.size, root: verified.root, entries, cosigners };
}
