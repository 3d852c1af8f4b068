import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) over RFC 4226 HOTP, secrets in RFC 4648 base32.
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 §5.3 dynamic truncation. */
export function hotp(secret: Uint8Array, counter: bigint): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return code.toString().padStart(DIGITS, '0');
}

export function totp(secretBase32: string, unixSeconds: number): string {
  return hotp(base32Decode(secretBase32), BigInt(Math.floor(unixSeconds / STEP_SECONDS)));
}

/** Accepts the code for the current step or one step either side (clock drift), compared in constant time. */
export function verifyTotp(secretBase32: string, code: string, unixSeconds = Date.now() / 1000): boolean {
  let ok = false;
  for (const drift of [-STEP_SECONDS, 0, STEP_SECONDS]) {
    const expected = Buffer.from(totp(secretBase32, unixSeconds + drift));
    const given = Buffer.from(code.padEnd(DIGITS, ' ').slice(0, DIGITS));
    ok = timingSafeEqual(expected, given) || ok;
  }
  return ok && /^\d{6}$/.test(code);
}

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('invalid base32');
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}
