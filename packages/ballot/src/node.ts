// '@openslate/ballot/node': the parts that need node:crypto (API server, benchmarks, Node verifiers).
export { createNodeBackend } from './node-backend.js';
export {
  generateIssuerKey,
  exportIssuerSecretKey,
  importIssuerSecretKey,
  issueBlindSignature,
} from './issuer.js';
export type { IssuerSecretKey } from './issuer.js';
export { loadNodeGroup } from './sodium-group.js';
