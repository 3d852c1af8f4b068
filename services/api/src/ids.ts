import { randomBytes } from 'node:crypto';

/** A random identifier with a readable prefix, e.g. `el_3fk2…` (96 bits, base32 lower-case). */
export function newId(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(15);
  let out = '';
  for (let i = 0; i < 20; i++) out += alphabet[(bytes[Math.floor((i * 5) / 8)]! >> ((i * 5) % 8)) & 31];
  return `${prefix}_${out}`;
}
