// Prints the ballot page's figures on the local server, for the size budget and the first-render goal of issue #8
// (a measurement that prints, not a test): the JavaScript the /vote page loads (raw and gzipped, as a
// compressing server would send it) and the time from navigation start to the sign-in form being visible, over
// fresh browser contexts (nothing cached). Run after `npm run build` (it uses the built workspaces and dist/):
//   node services/web/scripts/measure-ballot.mjs [runs]
// Plain JavaScript so that it runs without a compile step; report the load average (uptime) next to the figures.
/* global document, performance -- the first-render probe runs in the page */
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startEmbeddedApi } from '@openslate/cli';
import { OpenslateClient, runKeyCeremony, TrusteeDevice } from '@openslate/client';

const runs = Number(process.argv[2] ?? 10);
const webRoot = path.resolve(import.meta.dirname, '..', 'dist');

/** A one-contest election with voting open (the ballot page shows its sign-in form only then). */
async function votingElection(server) {
  const { officer } = server;
  const { id } = await officer.call('createElection', {
    body: {
      title: 'Measured ballot',
      contests: [{ title: 'Treasurer', seats: 1, candidates: [{ name: 'Maya' }, { name: 'Niall' }] }],
    },
  });
  const params = { election: id };
  await officer.call('importRoll', {
    params,
    body: { csv: 'membership_number,name,email\nM1,Ann,ann@example.invalid' },
  });
  const { trustees } = await officer.call('configureTrustees', {
    params,
    body: { threshold: 2, trustees: [{ name: 'Rosa' }, { name: 'Karl' }, { name: 'Sylvia' }] },
  });
  const client = new OpenslateClient({ baseUrl: server.url });
  await runKeyCeremony(await Promise.all(trustees.map((t) => TrusteeDevice.signIn(client, t.code))));
  await officer.call('transition', { params, body: { to: 'voting' } });
  return id;
}

const server = await startEmbeddedApi({ webRoot });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const id = await votingElection(server);
  const times = [];
  let scripts = new Map();
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    scripts = new Map();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.set(res.url(), res.body());
    });
    await page.goto(`${server.url}/vote/${id}`, { waitUntil: 'commit' });
    // Polled on every animation frame inside the page: performance.now() counts from navigation start.
    const visible = await page.waitForFunction(
      () => {
        const input = document.getElementById('member-code');
        return input !== null && input.checkVisibility() ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    times.push(await visible.jsonValue());
    await context.close();
  }
  const bodies = await Promise.all(scripts.values());
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  const gzipped = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
  console.log(
    `ballot page JavaScript: ${bodies.length} files, ${raw} bytes, ${gzipped} bytes gzipped (level 9)`,
  );
  console.log(`first render (navigation start → sign-in form visible), ${runs} fresh contexts:`);
  console.log(`  median ${at(0.5)} ms, fastest ${times[0].toFixed(0)} ms, slowest ${at(1)} ms`);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
} finally {
  await browser.close();
  await server.close();
}
