// @openslate/log: the Openslate audit log. RFC 9162 Merkle trees, C2SP signed-note, tlog-checkpoint,
// tlog-tiles and tlog-cosignature, and the Openslate entry envelope. Pure: no I/O.
export { LogError, type LogErrorCode } from './errors.js';
export { fromBase64, toBase64, toHex } from './bytes.js';
export { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash, rootOf, toHash, type Hash } from './hash.js';
export {
  lookupFrom,
  rangeHash,
  readTreeRoot,
  treeRoot,
  withReader,
  type HashLookup,
  type HashReader,
  type SubtreeId,
} from './hash-source.js';
export {
  inclusionProof,
  proveInclusion,
  rootFromInclusionProof,
  verifyInclusion,
} from './inclusion-proof.js';
export { verifyJsonLeafInclusion } from './json-leaf.js';
export { consistencyProof, proveConsistency, verifyConsistency } from './consistency-proof.js';
export { MemoryTree } from './memory-tree.js';
export { MemoryTileLog } from './memory-log.js';
export { MemoryHashStore } from './hash-store.js';
export {
  formatSignerKey,
  formatVerifierKey,
  generateKey,
  keyId,
  parseSignerKey,
  parseVerifierKey,
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  type PrivateKeyInfo,
  type PublicKeyInfo,
  type SignatureType,
} from './note-keys.js';
export {
  formatNote,
  formatSignatureLine,
  noteSigner,
  noteVerifier,
  openNote,
  parseNote,
  signNote,
  type Note,
  type NoteSignature,
  type OpenedNote,
  type Signer,
  type Verifier,
} from './signed-note.js';
export {
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type OpenedCheckpoint,
} from './checkpoint.js';
export {
  cosignatureTime,
  cosignatureVerifier,
  cosignCheckpoint,
  cosignedMessage,
  cosigner,
} from './cosignature.js';
export {
  encodeTileIndex,
  hashesAtTileLevel,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  tilePath,
  tilesForSize,
  type TileId,
} from './tile-path.js';
export { decodeBundle, encodeBundle, MAX_ENTRY_SIZE } from './entry-bundle.js';
export { tileHashLookup, tileHashReader, type FetchTile, type ReadTile } from './tile-hashes.js';
export {
  integrate,
  integrateFrom,
  integrationNeeds,
  type Integration,
  type IntegrationInput,
  type TileFile,
} from './tile-writer.js';
export { encodeEntry, parseEntry, type LogEntry } from './envelope.js';
export {
  verifyPublishedLog,
  type FetchFile,
  type VerifyLogInput,
  type VerifyLogResult,
} from './verify-log.js';
