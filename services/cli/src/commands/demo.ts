import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from '../demo/run-demo.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io.js';

const USAGE =
  'usage: openslate demo --out <dir> [--voters N] [--seed S] [--two-tier]\n' +
  '  --two-tier  also elect a steering committee whose roll is the executive elected first (2 votes each);\n' +
  '              its bundle is written to <dir>-steering\n';

/** `openslate demo`: runs a complete election through the real service code and writes its bundle. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let values: { out?: string; voters?: string; seed?: string; 'two-tier'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        voters: { type: 'string' },
        seed: { type: 'string' },
        'two-tier': { type: 'boolean' },
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
    twoTier: values['two-tier'] ?? false,
    progress: (line) => io.stderr(`demo: ${line}\n`),
  });
  const shown = (dir: string) => path.relative(process.cwd(), dir) || '.';
  const lines = (elected: Record<string, string[]>) =>
    Object.entries(elected).map(([contest, names]) => `  ${contest}: ${names.join(', ')}`);
  const steering = result.steering;
  io.stdout(
    [
      `Demo election ${result.electionId}: ${result.members} members, ${result.ballots} ballots (${result.revotes} revotes), ${result.seconds.toFixed(1)} s`,
      ...lines(result.elected),
      `Bundle: ${result.bundleDir}`,
      ...(steering
        ? [
            `Steering committee election ${steering.electionId}: ${steering.delegates} delegates (the executive elected above), ${steering.ballots} ballots`,
            ...lines(steering.elected),
            `Bundle: ${steering.bundleDir}`,
            'Check them yourself:',
            `  npx openslate verify ${shown(result.bundleDir)}`,
            `  npx openslate verify ${shown(steering.bundleDir)} --source ${shown(result.bundleDir)}`,
          ]
        : [`Check it yourself: npx openslate verify ${shown(result.bundleDir)}`]),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
