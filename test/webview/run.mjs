// The energy panel's Chromium suite (`npm run test:webview`, which builds first). Mocha with the
// spec reporter, so the output ends with "N passing" / "N failing"; exits non-zero on a failure.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('esbuild-register/dist/node').register({ target: 'node20' });
const Mocha = require('mocha');

const here = path.dirname(fileURLToPath(import.meta.url));
const mocha = new Mocha({ reporter: 'spec', timeout: 60_000, color: false });
mocha.addFile(path.join(here, 'panel.webview.test.ts'));
mocha.run((failures) => {
  process.exitCode = failures ? 1 : 0;
});
