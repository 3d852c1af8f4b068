export * from './schemas.js';
export { ROUTES, type Auth, type RouteId, type RouteSpec } from './routes.js';
export { openApiDocument, openApiPath } from './openapi.js';
export { ApiClientError, OpenslateClient, fillPath, type CallArgs, type ClientOptions } from './client.js';
export {
  MemberDevice,
  TrusteeDevice,
  randomSeed,
  runKeyCeremony,
  unwrap,
  type MemberState,
  type TrusteeState,
  type TrusteeStep,
} from './participants.js';
