// `openslate verify <dir|https-url|bundle.tar.gz> [--json] [--receipt <hash>] [--vkey <key or file>]
// [--source <bundle>]`: checks a
// published election bundle (docs/bundle-format.md) with packages/verify: one line per check, progress on stderr,
// exit 0 only if every check holds, else the first failing check is named and the exit code is 1. Ballots are
// checked and decrypted on worker threads, one per core (@openslate/verify/node).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createNodeBackend, loadNodeGroup } from '@openslate/ballot/node';
import { readFromMap, readTar, verifyBundle, type ReadFile } from '@openslate/verify';
import { workerRunner } from '@openslate/verify/node';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from '../io.js';
import { keyArgument, publicationFetch, UsageError } from './log.js';

const USAGE =
  'usage: openslate verify <dir|https-url|bundle.tar.gz> [--json] [--receipt <hash>] [--vkey <log key or file>]\n' +
  '                        [--source <bundle of the election a derived roll came from>]\n';

const isArchive = (target: string): boolean => /\.(tar\.gz|tgz)$/i.test(target);
const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/** The files of a .tar.gz bundle, with the archive's top folder (`<election>/`) taken off. */
async function archiveReader(target: string): Promise<ReadFile> {
  let bytes: Uint8Array;
  if (isUrl(target)) {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`GET ${target}: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } else bytes = new Uint8Array(await readFile(target));
  const files = readTar(new Uint8Array(gunzipSync(bytes)));
  const manifest = [...files.keys()]
    .filter((p) => p === 'manifest.json' || p.endsWith('/manifest.json'))
    .sort((a, b) => a.length - b.length)[0];
  const prefix = manifest === undefined ? '' : manifest.slice(0, -'manifest.json'.length);
  return readFromMap(
    new Map([...files].map(([p, d]) => [p.startsWith(prefix) ? p.slice(prefix.length) : p, d])),
  );
}

export const run: Command = async (args: string[], io: CliIo) => {
  let values: { json?: boolean; receipt?: string; vkey?: string; source?: string };
  let target: string;
  try {
    const parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        receipt: { type: 'string' },
        vkey: { type: 'string' },
        source: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length !== 1) throw new UsageError('expected one <dir|https-url|bundle.tar.gz>');
    values = parsed.values;
    target = parsed.positionals[0] as string;
  } catch (e) {
    io.stderr(`openslate verify: ${(e as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  let read: ReadFile;
  let source: ReadFile | undefined;
  let verifierKey: string | undefined;
  try {
    read = isArchive(target) ? await archiveReader(target) : publicationFetch(target);
    // A derived roll's source election (docs/bundle-format.md, check 'derived').
    if (values.source !== undefined)
      source = isArchive(values.source)
        ? await archiveReader(values.source)
        : publicationFetch(values.source);
    if (values.vkey !== undefined) verifierKey = await keyArgument(values.vkey, '--vkey');
  } catch (e) {
    io.stderr(`openslate verify: ${(e as Error).message}\n`);
    return e instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
  }
  const report = await verifyBundle({
    read,
    backend: createNodeBackend(),
    group: await loadNodeGroup(),
    // Checks 3 and 4 (signatures, proofs, decryption) on one worker thread per core.
    runner: workerRunner(),
    ...(values.receipt === undefined ? {} : { receipt: values.receipt }),
    ...(verifierKey === undefined ? {} : { verifierKey }),
    ...(source === undefined ? {} : { source }),
    onLine: values.json
      ? undefined
      : (line) => io.stdout(`${line.notChecked ? '--  ' : line.ok ? 'ok  ' : 'FAIL'} ${line.message}\n`),
    onProgress: (message) => io.stderr(`… ${message}\n`),
  });
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  if (report.failure) {
    io.stderr(
      `openslate verify: check '${report.failure.check}' failed: ${report.failure.code}: ${report.failure.message}\n`,
    );
    return EXIT_FAILED;
  }
  if (!values.json)
    io.stdout(
      report.notChecked.length
        ? `verified, except what was not checked: ${report.notChecked.join(', ')} (${report.format})\n`
        : `verified: every check holds (${report.format})\n`,
    );
  return EXIT_OK;
};
