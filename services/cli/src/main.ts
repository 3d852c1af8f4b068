import { EXIT_USAGE, type CliIo, type Command } from './io.js';

/** Command name -> module under ./commands exporting `run: Command`. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {};

/** Registers a command; each command module is loaded only when it is used. */
export function registerCommand(name: string, summary: string, load: () => Promise<{ run: Command }>): void {
  COMMANDS[name] = { summary, load };
}

function usage(): string {
  const lines = Object.entries(COMMANDS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: openslate <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  await import('./commands/index.js');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`openslate: unknown command '${name}'\n${usage()}`);
    return EXIT_USAGE;
  }
  const { run } = await command.load();
  return run(rest, io);
}
