import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from '../demo/run-demo.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io.js';

const USAGE = 'usage: openslate demo --out <dir> [--voters N] [--seed S]\n';

/** `openslate demo`: runs a complete election through the real service code and writes its bundle. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let values: { out?: string; voters?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        voters: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`openslate demo: ${(err as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const voters = Number(values.voters ?? 200);
  if (!values.out || !Number.isSafeInteger(voters) || voters < 1 || voters > 1_000_000) {
    io.stderr(
      `openslate demo: ${values.out ? '--voters must be a whole number from 1 to 1,000,000' : '--out is required'}\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const out = path.resolve(values.out);
  const result = await runDemo({
    voters,
    out,
    seed: values.seed ?? 'openslate-demo',
    progress: (line) => io.stderr(`demo: ${line}\n`),
  });
  io.stdout(
    [
      `Demo election ${result.electionId}: ${voters} members, ${result.ballots} ballots (${result.revotes} revotes), ${result.seconds.toFixed(1)} s`,
      ...Object.entries(result.elected).map(([contest, names]) => `  ${contest}: ${names.join(', ')}`),
      `Bundle: ${result.bundleDir}`,
      `Check it yourself: npx openslate verify ${path.relative(process.cwd(), result.bundleDir) || '.'}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
