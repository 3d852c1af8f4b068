export { createApp, type AppDeps } from './app.js';
export { ApiError, toErrorResponse, type ErrorBody } from './errors.js';
export { createLogger, type Logger } from './logger.js';
export { seedDemoElection, DEMO_ELECTION_ID } from './demo.js';
export { recordAudit } from './audit.js';
