'use strict';
// UI check of the packaged extension, run by test/integration/runInVscode.sh through the
// vscode-harness:  run.sh ui minimal-viable-prompt.vsix <scratch copy of test/fixtures/workspace> test/ui/editor.ui.js
// It installs the .vsix like a user would, then proves what a user sees: squiggles, the Problems
// panel, a hover, the status bar, the quick-fix menu, the report and the sidebar panel. The
// screenshots it saves go to out/screenshots/ (docs/images/ with MVP_UPDATE_SCREENSHOTS=1).
const EXTENSION_ID = 'minimal-viable-prompt.minimal-viable-prompt';

module.exports = async function ({ page, helpers, step, screenshot, assert, log }) {
  await step('q3-sales.prompt.md opens through Quick Open', () => helpers.openFile('q3-sales.prompt.md'));

  await step('the spreadsheet attachment gets a warning squiggle', () => helpers.waitForSquiggles(1, 'warning', { timeout: 60000 }));

  await step('the Problems panel lists it with the rule id and source MVP', async () => {
    const rows = await helpers.waitForProblems((r) => r.some((p) => p.file === 'q3-sales.prompt.md' && p.source === 'MVP'), { timeout: 30000 });
    log(`problems: ${JSON.stringify(rows.filter((p) => p.file === 'q3-sales.prompt.md'))}`);
    const row = rows.find((p) => p.file === 'q3-sales.prompt.md' && /^sales\.xlsx sends/.test(p.message));
    assert.ok(row, 'no sales.xlsx problem');
    assert.equal(row.severity, 'warning');
    assert.equal(row.source, 'MVP');
    assert.match(String(row.code), /spreadsheet-attachment/);
    assert.equal(row.line, 6);
  });
  await screenshot('editor-problems');
  await page.keyboard.press('Escape');
  await helpers.runCommand('View: Hide Panel');

  await step('the status bar shows tokens / window, Wh and the model', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'GPT-4o' }).first();
    await item.waitFor({ timeout: 30000 });
    const text = await item.innerText();
    log(`status bar: ${text}`);
    assert.match(text, /\/128k/);
    assert.match(text, /Wh/);
    await item.hover();
    await page.locator('.monaco-hover, .hover-contents, .workbench-hover', { hasText: 'Minimal Viable Prompt' }).first().waitFor({ timeout: 15000 });
  });
  await screenshot('editor-status-bar');
  await page.mouse.move(700, 300);

  await step('clicking the status bar opens the model picker with context window and energy per 1k tokens', async () => {
    await page.locator('.statusbar-item', { hasText: 'GPT-4o' }).first().click();
    const picker = page.locator('.quick-input-widget', { hasText: 'per 1k input tokens' }).first();
    await picker.waitFor({ timeout: 15000 });
    // It opens on the model in use.
    const active = picker.locator('.monaco-list-row.focused').first();
    await active.waitFor({ timeout: 15000 });
    const text = await active.innerText();
    assert.match(text, /GPT-4o\s*128k context · [\d.]+ m?Wh per 1k input tokens/);
  });
  await screenshot('editor-model-picker');

  await step('picking another model asks where the choice goes and says which source decides', async () => {
    await page.keyboard.type('claude-sonnet-4-5');
    await page.keyboard.press('Enter');
    const where = page.locator('.quick-input-widget', { hasText: 'This session only' }).first();
    await where.waitFor({ timeout: 15000 });
    const text = await where.innerText();
    log(`where: ${text}`);
    assert.match(text, /Change the team config \(\.mvp\.jsonc\)/);
    assert.match(text, /Workspace setting/);
    assert.match(text, /User setting/);
    const placeholder = await where.locator('input').first().getAttribute('placeholder');
    log(`placeholder: ${placeholder}`);
    assert.match(placeholder ?? '', /mvp\.defaultModel|team config|default/);
  });
  await screenshot('editor-model-target');
  await page.keyboard.press('Escape');

  await step('hovering the reference: short — tokens as sent vs minimal, the saving, one Explain link', async () => {
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    const box = await squiggle.boundingBox();
    assert.ok(box, 'squiggle not rendered');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'as usually sent' }).first();
    await hover.waitFor({ timeout: 15000 });
    const text = await hover.innerText();
    log(`hover: ${text}`);
    assert.match(text, /sales\.xlsx/);
    assert.match(text, /Explain the estimate/);
    assert.ok(!/Why these numbers/.test(text), 'no request table in the hover');
    assert.ok(text.split('sales.xlsx sends').length - 1 <= 1, 'the diagnostic message appears once at most');
  });
  await screenshot('editor-hover');
  await page.mouse.move(700, 600);
  await page.keyboard.press('Escape');

  await step('Ctrl+. on the reference offers the conversion and the disable actions', async () => {
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    const box = await squiggle.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget', { hasText: 'visible sheets of sales.xlsx to CSV' }).first();
    await menu.waitFor({ timeout: 15000 });
    const text = await menu.innerText();
    assert.match(text, /Turn off 'spreadsheet-attachment' in the team config/);
    assert.match(text, /Disable 'spreadsheet-attachment' for this line \(a comment: \+\d+ tokens per request\)/);
  });
  await screenshot('editor-quick-fix');
  await page.keyboard.press('Escape');

  await step('MVP: Analyse Prompt opens the report with the breakdown and suggestions', async () => {
    await helpers.runCommand('MVP: Analyse Prompt');
    const report = helpers.webview({ extensionId: EXTENSION_ID });
    await report.locator('h2', { hasText: 'Where the tokens go' }).waitFor({ timeout: 30000 });
    const body = await report.locator('body').innerText();
    assert.match(body, /sales\.xlsx/);
    assert.match(body, /Energy, carbon, water per request/);
    assert.match(body, /Convert the 2 visible sheets of sales\.xlsx to CSV/);
  });
  await screenshot('editor-report');

  await step('Help › Get Started has the five-step walkthrough', async () => {
    await helpers.runCommand('Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Minimal Viable Prompt' }).first();
    await pick.waitFor({ timeout: 30000 });
    await pick.click();
    for (const title of ['Open a prompt', 'Read the meter', 'Apply a fix', 'Open the panel', 'Create a team config']) {
      await page.locator('.gettingStartedContainer', { hasText: title }).first().waitFor({ timeout: 30000 });
    }
  });
  await screenshot('editor-walkthrough');
  await helpers.runCommand('View: Close Editor');

  await step('the settings list under the extension: @ext shows every mvp.* setting', async () => {
    await helpers.runCommand('Preferences: Open Settings (UI)');
    const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container textarea').first();
    await search.waitFor({ timeout: 30000 });
    await search.fill('@ext:' + EXTENSION_ID);
    const label = page.locator('.settings-editor .setting-item-label', { hasText: 'Default Model' }).first();
    await label.waitFor({ timeout: 30000 });
    // VS Code derives each label's prefix from the key ("Mvp › Budgets: Tokens"); only renaming the
    // keys would change it, which would break every user's settings.
    log(`first setting: "${await page.locator('.settings-editor .setting-item-category').first().innerText().catch(() => '')}"`);
  });
  await screenshot('editor-settings');
  await helpers.runCommand('View: Close Editor');

  await step('the Energy view opens from the activity bar and shows the prompt', async () => {
    await page.locator('.activitybar [aria-label^="Minimal Viable Prompt"]').first().click();
    const panel = helpers.webview({ extensionId: EXTENSION_ID });
    await panel.locator('body', { hasText: /tokens/i }).first().waitFor({ timeout: 30000 });
  });
  await screenshot('editor-sidebar');
};
