/** The command palette commands, run through executeCommand as the palette does. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/analysis';
import { api, diagnosticsWith, exists, open, readText, revertAndClose, waitFor, workspaceUri } from './testSupport';

suite('Commands', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(revertAndClose);

  test('every MVP command is contributed with the MVP category', async () => {
    const extension = vscode.extensions.getExtension('minimal-viable-prompt.minimal-viable-prompt')!;
    const contributed = extension.packageJSON.contributes.commands as { command: string; category: string; title: string }[];
    const titles = contributed.filter((c) => c.category === 'MVP').map((c) => c.title);
    for (const title of ['Analyse Prompt', 'Choose Model', 'Convert Spreadsheet to CSV', 'Analyse Chat Session…', 'Start Fresh Session from Summary', 'Explain Estimate', 'Create Team Config']) {
      assert.ok(titles.includes(title), `missing "MVP: ${title}"`);
    }
    const registered = await vscode.commands.getCommands(true);
    for (const c of contributed) assert.ok(registered.includes(c.command), `${c.command} not registered`);
  });

  test('MVP: Analyse Prompt opens the report with the part breakdown, ranges and suggestions', async () => {
    const mvp = await api();
    await open('q3-sales.prompt.md');
    const analysis = await vscode.commands.executeCommand<Analysis>('mvp.analysePrompt');
    assert.ok(analysis, 'no analysis returned');
    assert.equal(analysis.model.id, 'gpt-4o');
    const html = mvp.reportHtml();
    assert.match(html, /Where the tokens go/);
    assert.match(html, /sales\.xlsx/);
    assert.match(html, /Energy, carbon, water per request/);
    assert.match(html, /Suggestions/);
    assert.match(html, /command:mvp\.applyFix\?/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.ok(!/<script/i.test(html), 'the report runs no script');
  });

  test('MVP: Analyse Prompt on a selection analyses only the selected text', async () => {
    const editor = await open('cleanup.prompt.md');
    const whole = await vscode.commands.executeCommand<Analysis>('mvp.analysePrompt', editor.document.uri);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    const selected = await vscode.commands.executeCommand<Analysis>('mvp.analysePrompt');
    assert.ok(selected.tokens.total > 0 && selected.tokens.total < whole.tokens.total / 4, `${selected.tokens.total} vs ${whole.tokens.total}`);
  });

  test('MVP: Choose Model (with an id) sets mvp.defaultModel and the prompt is re-analysed for it', async () => {
    const mvp = await api();
    const { document } = await open('export-failure.prompt.md');
    const before = await mvp.analyse(document.uri);
    assert.equal(before?.model.id, 'gpt-4o');
    await vscode.commands.executeCommand('mvp.chooseModel', 'claude-sonnet-4-5', 'workspaceSetting');
    try {
      assert.equal(vscode.workspace.getConfiguration('mvp').get('defaultModel'), 'claude-sonnet-4-5');
      const after = await waitFor('re-analysis for the new model', () => {
        const a = mvp.analysisOf(document.uri);
        return a?.model.id === 'claude-sonnet-4-5' ? a : undefined;
      });
      assert.notEqual(after.tokens.total, before!.tokens.total, 'another tokenizer, another count');
      assert.match(mvp.statusBar().text, /Claude Sonnet 4\.5/);
    } finally {
      await vscode.workspace.getConfiguration('mvp').update('defaultModel', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('MVP: Explain Estimate opens the why: formula, profile sources, method version', async () => {
    await open('q3-sales.prompt.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mvp.explainEstimate');
    assert.equal(uri.scheme, 'mvp-explain');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /## Formula/);
    assert.match(text, /E = PUE/);
    assert.match(text, /### Sources/);
    assert.match(text, /; weights (open \(published; you can run it yourself\)|closed); /);
    assert.match(text, /mvp-energy \d/);
  });

  test('MVP: Create Team Config opens the existing .mvp.jsonc instead of overwriting it', async () => {
    const config = workspaceUri('.mvp.jsonc');
    const before = await readText(config);
    const result = await vscode.commands.executeCommand<vscode.Uri>('mvp.createTeamConfig');
    assert.equal(result.toString(), config.toString());
    assert.equal(await readText(config), before);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), config.toString());
  });

  test('MVP: Analyse Chat Session… reports the session, MVP: Start Fresh Session writes the seed summary as a new prompt', async () => {
    const mvp = await api();
    const transcript = workspaceUri('chat', 'long-session.json');
    const analysis = await vscode.commands.executeCommand<Analysis>('mvp.analyseChatSession', transcript);
    assert.ok(analysis.session, 'no session analysis');
    assert.ok(analysis.session.turns.length > 10, `${analysis.session.turns.length} turns`);
    assert.match(mvp.reportHtml(), /Continue this session/);
    const fresh = await vscode.commands.executeCommand<vscode.Uri>('mvp.startFreshSession', transcript);
    assert.equal(fresh.toString(), workspaceUri('chat', 'long-session.fresh.prompt.md').toString());
    assert.equal((await readText(fresh)).trim(), analysis.session.seedSummary.trim());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fresh.toString(), 'opened as the active editor');
    const again = await vscode.commands.executeCommand<vscode.Uri>('mvp.startFreshSession', transcript);
    assert.equal(again.toString(), workspaceUri('chat', 'long-session.fresh-2.prompt.md').toString(), 'never overwrites');
    await vscode.workspace.fs.delete(fresh);
    await vscode.workspace.fs.delete(again);
  });

  test('MVP: Convert Spreadsheet to CSV from the explorer asks for the sheet and writes it', async () => {
    const workbook = workspaceUri('data', 'sales.xlsx');
    const running = vscode.commands.executeCommand<vscode.Uri>('mvp.convertSpreadsheet', workbook);
    // The sheet quick pick: move to the second sheet ("Q3") and accept.
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const created = await running;
    assert.ok(created, 'nothing created');
    assert.equal(created.toString(), workspaceUri('data', 'sales.Q3.csv').toString());
    const csv = await readText(created);
    assert.match(csv, /^Date,Region,Units,Revenue,Note/);
    assert.ok(await exists(workbook));
    await vscode.workspace.fs.delete(created);
  });

  test('hover on an attachment reference: short — tokens as sent vs minimal, the saving, one Explain link; no table, no repeated message', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const [diagnostic] = await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'analysed');
    const at = document.positionAt(document.getText().indexOf('sales.xlsx') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*sales\\\.xlsx\*\* — spreadsheet, [\d.]+ KB: [\d,]+ tokens as usually sent, [\d,]+ as CSV, one file per visible sheet \(Summary [\d,]+, /);
    assert.match(text, /saves [\d,]+ tokens · ≈[\d.]+ m?Wh · ≈[\d.]+ m?g CO₂e per request/);
    assert.equal(text.match(/command:mvp\.explainEstimate/g)?.length, 1, 'one Explain link');
    assert.ok(!text.includes('Why these numbers') && !text.includes('|---'), 'the request table and the why live in the report');
    assert.ok(!text.includes(diagnostic.message.slice(0, 40)), 'the diagnostic message is shown once, by VS Code');
  });

  test('status bar: tokens / window, Wh and model; warning colour over the team budget', async () => {
    const mvp = await api();
    await open('q3-sales.prompt.md');
    const small = await waitFor('status for q3-sales', () => {
      const s = mvp.statusBar();
      return s.visible && /GPT-4o/.test(s.text) && !s.warning ? s : undefined;
    });
    assert.match(small.text, /\/128k · .*Wh · GPT-4o/);
    assert.match(small.tooltip, /Energy/);
    assert.match(small.tooltip, /–/, 'range in the tooltip');
    await open('export-failure.prompt.md');
    const over = await waitFor('warning for export-failure', () => (mvp.statusBar().warning ? mvp.statusBar() : undefined));
    assert.match(over.tooltip, /budget is 15,000/);
  });

  test("MVP: Cross-check Token Count runs only when asked and, with no editor language model offered, returns nothing without an error", async () => {
    const { document } = await open('q3-sales.prompt.md');
    const models = await vscode.lm.selectChatModels({});
    const result = await vscode.commands.executeCommand('mvp.crossCheckTokens', document.uri);
    if (models.length === 0) {
      assert.equal(result, undefined);
    } else {
      const check = result as { tokens: number; maxInputTokens: number } | undefined;
      assert.ok(check === undefined || (check.tokens > 0 && check.maxInputTokens > 0));
    }
  });
});
