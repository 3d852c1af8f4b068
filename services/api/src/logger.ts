import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs. Ballot contents, codes, tokens, passwords and client addresses never reach them: request
 * logging records method, route and status only, and these paths are redacted wherever they appear.
 */
export function createLogger(
  level = process.env['LOG_LEVEL'] ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    redact: {
      paths: [
        '*.password',
        '*.code',
        '*.token',
        '*.ballot',
        '*.secret',
        'req.headers',
        'headers',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
