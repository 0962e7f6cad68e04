/**
 * Runs in an empty window (no folder, so no workspaceContains event): an ordinary .ts file must
 * not activate the extension; a prompt file must, without loading rank files or parsing sheets.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, mvpDiagnostics, waitFor } from './testSupport';

const fixture = process.env.MVP_FIXTURE_WORKSPACE ?? path.resolve(__dirname, '../../../test/fixtures/workspace');

suite('Activation', () => {
  test('an ordinary TypeScript file does not activate the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension installed');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(fixture, 'src/util.ts')));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'typescript');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(extension.isActive, false, 'opening a .ts file activated the extension');
    assert.equal(mvpDiagnostics(document.uri).length, 0);
  });

  test('a .prompt.md file activates it (onLanguage:prompt) without loading a rank table; the analysis loads only its encoding', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number; loadedEncodings(): string[]; encodingsLoadedAtActivation: string[] }>(EXTENSION_ID)!;
    const uri = vscode.Uri.file(path.join(fixture, 'cleanup.prompt.md'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'prompt');
    await waitFor('activation', () => extension.isActive);
    const api = extension.exports;
    console.log(`    activate() took ${api.activationMs.toFixed(1)} ms`);
    assert.deepEqual(api.encodingsLoadedAtActivation, [], 'activation loaded a rank table');
    const diagnostics = await waitFor('diagnostics', () => (mvpDiagnostics(uri).length ? mvpDiagnostics(uri) : undefined));
    assert.ok(diagnostics.length >= 2, JSON.stringify(diagnostics));
    assert.deepEqual(api.loadedEncodings(), ['o200k_base']);
  });
});
