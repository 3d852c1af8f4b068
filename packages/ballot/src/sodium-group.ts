// The Node group back-end: ristretto255 from libsodium (crypto_core_ristretto255_*, crypto_scalarmult_ristretto255*)
// compiled to WebAssembly — pure computation, no I/O — same answers as `pureGroup`, several times faster.
// libsodium refuses to return the identity as a product ("result is identity element", "scalar is 0"); this
// back-end returns its encoding (32 zero bytes, RFC 9496 §4.3.2) instead, as @noble/curves does — but only when
// the identity is the right answer (a zero scalar or an identity point: the group has prime order), so any other
// failure still throws.
import type Sodium from 'libsodium-wrappers-sumo';
import { notCanonical } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import { isIdentityEncoding, mod, scalarBytes } from './group.js';

const IDENTITY_BYTES = new Uint8Array(32);

function sodiumGroup(sodium: typeof Sodium): GroupBackend {
  const isCanonical = (encoding: Uint8Array): boolean =>
    encoding.length === 32 && sodium.crypto_core_ristretto255_is_valid_point(encoding);
  /** Runs a libsodium operation; on failure, names a non-canonical input, or answers the identity if it is due. */
  const run = (inputs: readonly Uint8Array[], identityDue: boolean, op: () => Uint8Array): Uint8Array => {
    try {
      return op();
    } catch (e) {
      if (!inputs.every(isCanonical)) throw notCanonical();
      if (identityDue) return IDENTITY_BYTES.slice();
      throw e;
    }
  };
  const baseMultiply = (x: bigint): Uint8Array => {
    const s = mod(x);
    return run([], s === 0n, () => sodium.crypto_scalarmult_ristretto255_base(scalarBytes(s)));
  };
  const multiply = (point: Uint8Array, x: bigint): Uint8Array => {
    const s = mod(x);
    const due = s === 0n || isIdentityEncoding(point);
    return run([point], due, () => sodium.crypto_scalarmult_ristretto255(scalarBytes(s), point));
  };
  const subtract = (p: Uint8Array, q: Uint8Array): Uint8Array =>
    run([p, q], false, () => sodium.crypto_core_ristretto255_sub(p, q));
  return {
    name: 'libsodium',
    isCanonical,
    baseMultiply,
    multiply,
    add: (p, q) => run([p, q], false, () => sodium.crypto_core_ristretto255_add(p, q)),
    subtract,
    baseMultiplySubtract: (z, c, x) => subtract(baseMultiply(z), multiply(x, c)),
  };
}

let loaded: Promise<GroupBackend> | undefined;

/**
 * The libsodium group back-end, once its WebAssembly module is compiled (one instance per thread). Loaded on
 * first call, so importing '@openslate/ballot/node' for the node:crypto back-end alone does not compile it.
 */
export function loadNodeGroup(): Promise<GroupBackend> {
  loaded ??= import('libsodium-wrappers-sumo').then(async ({ default: sodium }) => {
    await sodium.ready;
    return sodiumGroup(sodium);
  });
  return loaded;
}
