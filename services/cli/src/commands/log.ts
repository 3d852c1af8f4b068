// `openslate log verify <dir|url> --vkey <key or file>`: checks a published log (C2SP tlog-tiles layout with a
// `checkpoint` file at its top) end to end and prints `ok <size> <base64 root>`, or the first problem.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVerifierKey, toBase64, verifyPublishedLog, type FetchFile } from '@openslate/log';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from '../io.js';

const USAGE = 'usage: openslate log verify <dir|url> --vkey <verifier key or file> [--origin <origin>]\n';

/** Usage problems: reported on stderr with exit code 2. */
export class UsageError extends Error {}

const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/** Reads the files of a publication from a directory or over HTTP(S); undefined when a file does not exist. */
export function publicationFetch(target: string): FetchFile {
  if (isUrl(target)) {
    const base = target.replace(/\/+$/, '');
    return async (path) => {
      const response = await fetch(`${base}/${path}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`GET ${base}/${path}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    };
  }
  return async (path) => {
    try {
      return new Uint8Array(await readFile(join(target, ...path.split('/'))));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}

/** A key given inline or as a file holding it. */
export async function keyArgument(value: string, option: string): Promise<string> {
  if (value.includes('+')) {
    try {
      parseVerifierKey(value);
      return value;
    } catch {
      // Not a key string: maybe a file name with a '+' in it.
    }
  }
  try {
    return (await readFile(value, 'utf8')).trim();
  } catch {
    throw new UsageError(`${option}: '${value}' is neither a key nor a readable file`);
  }
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { vkey: { type: 'string' }, origin: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || values.vkey === undefined)
    throw new UsageError('expected one <dir|url> and --vkey');
  const target = positionals[0] as string;
  const verifierKey = await keyArgument(values.vkey, '--vkey');
  const fetchFile = publicationFetch(target);
  let checkpoint: Uint8Array | undefined;
  try {
    checkpoint = await fetchFile('checkpoint');
  } catch (e) {
    io.stderr(`log verify: LOG_MISSING_TILE: ${(e as Error).message}\n`);
    return EXIT_FAILED;
  }
  if (checkpoint === undefined) {
    io.stderr(`log verify: LOG_MISSING_TILE: ${target} has no checkpoint\n`);
    return EXIT_FAILED;
  }
  const result = await verifyPublishedLog({
    checkpoint: new TextDecoder().decode(checkpoint),
    verifierKey,
    fetch: fetchFile,
    ...(values.origin === undefined ? {} : { origin: values.origin }),
  });
  if (!result.ok) {
    io.stderr(`log verify: ${result.error.code}: ${result.error.message}\n`);
    return EXIT_FAILED;
  }
  io.stdout(`ok ${result.size} ${toBase64(result.root)}\n`);
  return EXIT_OK;
}

export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  try {
    if (sub !== 'verify')
      throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`);
    return await verify(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`openslate log: ${(e as Error).message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
};
