// Runs every workspace's tests from the root: `npm test`.
const workspaces = require('./package.json').workspaces;
module.exports = {
  // A safety limit, not a speed goal: starting an embedded PostgreSQL on a busy 2-core machine takes seconds.
  testTimeout: 60_000,
  projects: workspaces.map((ws) => `<rootDir>/${ws}`),
};
