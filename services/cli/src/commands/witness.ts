// `openslate witness`: a C2SP tlog-cosignature v1 witness. It polls <log>/checkpoint, checks the log's signature
// and consistency with the last checkpoint it saw (RFC 9162 §2.1.4.2, proof from <log>/proof/consistency),
// cosigns and POSTs the cosignature to <log>/cosignatures. It refuses (exit 1) if the log rewrote history.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  cosignCheckpoint,
  cosigner,
  fromBase64,
  generateKey,
  LogError,
  noteVerifier,
  openCheckpoint,
  SIG_COSIGNATURE_V1,
  toBase64,
  verifyConsistency,
  type Checkpoint,
} from '@openslate/log';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from '../io.js';
import { keyArgument, UsageError } from './log.js';

const USAGE =
  'usage: openslate witness --log <url> --vkey <log verifier key or file> --key <file> [--state <file>] [--once] [--interval <s>]\n' +
  '       openslate witness --generate <name> --key <file>\n';

/** What the witness remembers between runs: the last consistent checkpoint it cosigned. */
interface WitnessState {
  readonly origin: string;
  readonly size: number;
  readonly root: string;
}

/** The witness refused the log: consistency failed or history went back. */
class Refusal extends Error {}

async function generate(name: string, keyFile: string, io: CliIo): Promise<number> {
  if (existsSync(keyFile)) throw new UsageError(`${keyFile} already exists; not overwriting a key`);
  const { signerKey, verifierKey } = generateKey(name, SIG_COSIGNATURE_V1);
  await writeFile(keyFile, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  io.stdout(`${verifierKey}\n`);
  return EXIT_OK;
}

async function readState(file: string | undefined): Promise<WitnessState | undefined> {
  if (file === undefined || !existsSync(file)) return undefined;
  const state = JSON.parse(await readFile(file, 'utf8')) as WitnessState;
  if (
    typeof state.origin !== 'string' ||
    !Number.isSafeInteger(state.size) ||
    typeof state.root !== 'string'
  ) {
    throw new Error(`${file} is not a witness state file`);
  }
  return state;
}

async function writeState(file: string | undefined, cp: Checkpoint): Promise<void> {
  if (file === undefined) return;
  const state: WitnessState = { origin: cp.origin, size: cp.size, root: toBase64(cp.root) };
  await writeFile(`${file}.tmp`, `${JSON.stringify(state)}\n`);
  await rename(`${file}.tmp`, file);
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.text();
}

/** Checks `cp` extends the remembered checkpoint, fetching a consistency proof from the log if needed. */
async function checkConsistency(
  log: string,
  previous: WitnessState | undefined,
  cp: Checkpoint,
): Promise<void> {
  if (previous === undefined) return;
  if (previous.origin !== cp.origin)
    throw new Refusal(`origin changed from '${previous.origin}' to '${cp.origin}'`);
  const oldRoot = fromBase64(previous.root, 'stored root');
  if (cp.size < previous.size)
    throw new Refusal(`the log went back from size ${previous.size} to ${cp.size}`);
  let proof: Uint8Array[] = [];
  if (cp.size > previous.size && previous.size > 0) {
    const url = `${log}/proof/consistency?from=${previous.size}&to=${cp.size}`;
    const body = JSON.parse(await getText(url)) as { from?: unknown; to?: unknown; proof?: unknown };
    if (body.from !== previous.size || body.to !== cp.size || !Array.isArray(body.proof)) {
      throw new Refusal(`${url} did not return a consistency proof from ${previous.size} to ${cp.size}`);
    }
    proof = body.proof.map((h) => fromBase64(String(h), 'proof hash'));
  }
  try {
    verifyConsistency(previous.size, cp.size, proof, oldRoot, cp.root);
  } catch (e) {
    if (e instanceof LogError) throw new Refusal(`${e.code}: ${e.message}`);
    throw e;
  }
}

async function round(
  options: { log: string; vkey: string; signerKey: string; state: string | undefined },
  io: CliIo,
): Promise<void> {
  const signed = await getText(`${options.log}/checkpoint`);
  const { checkpoint, note } = openCheckpoint(signed, [noteVerifier(options.vkey)]);
  const previous = await readState(options.state);
  await checkConsistency(options.log, previous, checkpoint);
  await writeState(options.state, checkpoint);
  const line = cosignCheckpoint(
    note.text,
    cosigner(options.signerKey, () => BigInt(Math.floor(Date.now() / 1000))),
  );
  const response = await fetch(`${options.log}/cosignatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ checkpoint: note.text, cosignature: line.replace(/\n$/, '') }),
  });
  if (!response.ok) throw new Error(`POST ${options.log}/cosignatures: HTTP ${response.status}`);
  io.stdout(`cosigned ${checkpoint.origin} ${checkpoint.size} ${toBase64(checkpoint.root)}\n`);
}

async function witness(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      log: { type: 'string' },
      vkey: { type: 'string' },
      key: { type: 'string' },
      state: { type: 'string' },
      once: { type: 'boolean' },
      interval: { type: 'string' },
      generate: { type: 'string' },
    },
    strict: true,
  });
  if (values.key === undefined) throw new UsageError('--key is required');
  if (values.generate !== undefined) return generate(values.generate, values.key, io);
  if (values.log === undefined || values.vkey === undefined)
    throw new UsageError('--log and --vkey are required');
  const interval = Number(values.interval ?? '60');
  if (!(interval > 0)) throw new UsageError('--interval must be a positive number of seconds');
  let signerKey: string;
  try {
    signerKey = (await readFile(values.key, 'utf8')).trim();
  } catch {
    throw new UsageError(`--key: cannot read ${values.key}`);
  }
  const options = {
    log: values.log.replace(/\/+$/, ''),
    vkey: await keyArgument(values.vkey, '--vkey'),
    signerKey,
    state: values.state,
  };
  for (;;) {
    try {
      await round(options, io);
    } catch (e) {
      if (e instanceof Refusal) {
        io.stderr(`witness: REFUSED to cosign: ${e.message}\n`);
        return EXIT_FAILED;
      }
      const what = e instanceof LogError ? `${e.code}: ${e.message}` : (e as Error).message;
      io.stderr(`witness: ${what}\n`);
      if (values.once) return EXIT_FAILED;
    }
    if (values.once) return EXIT_OK;
    await new Promise((resolve) => setTimeout(resolve, interval * 1000));
  }
}

export const run: Command = async (args, io) => {
  try {
    return await witness(args, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`openslate witness: ${(e as Error).message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
};
