// One line per command: name, one-line summary, lazy module. Each module exports `run: Command`.
import { registerCommand } from '../main.js';

registerCommand('count', 'count an STV election from a BLT or JSON ballot file', () => import('./count.js'));
registerCommand('demo', 'run a complete demo election and write its bundle', () => import('./demo.js'));
registerCommand('log', 'verify a published audit log (log verify)', () => import('./log.js'));
registerCommand(
  'trustee',
  'take your part in a key ceremony (announce, deal, confirm, reveal)',
  () => import('./trustee.js'),
);
registerCommand('verify', 'verify a published election bundle end to end', () => import('./verify.js'));
registerCommand('witness', 'check a log stays consistent, cosign it', () => import('./witness.js'));

void registerCommand;
