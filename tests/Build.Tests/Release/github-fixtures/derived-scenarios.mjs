// What no recording of @octokit/fixtures covers, composed from the recorded release-assets exchanges, whose
// answers are real GitHub answers: creating a release (GitHub answers 201 with the release, here the recorded
// one), asking for the release of a tag that has none (GitHub's 404 body), and a release that already holds its
// asset (the recorded release with the recorded upload's asset in it).
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
  return {
    'release-create': [create, upload],
    'release-resume': [notFound, create, upload],
    'release-complete': [complete],
  };
}
