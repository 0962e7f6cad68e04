/**
 * The real-editor test runner: the classic `run()` index of @vscode/test-electron, also what the
 * vscode-harness calls inside code-server's extension host. Loads the bundled `*.test.js` files
 * next to it. MVP_SUITE=activation runs only the activation suite (it needs an empty window);
 * otherwise every other suite runs against the fixture workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const activationOnly = process.env.MVP_SUITE === 'activation';
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => (activationOnly ? f.startsWith('activation.') : !f.startsWith('activation.')))
    .sort();
  for (const f of files) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
