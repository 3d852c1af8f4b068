// Runs every workspace's tests from the root: `npm test`.
const workspaces = require('./package.json').workspaces;
module.exports = {
  projects: workspaces.map((ws) => `<rootDir>/${ws}`),
};
