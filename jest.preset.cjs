// Shared jest settings for every workspace (see docs/development.md, "Tests").
// TypeScript and the ES-module-only dependencies (@noble/*, jose, kysely, PGlite) are compiled to
// CommonJS by @swc/jest, so jest runs in its ordinary mode with the `jest` global and real failures.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const workspaces = require('./package.json').workspaces;

// Workspace packages resolve to their TypeScript sources, so tests never run stale builds.
const workspaceMap = {};
for (const ws of workspaces) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  const exportsField = pkg.exports || {};
  for (const [sub] of Object.entries(exportsField)) {
    const name = sub === '.' ? pkg.name : `${pkg.name}/${sub.replace(/^\.\//, '')}`;
    const src = sub === '.' ? 'src/index.ts' : `src/${sub.replace(/^\.\//, '')}.ts`;
    workspaceMap[`^${name.replace(/[/.]/g, '\\$&')}$`] = path.join(root, ws, src);
  }
}

/** @param {string} dir the workspace folder */
module.exports = (dir) => ({
  displayName: path.relative(root, dir),
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(ts|tsx|js|mjs|cjs)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@noble|jose|kysely|@electric-sql|@cloudflare)/)'],
  moduleNameMapper: {
    ...workspaceMap,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
});
