/** MVP: Show Agent Context in the real editor: the fixture workspace is set up for Codex (AGENTS.md). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, revertAndClose, waitFor } from './testSupport';

suite('Agent context', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(revertAndClose);

  test("MVP: Show Agent Context opens the itemised fixed load of the workspace's agent", async () => {
    await vscode.commands.executeCommand('mvp.showAgentContext');
    const report = await waitFor('the agent context report', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.isUntitled && d.getText().includes('Sent with every request before you type a word'),
      ),
    );
    const text = report.getText();
    assert.match(text, /^codex in /, text.slice(0, 200));
    assert.match(text, /instructions +AGENTS\.md/);
    assert.match(text, /baseline measured with codex 0\.169\.0/);
  });
});
