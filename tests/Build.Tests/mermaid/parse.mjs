// Parses each file named on the command line as one Mermaid diagram with mermaid's own parser (the one its renderer
// uses) and prints one JSON line per file: {"file", "diagramType"} when it parses, {"file", "error"} when it does not.
// Exit code: 0 all parsed, 1 some did not, 2 mermaid could not be loaded or a file could not be read.
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';

// mermaid expects a browser: DOMPurify and the diagram loaders look for window and document at import time.
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = window;
globalThis.document = window.document;
for (const name of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'MutationObserver']) {
  globalThis[name] ??= window[name];
}

let failed = 0;
try {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  for (const file of process.argv.slice(2)) {
    const text = await readFile(file, 'utf8');
    try {
      const { diagramType } = await mermaid.parse(text);
      console.log(JSON.stringify({ file, diagramType }));
    } catch (error) {
      console.log(JSON.stringify({ file, error: String(error?.message ?? error) }));
      failed++;
    }
  }
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(2);
}
process.exitCode = failed > 0 ? 1 : 0;
