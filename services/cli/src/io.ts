/** Where a command writes; tests pass collectors, the binary passes the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1; // a check failed (e.g. `verify`, `log verify`)
export const EXIT_USAGE = 2; // bad input or bad arguments

/** Every command module exports one `run`; `main` finds it by the command's name. */
export type Command = (args: string[], io: CliIo) => Promise<number>;
