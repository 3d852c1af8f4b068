// A minimal POSIX ustar archive writer and reader (IEEE Std 1003.1-1988, "ustar Interchange Format"): regular
// files only, deterministic (mtime 0, mode 0644, uid/gid 0), names split over the 155-byte prefix and 100-byte
// name fields. Gzip is the caller's (node:zlib), so this module stays pure.
import { VerifyError } from './errors.js';

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function writeField(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = encoder.encode(text);
  if (bytes.length > length) throw new VerifyError('TAR_MALFORMED', `tar field too long: ${text}`);
  header.set(bytes, offset);
}

/** Octal number field: digits padded with zeros, then a NUL (ustar §"Header Block"). */
const octal = (value: number, length: number): string => value.toString(8).padStart(length - 1, '0') + '\0';

/** Splits a path over the ustar prefix (≤ 155 bytes) and name (≤ 100 bytes) fields at a '/'. */
function splitName(path: string): { prefix: string; name: string } {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { prefix, name };
  }
  throw new VerifyError('TAR_MALFORMED', `path too long for ustar: ${path}`);
}

const checksum = (header: Uint8Array): number => header.reduce((sum, b) => sum + b, 0);

/** The ustar archive of the files, in the order given, ending with two zero blocks. */
export function writeTar(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [path, data] of files) {
    const header = new Uint8Array(BLOCK);
    const { prefix, name } = splitName(path);
    writeField(header, 0, 100, name);
    writeField(header, 100, 8, octal(0o644, 8));
    writeField(header, 108, 8, octal(0, 8));
    writeField(header, 116, 8, octal(0, 8));
    writeField(header, 124, 12, octal(data.length, 12));
    writeField(header, 136, 12, octal(0, 12));
    writeField(header, 148, 8, '        '); // checksum counted as eight spaces
    writeField(header, 156, 1, '0');
    writeField(header, 257, 6, 'ustar\0');
    writeField(header, 263, 2, '00');
    writeField(header, 345, 155, prefix);
    writeField(header, 148, 8, checksum(header).toString(8).padStart(6, '0') + '\0 ');
    blocks.push(header, data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  blocks.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

const readText = (block: Uint8Array, offset: number, length: number): string => {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
};

function readOctal(block: Uint8Array, offset: number, length: number, what: string): number {
  const text = readText(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new VerifyError('TAR_MALFORMED', `tar header: bad ${what} field`);
  return parseInt(text, 8);
}

/** The regular files of a ustar archive by path (directories and other entry types are skipped). */
export function readTar(archive: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return files;
    const stored = readOctal(header, 148, 8, 'checksum');
    const blank = new Uint8Array(header);
    blank.fill(0x20, 148, 156);
    if (checksum(blank) !== stored)
      throw new VerifyError('TAR_MALFORMED', `tar header at ${at}: bad checksum`);
    const size = readOctal(header, 124, 12, 'size');
    const prefix = readText(header, 345, 155);
    const name = readText(header, 0, 100);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = at + BLOCK;
    if (start + size > archive.length)
      throw new VerifyError('TAR_MALFORMED', `tar entry ${name} is truncated`);
    if (type === '0' || type === '\0')
      files.set(prefix ? `${prefix}/${name}` : name, archive.slice(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new VerifyError('TAR_MALFORMED', 'tar archive ends without its two zero blocks');
}
