// One line per command: name, one-line summary, lazy module. Each module exports `run: Command`.
import { registerCommand } from '../main.js';

void registerCommand;
