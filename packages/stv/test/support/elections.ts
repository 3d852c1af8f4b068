// Test helpers: locate and read the real election data in /work/shared/elections (never edited).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTIONS = '/work/shared/elections';

/** Every file under `dir` (recursively) whose name matches `pattern`. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

export const readText = (path: string): string => readFileSync(path, 'utf8');

export interface ExpectedStage {
  stage: number;
  action: string;
  subject: string | null;
  votes: Record<string, string>;
  elected_at_this_stage: string[];
}

export interface Expected {
  title?: string;
  seats: number;
  valid_votes: number;
  quota: number | string;
  candidates?: string[];
  elected?: (string | { name: string; stage: number })[];
  elected_in_order?: string[];
  ballot_file: string;
  stages?: ExpectedStage[];
}

/** The election folders of one data set, each with its expected.json and ballot file path. */
export function electionFolders(set: string): { folder: string; expected: Expected; ballotPath: string }[] {
  const root = join(ELECTIONS, set);
  return readdirSync(root)
    .sort()
    .filter((name) => statSync(join(root, name)).isDirectory())
    .map((name) => {
      const folder = join(root, name);
      const expected = JSON.parse(readText(join(folder, 'expected.json'))) as Expected;
      return { folder: name, expected, ballotPath: join(folder, expected.ballot_file) };
    });
}

export const electedNames = (e: Expected): string[] =>
  e.elected?.map((x) => (typeof x === 'string' ? x : x.name)) ?? e.elected_in_order ?? [];
