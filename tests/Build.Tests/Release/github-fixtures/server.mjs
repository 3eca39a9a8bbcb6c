// Serves @octokit/fixtures-server (recorded real GitHub API exchanges) for the release tests on 127.0.0.1, on a
// free port, and prints "listening <port>" once it answers. Scenarios: the recorded release-assets and
// release-assets-conflict, and the few composed from them in derived-scenarios.mjs.
import express from 'express';
import fixtures from '@octokit/fixtures';
import fixtureServerMiddleware from '@octokit/fixtures-server';
import { derivedScenarios } from './derived-scenarios.mjs';

const recorded = Object.fromEntries(
  ['release-assets', 'release-assets-conflict'].map((name) => [name, fixtures.get(`api.github.com/${name}`)]),
);

const app = express();
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  app.use(
    fixtureServerMiddleware({
      port,
      fixturesUrl: `http://127.0.0.1:${port}`,
      logLevel: 'warn',
      fixtures: { ...recorded, ...derivedScenarios(recorded['release-assets']) },
    }),
  );
  console.log(`listening ${port}`);
});

// The test stops the server by closing standard input, so no server outlives a test run that crashed.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
