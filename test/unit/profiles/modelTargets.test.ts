import * as assert from 'node:assert/strict';
import { frontMatterModelValueRange, modelTargetOptions, whoDecides } from '../../../src/core/profiles/modelTargets';

describe('modelTargets: where a model choice can go, and whether it takes effect', () => {
  it('front matter decides: changing it comes first; settings are marked as not taking effect for this prompt', () => {
    const situation = { source: 'frontMatter' as const, requested: 'gpt-4o', documentName: 'ask.prompt.md', configFile: '/w/.mvp.jsonc', hasWorkspace: true };
    const options = modelTargetOptions(situation);
    assert.deepEqual(options.map((o) => o.target), ['frontMatter', 'session', 'workspaceSetting', 'userSetting']);
    assert.deepEqual(options.map((o) => o.takesEffect), [true, true, false, false]);
    assert.match(options[2].label, /not for ask\.prompt\.md: its front matter wins/);
    assert.match(whoDecides(situation), /ask\.prompt\.md's front matter names "gpt-4o", which beats the team config/);
  });

  it('team config decides: the config is offered (with its name), settings lose', () => {
    const options = modelTargetOptions({ source: 'config', requested: 'gpt-4o', configFile: '/w/.mvp.jsonc', hasWorkspace: true });
    assert.equal(options[0].target, 'config');
    assert.match(options[0].label, /\.mvp\.jsonc/);
    assert.equal(options.find((o) => o.target === 'userSetting')?.takesEffect, false);
  });

  it('the setting decides: user and workspace settings both take effect; no workspace, no workspace option', () => {
    const withWorkspace = modelTargetOptions({ source: 'setting', requested: 'gpt-4o', hasWorkspace: true });
    assert.ok(withWorkspace.every((o) => o.takesEffect));
    assert.deepEqual(withWorkspace.map((o) => o.target), ['session', 'workspaceSetting', 'userSetting']);
    const without = modelTargetOptions({ source: 'default', requested: 'gpt-4o', hasWorkspace: false });
    assert.deepEqual(without.map((o) => o.target), ['session', 'userSetting']);
  });

  it('finds the front matter model value, quoted or with a comment, and nothing outside front matter', () => {
    const text = '---\ntitle: x\nmodel: "claude-sonnet-4-5"  # chosen by the team\n---\nmodel: not this\n';
    const range = frontMatterModelValueRange(text)!;
    assert.equal(text.slice(range.start, range.end), '"claude-sonnet-4-5"');
    assert.equal(frontMatterModelValueRange('# no front matter\nmodel: x\n'), undefined);
    assert.equal(frontMatterModelValueRange('---\ntitle: x\n---\nmodel: x\n'), undefined);
  });
});
