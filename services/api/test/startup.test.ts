// The real start-up path (`npm start` runs this same file after building): a child process that migrates,
// seeds the demo election on the embedded database, listens, and answers /healthz. Against PostgreSQL when
// DATABASE_URL is set (a scratch database on that server), otherwise PGlite in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '@openslate/db/testing';

const MAIN = path.resolve(__dirname, '../dist/main.js');
jest.setTimeout(60_000);

async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

test('the service starts, migrates, and answers /healthz with 200', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openslate-start-'));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const serverUrl = process.env['DATABASE_URL'];
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    OPENSLATE_DATA_DIR: path.join(dataDir, 'pgdata'),
    LOG_LEVEL: 'warn',
  };
  if (scratch) env['DATABASE_URL'] = scratch.url;
  else delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    const res = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: scratch ? 'postgres' : 'pglite' });
    expect(output).toContain(`http://127.0.0.1:${port}/`);
    const list = (await fetch(`http://127.0.0.1:${port}/api/elections`).then((r) => r.json())) as {
      elections: Array<{ demo: boolean }>;
    };
    // The demo election exists on the embedded database only.
    expect(list.elections.some((e) => e.demo)).toBe(!scratch);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
