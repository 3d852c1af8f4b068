export { createApp, type AppOptions } from './app.js';
export type { AppContext } from './context.js';
export { Sessions, type Principal } from './auth/session.js';
export { ApiError, toErrorResponse, type ErrorBody } from './errors.js';
export { createLogger, type Logger } from './logger.js';
export { seedDemo, DEMO_ELECTION_ID, DEMO_OFFICER } from './demo.js';
export { recordAudit } from './audit.js';
export { Metrics } from './metrics.js';
export { hashPassword } from './auth/password.js';
