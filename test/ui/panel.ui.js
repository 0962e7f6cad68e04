'use strict';
// UI check of the Energy panel in a real VS Code (vscode-harness ui mode):
//   run.sh ui minimal-viable-prompt.vsix <scratch copy of test/fixtures/workspace> test/ui/panel.ui.js
// The view opens from the activity bar, shows the active prompt's numbers (the same token count as
// the status bar), follows an edit, and its clicks reach the editor: a bar reveals its part, Apply
// runs the quick fix (the workbook becomes a CSV); the workspace agent's fixed load is stacked against
// what was typed, and Itemise opens MVP: Show Agent Context. Saves panel-vscode.png. Needs a scratch
// workspace: it edits the prompt and creates a file.
const EXTENSION_ID = 'minimal-viable-prompt.minimal-viable-prompt';
// Opened by name through Quick Open, wherever the fixture workspace keeps it.
const PROMPT = 'q3-sales.prompt.md';

/** "12,345 tokens" → 12345 */
function tokensIn(text) {
  const match = /([\d,]+)\s*tokens/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}

module.exports = async function ({ page, helpers, step, screenshot, assert, log }) {
  await step(`${PROMPT} opens`, () => helpers.openFile(PROMPT));

  let panel;
  await step('the Energy view opens from the activity bar', async () => {
    await page.locator('.activitybar [aria-label^="Minimal Viable Prompt"]').first().click();
    panel = helpers.webview({ extensionId: EXTENSION_ID });
    await panel.locator('.panel-title', { hasText: 'q3-sales.prompt.md' }).waitFor({ timeout: 60000 });
  });

  let shown;
  await step('it shows the prompt’s tokens, energy and every section', async () => {
    const big = await panel.locator('#section-now .big-number').innerText();
    shown = tokensIn(big);
    log(`panel: ${big.replace(/\s+/g, ' ')}`);
    assert.ok(shown > 0, `no token count in "${big}"`);
    assert.match(await panel.locator('[data-metric=energy] .metric-value').innerText(), /Wh/);
    for (const id of ['now', 'parts', 'suggestions', 'compare', 'today']) {
      assert.equal(await panel.locator(`#section-${id}`).isVisible(), true, `section ${id} hidden`);
    }
    assert.ok((await panel.locator('.part').count()) > 0, 'no parts');
    // The spreadsheet attachment shows its naive and minimal bars.
    assert.ok((await panel.locator('.part .bar-fill.minimal').count()) > 0, 'no minimal-form bar');
  });

  await step('the status bar and the panel agree on the token count', async () => {
    const item = page.locator('.statusbar-item', { hasText: /\d\/\d.*Wh/ }).first();
    await item.waitFor({ timeout: 30000 });
    const status = await item.innerText();
    log(`status bar: ${status}`);
    const title = await panel.locator('.panel-detail').innerText();
    // The status bar may abbreviate (12.3k): compare within its rounding.
    const match = /([\d.,]+)(k?)\s*\//.exec(status);
    assert.ok(match, `no count in status bar "${status}"`);
    const value = Number(match[1].replace(/,/g, '')) * (match[2] ? 1000 : 1);
    assert.ok(Math.abs(value - shown) <= (match[2] ? 100 : 0), `status ${value} vs panel ${shown} (${title})`);
  });
  await step('the workspace agent’s fixed load is stacked against what was typed', async () => {
    const section = panel.locator('#section-agentLoad');
    // Measured in the extension host after the analysis, off the typing path.
    await section.locator('.stack').waitFor({ timeout: 60000 });
    const summary = await section.locator('.summary').innerText();
    log(`agent load: ${summary}`);
    // The fixture workspace has an AGENTS.md and no other agent's files: Codex CLI.
    assert.match(summary, /^Codex CLI sends [\d,]+ tokens \([\d.<]+% of this request\) before you type a word$/);
    const typed = await section.locator('.stack-legend li.typed .bar-value').innerText();
    assert.equal(tokensIn(`${typed.split('·')[0]} tokens`), shown, `typed ${typed} vs panel ${shown}`);
    assert.match(await section.locator('[data-figure=total] dd').innerText(), /tokens · .*Wh/);
    assert.ok((await section.locator('.stack-segment').count()) >= 2, 'fixed load and typed segments');
    await section.scrollIntoViewIfNeeded();
    // No activity-bar tooltip over the bar in the screenshot.
    await page.mouse.move(900, 500);
    await page.waitForTimeout(1500);
    await screenshot('panel-vscode-agent-load');
    // Back to the top for the README's screenshot.
    await panel.locator('.panel-title').scrollIntoViewIfNeeded();
  });

  // No activity-bar tooltip over the panel in the screenshot.
  await page.mouse.move(900, 500);
  await page.waitForTimeout(1500);
  await screenshot('panel-vscode');

  await step('clicking a part reveals it in the editor', async () => {
    const row = panel.locator('.part button.bar-row', { hasText: 'sales.xlsx' }).first();
    await row.click();
    // The reference gets selected in the prompt editor.
    await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 15000 });
  });

  await step('an edit updates the panel without reopening it', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nPlease also list the three largest regional changes in a short table.');
    let after = shown;
    for (const deadline = Date.now() + 30000; after === shown && Date.now() < deadline; ) {
      await page.waitForTimeout(250);
      after = tokensIn(await panel.locator('#section-now .big-number').innerText());
    }
    log(`tokens after the edit: ${after}`);
    assert.ok(after > shown, `${after} should exceed ${shown}`);
  });

  await step('Apply on a suggestion runs the quick fix: the workbook becomes a CSV and the count drops', async () => {
    await helpers.openFile(PROMPT);
    const before = tokensIn(await panel.locator('#section-now .big-number').innerText());
    const suggestion = panel.locator('.suggestion', { hasText: 'spreadsheet-attachment' }).first();
    await suggestion.locator('button.primary').click();
    let after = before;
    for (const deadline = Date.now() + 30000; !(after < before) && Date.now() < deadline; ) {
      await page.waitForTimeout(250);
      await helpers.openFile(PROMPT).catch(() => undefined);
      after = tokensIn(await panel.locator('#section-now .big-number').innerText().catch(() => ''));
    }
    log(`tokens: ${before} → ${after}`);
    assert.ok(after < before, `${after} should be below ${before}`);
  });

  await step('Itemise opens MVP: Show Agent Context beside the editor', async () => {
    await panel.locator('#section-agentLoad button', { hasText: 'Itemise' }).click();
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'Sent with every request before you type a word' })
      .first()
      .waitFor({ timeout: 60000 });
  });
};
