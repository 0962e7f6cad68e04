// npm run test:electron — the same real-editor suites in desktop VS Code, downloaded by
// @vscode/test-electron, for contributors whose machine can reach VS Code's download server.
// (The project's own machines cannot: there, npm run test:vscode runs the same run() index
// through ../shared/vscode-harness instead.) Expects `npm run build` to have run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionTestsPath = path.join(root, 'out/test/integration/index.js');
const fixture = path.join(root, 'test/fixtures/workspace');
// 1.100 is the version the harness runs and the manifest's engines.vscode floor.
const version = process.env.VSCODE_TEST_VERSION ?? '1.100.3';
const common = ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'];

let failed = false;
try {
  // The activation suite needs an empty window: no workspaceContains event may activate the extension.
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [...common, '--new-window'],
    extensionTestsEnv: { MVP_SUITE: 'activation', MVP_FIXTURE_WORKSPACE: fixture },
  });
} catch (error) {
  console.error(`activation suite failed: ${error.message}`);
  failed = true;
}

// The other suites edit files and create CSVs: they run on a scratch copy of the fixture workspace.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mvp-electron-'));
const workspace = path.join(scratch, 'ws');
cpSync(fixture, workspace, { recursive: true });
try {
  await runTests({ version, extensionDevelopmentPath: root, extensionTestsPath, launchArgs: [...common, workspace] });
} catch (error) {
  console.error(`integration suites failed: ${error.message}`);
  failed = true;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
