// The one function of sodium-native (MIT, holepunchto; N-API bindings to libsodium, prebuilt) that node-backend.ts
// uses; the package ships no types of its own.
declare module 'sodium-native' {
  const sodium: {
    /** libsodium crypto_sign_verify_detached: true iff `signature` is a valid Ed25519 signature of `message`. */
    crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  };
  export default sodium;
}
