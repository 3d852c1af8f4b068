import type { Database } from '@openslate/db';
import type { LogIdentity, PublicationDir } from '@openslate/publisher';
import type { Sessions } from './auth/session.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { CastVerifier } from './voting/verify-cast.js';

/** Everything a route needs, built once at start-up (main.ts) or per test (test/support.ts). */
export interface AppContext {
  readonly database: Database;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
  readonly sessions: Sessions;
  readonly publication: PublicationDir;
  readonly identity: LogIdentity;
  /** Base URL members' links point at, e.g. http://127.0.0.1:3000 */
  readonly publicUrl: string;
  /** Print invitation links to stdout (embedded demo only; never in logs). */
  readonly printInvitations: boolean;
  /** Checks cast ballots: worker threads in main.ts (verify-pool.ts); on the event loop when absent. */
  readonly castVerifier?: CastVerifier;
}
