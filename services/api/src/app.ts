import { openApiDocument } from '@openslate/client';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { readSession } from './auth/guards.js';
import type { AppContext } from './context.js';
import type { Logger } from './logger.js';
import { ApiError, errorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { logRoutes } from './routes/log.js';
import { nominationRoutes } from './routes/nominations.js';
import { officerRoutes } from './routes/officer.js';
import { proposalRoutes } from './routes/proposals.js';
import { publicRoutes } from './routes/public.js';
import { rollRoutes } from './routes/roll.js';
import type { StateHooks } from './state-hooks.js';
import { castRoutes } from './voting/cast-routes.js';
import { ceremonyRoutes } from './voting/ceremony-routes.js';
import { countRoutes } from './voting/count-routes.js';
import { votingHooks } from './voting/open-close.js';
import { votingRoutes } from './voting/voting-routes.js';
import { webRoutes } from './web.js';

export interface AppOptions {
  /** Sign-in attempts per client per minute (default 20). */
  readonly signInPerMinute?: number;
  /** Credential requests per client per minute (default 30). */
  readonly issuancePerMinute?: number;
  /** Replaces the life-cycle hooks (default: the voting hooks). */
  readonly hooks?: StateHooks;
  /** The built web forms to serve (services/web/dist); none when absent. */
  readonly webRoot?: string | null;
}

/** Builds the express application; `main.ts` adds the listener, tests drive it with supertest. */
export function createApp(ctx: AppContext, options: AppOptions = {}): Express {
  const { logger } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  // No upgrade-insecure-requests: TLS is the proxy's job, and the demo is served over plain http.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use((req, res, next) => {
    // Request logs carry the route and status only: never bodies, headers, codes or client addresses.
    req.log = logger;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route: string = req.route?.path ?? 'unmatched';
      ctx.metrics.requestSeconds.observe({ method: req.method, route, status: res.statusCode }, seconds);
      logger.debug({ method: req.method, route, status: res.statusCode, ms: seconds * 1000 }, 'request');
    });
    next();
  });
  app.use(express.json({ limit: '256kb' }));
  // Casting is anonymous and the busiest route: mounted before the session reader and the other routers.
  app.use(castRoutes(ctx));
  app.use(readSession(ctx.sessions));
  app.use(healthRoutes(ctx.database));
  const openapi = openApiDocument({ title: 'Openslate API' });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/metrics', async (req, res) => {
    if (ctx.metricsToken && req.headers.authorization !== `Bearer ${ctx.metricsToken}`) {
      throw new ApiError(401, 'UNAUTHENTICATED', 'metrics need the metrics token');
    }
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
  app.use(authRoutes(ctx, options.signInPerMinute ?? 20));
  app.use(publicRoutes(ctx));
  app.use(officerRoutes(ctx, options.hooks ?? votingHooks(ctx)));
  app.use(rollRoutes(ctx));
  app.use(nominationRoutes(ctx));
  app.use(proposalRoutes(ctx));
  app.use(logRoutes(ctx));
  app.use(ceremonyRoutes(ctx));
  app.use(votingRoutes(ctx, { issuancePerMinute: options.issuancePerMinute ?? 30 }));
  app.use(countRoutes(ctx));
  if (options.webRoot) app.use(webRoutes(options.webRoot));
  app.use((req) => {
    throw new ApiError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`);
  });
  app.use(errorHandler(ctx.metrics));
  return app;
}

declare module 'express-serve-static-core' {
  interface Request {
    log?: Logger;
  }
}
