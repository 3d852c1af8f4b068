#!/usr/bin/env node
// The `openslate` command (`npx openslate <command> ...`); the code is compiled by `npm install` (prepare: tsc -b).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
