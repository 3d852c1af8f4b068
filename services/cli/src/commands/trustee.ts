import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ApiClientError,
  OpenslateClient,
  TrusteeDevice,
  type TrusteeState,
  type TrusteeStep,
} from '@openslate/client';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from '../io.js';

const USAGE = `usage: openslate trustee --api <url> --state <file> [--code <code>] [--reveal] [--wait] [--interval <s>]

Runs your part of an election's key ceremony from your own machine. The first time, give the code the returning
officer handed you; your key and share are kept in the state file (readable by you only; back it up, keep it
secret). Run again until it says "done"; after the close, run with --reveal to publish your share.
`;

/** The state file: the API, the trustee's code (to sign in again), and the device's state (secrets included). */
interface StateFile {
  readonly api: string;
  readonly code: string;
  readonly device: TrusteeState;
}

const MESSAGES: Record<TrusteeStep, string> = {
  announced: 'announced your key',
  committed: 'committed to your dealing',
  dealt: 'published your dealing',
  confirmed: 'checked your shares and confirmed: your part of the ceremony is complete',
  revealed: 'revealed your share',
  waiting: 'waiting for the other trustees (or, with --reveal, for the close)',
  done: 'done: nothing left for you to do',
};

export async function run(args: string[], io: CliIo): Promise<number> {
  let values: {
    api?: string;
    state?: string;
    code?: string;
    reveal?: boolean;
    wait?: boolean;
    interval?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        api: { type: 'string' },
        state: { type: 'string' },
        code: { type: 'string' },
        reveal: { type: 'boolean' },
        wait: { type: 'boolean' },
        interval: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr(`openslate trustee: ${(err as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (!values.state) {
    io.stderr(`openslate trustee: --state is required\n${USAGE}`);
    return EXIT_USAGE;
  }
  const intervalMs = Number(values.interval ?? 5) * 1000;
  const saved: StateFile | null = existsSync(values.state)
    ? (JSON.parse(readFileSync(values.state, 'utf8')) as StateFile)
    : null;
  const apiUrl = values.api ?? saved?.api;
  const code = saved?.code ?? values.code;
  if (!apiUrl || !code) {
    io.stderr(`openslate trustee: the first run needs --api and --code\n${USAGE}`);
    return EXIT_USAGE;
  }
  const save = (device: TrusteeDevice) =>
    writeFileSync(
      values.state!,
      `${JSON.stringify({ api: apiUrl, code, device: device.exportState() } satisfies StateFile, null, 2)}\n`,
      { mode: 0o600 },
    );

  try {
    const device = await TrusteeDevice.signIn(new OpenslateClient({ baseUrl: apiUrl }), code, saved?.device);
    if (!saved) save(device);
    io.stdout(`trustee ${device.index} (${device.name}) of election ${device.electionId}\n`);
    for (;;) {
      const step = await device.step({ reveal: values.reveal ?? false });
      save(device);
      io.stdout(`${MESSAGES[step]}\n`);
      if (step === 'done' || step === 'revealed') return EXIT_OK;
      if (step === 'waiting') {
        if (!values.wait) return EXIT_OK;
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    }
  } catch (err) {
    const message = err instanceof ApiClientError ? `${err.code}: ${err.message}` : (err as Error).message;
    io.stderr(`openslate trustee: ${message}\n`);
    return EXIT_FAILED;
  }
}
