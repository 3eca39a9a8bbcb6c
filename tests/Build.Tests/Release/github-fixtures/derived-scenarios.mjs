// What no recording of @octokit/fixtures covers, composed from the recorded release-assets exchanges, whose
// answers are real GitHub answers: creating a release (GitHub answers 201 with the release, here the recorded
// one), asking for the release of a tag that has none (GitHub's 404 body), a release that already holds its
// asset (the recorded release with the recorded upload's asset in it), and a token refused the release (GitHub's 403).
export function derivedScenarios([getRelease, upload]) {
  const notFound = {
    ...getRelease,
    status: 404,
    response: {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name',
      status: '404',
    },
  };
  // No body to match: the notes differ with every test repository's commits.
  const { body: _, ...withoutBody } = getRelease;
  const create = {
    ...withoutBody,
    method: 'post',
    path: getRelease.path.replace(/\/tags\/[^/]+$/, ''),
    status: 201,
  };
  const complete = { ...getRelease, response: { ...getRelease.response, assets: [upload.response] } };
  // A token that may not write the repository's contents (a workflow's GITHUB_TOKEN without contents: write) is
  // answered 403 with this message, and its rate limit is not the reason (x-ratelimit-remaining is not 0).
  const forbidden = {
    ...create,
    status: 403,
    response: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release',
      status: '403',
    },
  };
  return {
    'release-create': [create, upload],
    'release-resume': [notFound, create, upload],
    'release-complete': [complete],
    'release-forbidden': [notFound, forbidden],
  };
}
