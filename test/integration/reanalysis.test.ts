/** Re-analysis: after edits (debounced, stale results dropped), config changes, attachment changes on disk. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatTokensShort } from '../../src/core/format';
import { api, codeActions, diagnosticsWith, mvpDiagnostics, open, readText, revertAndClose, ruleOf, runCodeAction, waitFor, workspaceUri } from './testSupport';

suite('Re-analysis', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(revertAndClose);

  test('typing a base64 blob adds a diagnostic; deleting it removes it', async () => {
    const editor = await open('AGENTS.md');
    const uri = editor.document.uri;
    const mvp = await api();
    await mvp.analyse(uri);
    assert.equal(mvpDiagnostics(uri).length, 0);
    const blob = 'A'.repeat(40).split('').map((_, i) => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'[i % 35]).join('').repeat(8);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\n${blob}\n`));
    const [d] = await diagnosticsWith(uri, (r) => r.includes('base64-blob'), 'base64 diagnostic after typing');
    assert.equal(d.range.start.line, editor.document.lineCount - 2);
    await vscode.commands.executeCommand('undo');
    await diagnosticsWith(uri, (r) => r.length === 0, 'diagnostic gone after undo');
  });

  test('a burst of edits ends with the diagnostics of the final text (stale analyses are dropped)', async () => {
    const editor = await open('cleanup.prompt.md');
    const uri = editor.document.uri;
    const mvp = await api();
    const seen: number[] = [];
    const listener = mvp.onDidAnalyse((e) => {
      if (e.uri.toString() === uri.toString()) seen.push(e.version);
    });
    try {
      for (let i = 0; i < 15; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
      }
      const finalVersion = editor.document.version;
      await waitFor('analysis of the final version', () => seen.includes(finalVersion));
      assert.ok(seen.length < 15, `${seen.length} analyses published for 15 edits (debounce)`);
      assert.ok(seen.every((v, i) => i === 0 || v > seen[i - 1]), `published out of order: ${seen.join(',')}`);
      assert.equal(mvp.analysisOf(uri)?.tokens.total !== undefined, true);
    } finally {
      listener.dispose();
    }
  });

  test('typing does not re-read attachments; changing the attachment on disk does', async () => {
    const mvp = await api();
    const editor = await open('export-failure.prompt.md');
    const uri = editor.document.uri;
    const first = await mvp.analyse(uri);
    const reads = mvp.attachmentReads();
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), 'More context.\n'));
    await waitFor('re-analysed after typing', () => mvp.analysisOf(uri));
    // Other open prompts may be analysed meanwhile (the counter is the extension's): only reads of
    // this prompt's attachment count against it.
    const log = workspaceUri('logs', 'export.log');
    const newReads = mvp.attachmentReadReasons().slice(-Math.max(1, mvp.attachmentReads() - reads)).slice(mvp.attachmentReads() === reads ? 1 : 0);
    const rereads = newReads.filter((reason) => reason.startsWith(log.fsPath));
    assert.deepEqual(rereads, [], `an edit in the prompt re-read the attachment: ${rereads.join(' | ')}`);
    const original = await readText(log);
    try {
      await vscode.workspace.fs.writeFile(log, new TextEncoder().encode(original + '2025-08-14 02:00:00 ERROR exporter   one more failure\n'.repeat(50)));
      const after = await waitFor('re-analysis after the log changed on disk', () => {
        const a = mvp.analysisOf(uri);
        return a && a.tokens.total > first!.tokens.total + 200 ? a : undefined;
        // The file watcher's event can lag well behind the write on a loaded machine.
      }, 45_000);
      assert.ok(mvp.attachmentReads() > reads);
      assert.ok(after.attachments[0].naive.tokens > first!.attachments[0].naive.tokens);
    } finally {
      await vscode.workspace.fs.writeFile(log, new TextEncoder().encode(original));
    }
  });

  test('editing the team config re-analyses open prompts (rule turned off, then back)', async () => {
    const { document } = await open('cleanup.prompt.md');
    await diagnosticsWith(document.uri, (r) => r.includes('base64-blob'), 'base64 reported');
    const config = workspaceUri('.mvp.jsonc');
    const original = await readText(config);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original.replace('"unreferenced-attachment": "off"', '"unreferenced-attachment": "off", "base64-blob": "off"')));
      await diagnosticsWith(document.uri, (r) => !r.includes('base64-blob') && r.includes('duplicate-content'), 'base64-blob off after the config change');
    } finally {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original));
    }
    await diagnosticsWith(document.uri, (r) => r.includes('base64-blob'), 'base64-blob back after restoring the config');
  });

  test('a broken team config is reported with a clear message, and analysis still runs', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const config = workspaceUri('.mvp.jsonc');
    const original = await readText(config);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original.replace('"rules": {', '"rules": { "no-such-rule": "error",')));
      const diagnostics = await diagnosticsWith(document.uri, (r) => r.includes('config'), 'config problem reported');
      const problem = diagnostics.find((d) => ruleOf(d) === 'config')!;
      assert.match(problem.message, /Unknown rule "no-such-rule"/);
      assert.ok(problem.relatedInformation?.some((r) => r.location.uri.path.endsWith('/.mvp.jsonc')), 'points at the config file');
      const inConfig = await waitFor('the problem shown in .mvp.jsonc itself', () => {
        const d = vscode.languages.getDiagnostics(config).filter((x) => x.source === 'MVP');
        return d.length ? d : undefined;
      });
      const text = await readText(config);
      const at = text.indexOf('"no-such-rule"');
      const line = text.slice(0, at).split('\n').length - 1;
      assert.equal(inConfig[0].range.start.line, line, 'on the line of the unknown rule');
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'spreadsheet-attachment'), 'the prompt is still analysed');
    } finally {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original));
    }
  });

  test('mvp.diagnostics.enabled = false clears the problems; true brings them back', async () => {
    const { document } = await open('q3-sales.prompt.md');
    await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'reported');
    const settings = vscode.workspace.getConfiguration('mvp');
    await settings.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('cleared', () => mvpDiagnostics(document.uri).length === 0);
    } finally {
      await settings.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'back');
  });

  test('typing updates the count at once, exactly: the live total equals the next full analysis of that version', async () => {
    const mvp = await api();
    const editor = await open('export-failure.prompt.md');
    const uri = editor.document.uri;
    await mvp.analyse(uri);
    const live: { version: number; total: number }[] = [];
    const listener = mvp.onDidLiveUpdate((e) => {
      if (e.uri.toString() === uri.toString()) live.push(e);
    });
    try {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), 'Also list the affected batches, with their timestamps and the error text.\n'));
      const version = editor.document.version;
      const update = live.find((e) => e.version === version);
      assert.ok(update, `no live update for version ${version} (got ${JSON.stringify(live)})`);
      assert.ok(mvp.statusBar().text.includes(`${formatTokensShort(update.total)}/`), `status bar "${mvp.statusBar().text}" shows ${update.total}`);
      assert.match(mvp.statusBar().tooltip, /Counted as you type/);
      const full = await waitFor('full analysis of that version', () => {
        const a = mvp.analysisOf(uri);
        return a && editor.document.version === version ? a : undefined;
      });
      assert.equal(update.total, full.tokens.total, 'the live count is exact');
    } finally {
      listener.dispose();
    }
  });

  test('squiggles move with the text while the next analysis is pending', async () => {
    const settings = vscode.workspace.getConfiguration('mvp');
    await settings.update('diagnostics.delay', 5000, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await open('cleanup.prompt.md');
      const uri = editor.document.uri;
      const [before] = await diagnosticsWith(uri, (r) => r.includes('base64-blob'), 'base64 reported');
      const line = mvpDiagnostics(uri).find((d) => ruleOf(d) === 'base64-blob')!.range.start.line;
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'A new first line.\n\n'));
      const moved = mvpDiagnostics(uri).find((d) => ruleOf(d) === 'base64-blob');
      assert.ok(moved, 'the diagnostic is still shown');
      assert.equal(moved.range.start.line, line + 2, 'moved down with its text');
      assert.ok(editor.document.getText(moved.range).startsWith('data:image/png;base64,'));
      assert.ok(before);
    } finally {
      await settings.update('diagnostics.delay', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
  // Last in the suite: it rewrites the team config, which re-analyses every open prompt.
  test('turn off in the team config: sets "off" in .mvp.jsonc (comments kept) and the finding goes away', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const configUri = workspaceUri('.mvp.jsonc');
    const before = await readText(configUri);
    try {
      const [diagnostic] = await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'spreadsheet-attachment');
      const actions = await codeActions(document.uri, mvpDiagnostics(document.uri).find((d) => ruleOf(d) === 'spreadsheet-attachment')?.range ?? diagnostic.range);
      const turnOff = actions.find((a) => a.title === "Turn off 'spreadsheet-attachment' in the team config (.mvp.jsonc)");
      assert.ok(turnOff, actions.map((a) => a.title).join(' | '));
      await runCodeAction(turnOff);
      const after = await readText(configUri);
      assert.match(after, /"spreadsheet-attachment": "off"/);
      for (const comment of before.match(/\/\/.*$/gm) ?? []) assert.ok(after.includes(comment), `comment kept: ${comment}`);
      assert.ok(!document.getText().includes('mvp-disable'), 'nothing added to the prompt');
      await diagnosticsWith(document.uri, (r) => !r.includes('spreadsheet-attachment'), 'rule off in the config');
    } finally {
      await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(before));
      // Let the restored config reach every open prompt before the next test counts reads.
      await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'rule back on');
      await new Promise((r) => setTimeout(r, 500));
    }
  });

});
