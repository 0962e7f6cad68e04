/** Diagnostics in the fixture workspace: which rules, where, with which code, severity and docs link. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticsWith, mvpDiagnostics, open, readText, ruleOf, waitFor, workspaceUri } from './testSupport';

function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await api();
  });

  test('spreadsheet attachment: a warning on the #file reference, code linking to the rule docs', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const [d] = await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'spreadsheet-attachment');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.source, 'MVP');
    assert.ok(typeof d.code === 'object');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'spreadsheet-attachment');
    assert.equal(code.target.scheme, 'file');
    assert.match(code.target.path, /\/docs\/rules\/spreadsheet-attachment\.md$/);
    assert.deepEqual(d.range, rangeOf(document, '#file:data/sales.xlsx'));
    assert.match(d.message, /sales\.xlsx sends [\d,]+ tokens/);
    assert.match(d.message, /≈[\d.]+ m?Wh per request/);
  });

  test('pasted base64, repeated paragraph and unbounded output in cleanup.prompt.md, each on its own range', async () => {
    const { document } = await open('cleanup.prompt.md');
    const diagnostics = await diagnosticsWith(
      document.uri,
      (r) => ['base64-blob', 'duplicate-content', 'unbounded-output'].every((id) => r.includes(id)),
      'three rules',
    );
    const byRule = new Map(diagnostics.map((d) => [ruleOf(d), d]));
    const base64 = byRule.get('base64-blob')!;
    assert.equal(base64.range.start.line, 4);
    assert.ok(document.getText(base64.range).startsWith('data:image/png;base64,'), document.getText(base64.range).slice(0, 30));
    const duplicate = byRule.get('duplicate-content')!;
    assert.equal(duplicate.range.start.line, 6, 'the second copy is flagged, not the first');
    assert.equal(byRule.get('unbounded-output')!.severity, vscode.DiagnosticSeverity.Information);
  });

  test('a whole-request finding (over the team budget) sits on the first line and the attachment finding on its reference', async () => {
    const { document } = await open('export-failure.prompt.md');
    const diagnostics = await diagnosticsWith(document.uri, (r) => r.includes('token-budget') && r.includes('pasted-log'), 'budget + log');
    const budget = diagnostics.find((d) => ruleOf(d) === 'token-budget')!;
    assert.equal(budget.range.start.line, 0);
    assert.match(budget.message, /the budget is 15,000/);
    const log = diagnostics.find((d) => ruleOf(d) === 'pasted-log')!;
    assert.deepEqual(log.range, rangeOf(document, '#file:logs/export.log'));
  });

  test('a clean prompt (AGENTS.md) is analysed and has no problems', async () => {
    const mvp = await api();
    const { document } = await open('AGENTS.md');
    assert.equal(document.languageId, 'markdown');
    const analysis = await mvp.analyse(document.uri);
    assert.ok(analysis && analysis.tokens.total > 0);
    assert.equal(mvpDiagnostics(document.uri).length, 0);
    assert.ok(mvp.isTracked(document.uri), 'AGENTS.md matches the default globs');
  });

  test('an ordinary .ts file gets no analysis, no diagnostics and no status bar item', async () => {
    const mvp = await api();
    const { document } = await open('src', 'util.ts');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(mvp.isTracked(document.uri), false);
    assert.equal(mvp.analysisOf(document.uri), undefined);
    assert.equal(mvpDiagnostics(document.uri).length, 0);
    assert.equal(mvp.statusBar().visible, false);
  });

  test('a pasted log gets one squiggle (its first line), with the whole block as related information', async () => {
    const log = Array.from({ length: 58 }, (_, i) => `2026-11-28T10:${String(i % 60).padStart(2, '0')}:00Z INFO worker ${i} processed batch ${i * 7} in ${100 + i} ms`).join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'prompt', content: `Why did the export fail?\n\n\`\`\`\n${log}\n\`\`\`\n` });
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWith(document.uri, (r) => r.includes('pasted-log'), 'pasted-log');
    const d = diagnostics.find((x) => ruleOf(x) === 'pasted-log')!;
    assert.ok(d.range.isSingleLine, `one line, not a wall: ${d.range.start.line}–${d.range.end.line}`);
    const block = d.relatedInformation?.find((r) => /whole block/.test(r.message));
    assert.ok(block && block.location.range.end.line - block.location.range.start.line >= 50, 'the block is in the related information');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an untitled document in the prompt language is analysed too', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'prompt', content: `Describe this image: data:image/png;base64,${'iVBORw0KGgo'.repeat(40)}\n` });
    await vscode.window.showTextDocument(document);
    const [d] = await diagnosticsWith(document.uri, (r) => r.includes('base64-blob'), 'base64 in an untitled prompt');
    assert.equal(d.range.start.line, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a Markdown file becomes a prompt when the mvp.files setting names it, and stops being one when it does not', async () => {
    const mvp = await api();
    const { document } = await open('notes', 'plan.md');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(mvp.isTracked(document.uri), false, 'not a prompt by default');
    assert.equal(mvpDiagnostics(document.uri).length, 0);
    const settings = vscode.workspace.getConfiguration('mvp');
    const defaults = settings.get<string[]>('files')!;
    await settings.update('files', [...defaults, '**/notes/*.md'], vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWith(document.uri, (r) => r.includes('duplicate-content'), 'analysed once the glob names it');
    } finally {
      await settings.update('files', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('diagnostics cleared when no longer a prompt', () => mvpDiagnostics(document.uri).length === 0);
  });

  test("a Markdown file named by the team config's files globs is a prompt", async () => {
    const mvp = await api();
    const config = workspaceUri('.mvp.jsonc');
    const original = await readText(config);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original.replace('"rules": {', '"files": ["notes/*.md"],\n  "rules": {')));
      const { document } = await open('notes', 'plan.md');
      await diagnosticsWith(document.uri, (r) => r.includes('duplicate-content'), 'analysed because the config names it');
      assert.ok(mvp.isTracked(document.uri));
    } finally {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original));
    }
  });
});
