/**
 * Every kind of quick fix, run the way VS Code runs it (the code action's edit, then its command),
 * with the edit and any created file checked. Runs on a scratch copy of the fixture workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  codeActions,
  diagnosticsWith,
  exists,
  mvpDiagnostics,
  open,
  readText,
  revertAndClose,
  ruleOf,
  runCodeAction,
  waitFor,
  workspaceUri,
} from './testSupport';

async function actionsFor(uri: vscode.Uri, ruleId: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const [diagnostic] = await diagnosticsWith(uri, (r) => r.includes(ruleId), ruleId);
  const found = mvpDiagnostics(uri).find((d) => ruleOf(d) === ruleId)!;
  return { diagnostic: found ?? diagnostic, actions: await codeActions(uri, (found ?? diagnostic).range) };
}

function titled(actions: vscode.CodeAction[], title: string | RegExp): vscode.CodeAction {
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

suite('Quick fixes', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(revertAndClose);

  test('the lightbulb offers: apply fix, disable for line, disable for file, docs', async () => {
    const { document } = await open('cleanup.prompt.md');
    const { actions } = await actionsFor(document.uri, 'base64-blob');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace the base64 data with a placeholder'), titles.join(' | '));
    // Silencing: the team config first (free), then comments with what they add to every request.
    const config = titles.indexOf("Turn off 'base64-blob' in the team config (.mvp.jsonc)");
    const line = titles.findIndex((t) => /^Disable 'base64-blob' for this line \(a comment: \+\d+ tokens per request\)$/.test(t));
    const file = titles.findIndex((t) => /^Disable 'base64-blob' for this file \(a comment: \+\d+ tokens per request\)$/.test(t));
    assert.ok(config >= 0 && line > config && file > config, titles.join(' | '));
    assert.ok(titles.includes("Show documentation for 'base64-blob'"), titles.join(' | '));
    assert.ok(titled(actions, 'Replace the base64 data with a placeholder').isPreferred);
  });

  test('apply fix: the base64 blob is replaced and its diagnostic goes away', async () => {
    const { document } = await open('cleanup.prompt.md');
    const { actions } = await actionsFor(document.uri, 'base64-blob');
    await runCodeAction(titled(actions, 'Replace the base64 data with a placeholder'));
    assert.ok(!document.getText().includes('data:image/png;base64,'), 'blob still there');
    await diagnosticsWith(document.uri, (r) => !r.includes('base64-blob') && r.includes('duplicate-content'), 'base64 diagnostic gone');
  });

  test('disable for this line inserts the next-line comment; the finding disappears', async () => {
    const { document } = await open('cleanup.prompt.md');
    const { diagnostic, actions } = await actionsFor(document.uri, 'duplicate-content');
    await runCodeAction(titled(actions, /^Disable 'duplicate-content' for this line/));
    const line = diagnostic.range.start.line;
    assert.equal(document.lineAt(line).text, '<!-- mvp-disable-next-line duplicate-content -->');
    await diagnosticsWith(document.uri, (r) => !r.includes('duplicate-content') && r.includes('base64-blob'), 'duplicate-content disabled');
  });

  test('disable for this file inserts the file comment after the front matter', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const { actions } = await actionsFor(document.uri, 'spreadsheet-attachment');
    await runCodeAction(titled(actions, /^Disable 'spreadsheet-attachment' for this file/));
    assert.equal(document.lineAt(3).text, '<!-- mvp-disable-file spreadsheet-attachment -->');
    assert.equal(document.lineAt(2).text, '---', 'front matter left intact');
    await diagnosticsWith(document.uri, (r) => !r.includes('spreadsheet-attachment'), 'rule disabled for the file');
  });

  test('source.fixAll.mvp applies every text fix in one edit', async () => {
    const { document } = await open('cleanup.prompt.md');
    await diagnosticsWith(document.uri, (r) => r.includes('base64-blob') && r.includes('duplicate-content') && r.includes('unbounded-output'), 'all three');
    const actions = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.mvp');
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0].kind?.value, 'source.fixAll.mvp');
    await runCodeAction(actions[0]);
    const text = document.getText();
    assert.ok(!text.includes('base64,'), 'base64 fixed');
    assert.equal(text.split('The export job reads the orders table').length - 1, 1, 'duplicate removed');
    assert.match(text, /Answer in at most \d+ words\./);
    await waitFor('no fixable findings left', () => mvpDiagnostics(document.uri).filter((d) => ['base64-blob', 'duplicate-content', 'unbounded-output'].includes(ruleOf(d))).length === 0);
  });

  test('fix all of one rule fixes every occurrence of that rule only', async () => {
    const { document, edit } = await open('cleanup.prompt.md').then((e) => ({ document: e.document, edit: e.edit.bind(e) }));
    // A third copy of the paragraph: now two duplicates of the same rule.
    const paragraph = document.lineAt(2).text;
    await edit((b) => b.insert(new vscode.Position(document.lineCount, 0), `\n${paragraph}\n`));
    await waitFor('two duplicate findings', () => mvpDiagnostics(document.uri).filter((d) => ruleOf(d) === 'duplicate-content').length === 2);
    const { actions } = await actionsFor(document.uri, 'duplicate-content');
    await runCodeAction(titled(actions, "Fix all 'duplicate-content' problems in this file"));
    assert.equal(document.getText().split(paragraph).length - 1, 1, 'one copy left');
    assert.ok(document.getText().includes('base64,'), 'other rules untouched');
  });

  test('convert spreadsheet: one CSV per visible sheet (what the finding counted), one reference each; never overwrites', async () => {
    const { document } = await open('q3-sales.prompt.md');
    const { actions } = await actionsFor(document.uri, 'spreadsheet-attachment');
    const finding = mvpDiagnostics(document.uri).find((d) => ruleOf(d) === 'spreadsheet-attachment')!;
    assert.match(finding.message, /its 2 visible sheets as CSV \(one file each\) are [\d,]+/);
    assert.ok(actions.some((a) => a.title === 'Convert one sheet of sales.xlsx to CSV…'), 'a sheet picker is offered too');
    const created = (await runCodeAction(titled(actions, 'Convert the 2 visible sheets of sales.xlsx to CSV (one file each)'))) as vscode.Uri;
    assert.ok(created, 'the action returned the created file');
    assert.equal(created.toString(), workspaceUri('data', 'sales.Summary.csv').toString());
    const csv = await readText(created);
    assert.match(csv, /^Quarterly sales summary/);
    const references = document.getText().match(/#file:data\/sales\.[^\s]+\.csv/g) ?? [];
    assert.equal(references.length, 2, `two CSV references: ${document.getText()}`);
    assert.equal(references[0], '#file:data/sales.Summary.csv');
    const secondSheet = workspaceUri(references[1].slice('#file:'.length));
    assert.ok(await exists(secondSheet), 'the second sheet was written too');
    assert.ok(!document.getText().includes('sales.xlsx'), 'the workbook is no longer sent');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === created.toString()), 'CSV revealed');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the prompt keeps the focus');
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    await waitFor('reverted', () => document.getText().includes('sales.xlsx'));
    // The finding is back after the revert: converting again picks fresh names.
    await diagnosticsWith(document.uri, (r) => r.includes('spreadsheet-attachment'), 'finding back');
    const again = await actionsFor(document.uri, 'spreadsheet-attachment');
    const second = (await runCodeAction(titled(again.actions, /^Convert the 2 visible sheets of sales\.xlsx/))) as vscode.Uri;
    assert.equal(second.toString(), workspaceUri('data', 'sales.Summary-2.csv').toString());
    assert.equal(await readText(created), csv, 'first CSV untouched');
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    for (const file of await vscode.workspace.fs.readDirectory(workspaceUri('data'))) {
      if (file[0].endsWith('.csv')) await vscode.workspace.fs.delete(workspaceUri('data', file[0]));
    }
  });

  test('log attachment: writes the tail next to the log and points the reference at it', async () => {
    const { document } = await open('export-failure.prompt.md');
    const { actions } = await actionsFor(document.uri, 'pasted-log');
    const created = (await runCodeAction(titled(actions, /^Write .* of export\.log$/))) as vscode.Uri;
    assert.equal(created.toString(), workspaceUri('logs', 'export.tail.log').toString());
    const tail = await readText(created);
    assert.match(tail, /ERROR/);
    assert.ok(tail.length < 50590 / 4, `tail is ${tail.length} chars`);
    assert.match(document.getText(), /#file:logs\/export\.tail\.log/);
    assert.ok(await exists(workspaceUri('logs', 'export.log')), 'original kept');
    await vscode.workspace.fs.delete(created);
  });

  test('JSON attachment: writes the schema and a sample next to it (named .txt: it is no longer JSON)', async () => {
    const { document } = await open('orders.prompt.md');
    const { actions } = await actionsFor(document.uri, 'large-json');
    const created = (await runCodeAction(titled(actions, /^Write .* of orders\.json$/))) as vscode.Uri;
    assert.equal(created.toString(), workspaceUri('data', 'orders.sample.txt').toString());
    const sample = await readText(created);
    assert.match(sample, /^Schema of \$\[\] \(400 items, first 20 shown\)/);
    assert.ok(sample.length < 45755 / 4);
    assert.match(document.getText(), /#file:data\/orders\.sample\.txt/);
    await vscode.workspace.fs.delete(created);
  });

  test('source file asked about one function: the fix pastes that function in place of the whole file, one undo restores it', async () => {
    const { document } = await open('explain-parser.prompt.md');
    const before = document.getText();
    const { diagnostic, actions } = await actionsFor(document.uri, 'whole-code-file');
    assert.match(diagnostic.message, /about `parseRow`, but all of reportParser\.ts is attached/);
    await runCodeAction(titled(actions, /^Paste only `parseRow` from reportParser\.ts \(lines 51–70\)$/));
    const text = document.getText();
    assert.ok(!text.includes('#file:src/reportParser.ts'), 'reference replaced');
    assert.match(text, /```ts\n\/\/ src\/reportParser\.ts, lines 51–70\n\/\*\* One data line → a row, or the reason it is not one\. \*\/\nexport function parseRow\(/);
    assert.ok(!text.includes('export function parseReport'), 'the rest of the file is not pasted');
    assert.match(text, /\n```\n\nWhy does parseRow reject/);
    await diagnosticsWith(document.uri, (r) => !r.includes('whole-code-file'), 'finding gone once the excerpt is pasted');
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo restores the reference', () => document.getText() === before);
  });
});
