/** package.json `contributes` stays in step with the code: default prompt globs, the walkthrough's files and commands. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROMPT_GLOBS } from '../../../src/core/config/promptFileGlobs';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json contributes', () => {
  it('the mvp.files default is the core default prompt globs (SKILL.md and .github/skills included)', () => {
    assert.deepEqual(contributes.configuration.properties['mvp.files'].default, [...DEFAULT_PROMPT_GLOBS]);
    assert.ok(DEFAULT_PROMPT_GLOBS.includes('**/SKILL.md') && DEFAULT_PROMPT_GLOBS.includes('**/.github/skills/**/*.md'));
  });

  it('every default glob without alternatives activates the extension when a workspace contains it', () => {
    for (const glob of DEFAULT_PROMPT_GLOBS.filter((g) => !g.includes('{'))) {
      assert.ok(pkg.activationEvents.includes(`workspaceContains:${glob}`), glob);
    }
  });

  it('the walkthrough: five steps, each with media that ships and a completion event', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['openPrompt', 'readMeter', 'applyFix', 'openPanel', 'teamConfig'],
    );
    const shipped = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(existsSync(path.join(root, media)), `${step.id}: ${media} exists`);
      assert.ok(shipped.includes(`!${path.dirname(media)}/*${path.extname(media)}`), `${step.id}: ${media} ships in the .vsix`);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const link of step.description.match(/command:(mvp\.[\w.]+)/g) ?? []) {
        const command = link.slice('command:'.length);
        assert.ok(commands.has(command) || command === 'mvp.energyPanel.focus', `${step.id}: ${command} is contributed`);
      }
    }
  });

  it('settings are grouped under the display name', () => {
    assert.equal(contributes.configuration.title, 'Minimal Viable Prompt');
  });
});
