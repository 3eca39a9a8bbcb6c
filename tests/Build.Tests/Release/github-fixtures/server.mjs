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

// The recordings are octokit.js's requests; the client is Octokit.NET's, which GitHub answers the same. Two headers
// are therefore matched as GitHub reads them, not letter for letter: the Authorization scheme ignores case ("Token",
// RFC 9110 section 11.1), the recorded token itself still exact; and Accept takes the recorded media type with or
// without its +json suffix (application/vnd.github.v3 is GitHub's v3 JSON too). Every other recorded header, the
// method, path, query, body and order are as recorded.
function matchedAsGitHubReadsThem(exchange) {
  const { authorization, accept } = exchange.reqheaders;
  const [scheme, token] = authorization.split(' ');
  const acceptable = [accept, accept.replace(/\+json$/, '')];
  return {
    ...exchange,
    reqheaders: {
      ...exchange.reqheaders,
      authorization: (value) => {
        const [sentScheme, sentToken] = String(value).split(' ');
        return sentScheme.toLowerCase() === scheme.toLowerCase() && sentToken === token;
      },
      accept: (value) => String(value).split(',').some((type) => acceptable.includes(type.trim())),
    },
  };
}

const scenarios = { ...recorded, ...derivedScenarios(recorded['release-assets']) };

const app = express();
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  app.use(
    fixtureServerMiddleware({
      port,
      fixturesUrl: `http://127.0.0.1:${port}`,
      logLevel: 'warn',
      fixtures: Object.fromEntries(
        Object.entries(scenarios).map(([name, exchanges]) => [name, exchanges.map(matchedAsGitHubReadsThem)]),
      ),
    }),
  );
  console.log(`listening ${port}`);
});

// The test stops the server by closing standard input, so no server outlives a test run that crashed.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
