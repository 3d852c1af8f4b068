// Reading a bundle's files through the caller's callback (directory, HTTP or tar archive): the package does no I/O.
import { check, VerifyError } from './errors.js';

/** Returns a bundle file's bytes by its path inside the bundle (`log/checkpoint`), or undefined if absent. */
export type ReadFile = (path: string) => Promise<Uint8Array | undefined>;

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readRequired(read: ReadFile, path: string): Promise<Uint8Array> {
  const data = await read(path);
  check(data !== undefined, 'BUNDLE_MISSING_FILE', () => `${path} is missing from the bundle`);
  return data;
}

export async function readText(read: ReadFile, path: string): Promise<string> {
  const data = await readRequired(read, path);
  try {
    return decoder.decode(data);
  } catch {
    throw new VerifyError('BUNDLE_MALFORMED', `${path} is not UTF-8 text`);
  }
}

export async function readJson(read: ReadFile, path: string): Promise<unknown> {
  const text = await readText(read, path);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new VerifyError('BUNDLE_MALFORMED', `${path} is not JSON`);
  }
}

/** A ReadFile over an in-memory map of files (e.g. an unpacked tar archive). */
export const readFromMap =
  (files: ReadonlyMap<string, Uint8Array>): ReadFile =>
  async (path) =>
    files.get(path);

/** Reads each path once: the early start of the ballots' work and the checks then see the very same bytes. */
export function readOnce(read: ReadFile): ReadFile {
  const seen = new Map<string, Promise<Uint8Array | undefined>>();
  return (path) => {
    let data = seen.get(path);
    if (data === undefined) {
      data = read(path);
      seen.set(path, data);
    }
    return data;
  };
}
