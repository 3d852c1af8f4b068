export { main, registerCommand } from './main.js';
export type { CliIo, Command } from './io.js';
export { EXIT_OK, EXIT_FAILED, EXIT_USAGE } from './io.js';
export { startEmbeddedApi, type EmbeddedApi, type EmbeddedApiOptions } from './demo/embedded-api.js';
