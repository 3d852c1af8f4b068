// RFC 8785 JSON Canonicalization Scheme (JCS).
// Objects: members sorted by the UTF-16 code units of their names (RFC 8785 §3.2.3);
// strings and numbers serialised as ECMAScript JSON.stringify does (RFC 8785 §3.2.2.2, §3.2.2.3);
// no whitespace. Values outside I-JSON (RFC 7493) are refused rather than silently altered.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  readonly code = 'CANONICAL_JSON_INVALID';
}

/** Returns the canonical JSON text of `value`. */
export function canonicalize(value: unknown): string {
  return serialize(value, '$');
}

/** Returns the UTF-8 bytes of the canonical JSON text of `value`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

// Hot path (every signed ballot is canonicalised on arrival): plain loops and string appends, a native test for
// surrogates before the exact check, and paths for error messages as cheap string concatenations.
function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // RFC 8785 §3.2.2.3: NaN and Infinity are not JSON.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      if (SURROGATE.test(value)) assertWellFormed(value, path);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++)
          out += (i === 0 ? '' : ',') + serialize(value[i], `${path}[${i}]`);
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(`${path}: only plain objects, arrays and primitives are JSON`);
      }
      const record = value as Record<string, unknown>;
      // Array.prototype.sort without a comparator orders by UTF-16 code units, as §3.2.3 requires.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) continue;
        out += (out.length === 1 ? '' : ',') + serialize(k, path) + ':' + serialize(v, `${path}.${k}`);
      }
      return out + '}';
    }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} is not JSON`);
  }
}

const SURROGATE = /[\ud800-\udfff]/;

// RFC 8785 §3.2.2.2 / RFC 7493 §2.1: strings must be valid Unicode (no lone surrogates).
function assertWellFormed(s: string, path: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) throw new CanonicalJsonError(`${path}: lone surrogate in string`);
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new CanonicalJsonError(`${path}: lone surrogate in string`);
    }
  }
}
