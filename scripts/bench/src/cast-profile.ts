// With BENCH_PROFILE=1 the API runs under `node --cpu-prof`; this reads the V8 CPU profile it writes at exit
// (nodes with callFrame and hitCount, samples at a fixed interval) and ranks where the server's time went.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly hitCount?: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

/** Where a frame's code lives: a workspace package, a dependency, node itself, or V8 (GC, idle, program). */
function placeOf(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1]!;
  const ws = /\/(packages|services)\/([^/]+)\//.exec(url);
  if (ws) return `@openslate/${ws[2]}`;
  if (url.startsWith('node:')) return url;
  return path.basename(url);
}

/** Every thread's profile (node writes one per thread: the event loop and each worker) summarised in turn. */
export function profileSummary(dir: string, top = 12): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return `no .cpuprofile in ${dir}`;
  return files.map((f) => threadSummary(path.join(dir, f), top)).join('\n');
}

/** Self time by place and by function, as shares of all samples except idle, and inclusive time. */
function threadSummary(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const { functionName, url } = node.callFrame;
    if (hits === 0 || functionName === '(idle)') continue;
    total += hits;
    const place = placeOf(url, functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
    const fn = `${functionName || '(anonymous)'} [${place}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  // Inclusive ("total") time: each sampled node's hits count once for every distinct function on its stack.
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node);
  const inclusive = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) {
      const { functionName, url } = n.callFrame;
      if (functionName === '(root)') continue;
      seen.add(`${functionName || '(anonymous)'} [${placeOf(url, functionName)}]`);
    }
    for (const fn of seen) inclusive.set(fn, (inclusive.get(fn) ?? 0) + hits);
  }
  const rank = (m: Map<string, number>, n = top) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `API thread ${path.basename(file)}: ${total} samples; CPU profile (self time, idle excluded):\n by place\n${rank(byPlace)}\n by function\n${rank(byFunction)}\n by function, inclusive (callees counted)\n${rank(inclusive, 30)}\n`;
}
