// One line per command: name, one-line summary, lazy module. Each module exports `run: Command`.
import { registerCommand } from '../main.js';

registerCommand('log', 'verify a published audit log: log verify <dir|url> --vkey <key>', () => import('./log.js'));
registerCommand('witness', 'check a log stays consistent and cosign its checkpoints', () => import('./witness.js'));

void registerCommand;
