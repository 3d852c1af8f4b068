import type { Database } from '@openslate/db';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { ApiError, errorHandler } from './errors.js';
import type { Logger } from './logger.js';
import { healthRoutes } from './routes/health.js';
import { publicRoutes } from './routes/public.js';

export interface AppDeps {
  readonly database: Database;
  readonly logger: Logger;
}

/** Builds the express application; `main.ts` adds the listener, tests drive it with supertest. */
export function createApp({ database, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use((req, res, next) => {
    // Request logs carry the route and status only: never bodies, headers or client addresses.
    req.log = logger;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug(
        { method: req.method, route: req.route?.path ?? req.path, status: res.statusCode, ms },
        'request',
      );
    });
    next();
  });
  app.use(express.json({ limit: '256kb' }));
  app.use(healthRoutes(database));
  app.use(publicRoutes(database));
  app.use((req) => {
    throw new ApiError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`);
  });
  app.use(errorHandler);
  return app;
}

declare module 'express-serve-static-core' {
  interface Request {
    log?: Logger;
  }
}
