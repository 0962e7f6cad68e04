import { strict as assert } from 'node:assert';
import path from 'node:path';
import { findConfigFile, loadConfigFor, loadConfigFile } from '../../../src/core/config/loadConfig';
import type { ConfigProblem } from '../../../src/core/config/mvpConfig';
import { installPackage, removeTempTrees, tempTree } from './tempTree';

const trusted = { trusted: true };
const teamPack = path.resolve(__dirname, '../../../examples/team-pack');
/** "line:col message" with 1-based numbers, as an editor shows them. */
const shown = (p: ConfigProblem): string => `${path.basename(p.file)}:${p.start.line + 1}:${p.start.character + 1} ${p.message}`;

describe('config discovery', () => {
  afterEach(removeTempTrees);

  it('the nearest config from the prompt\'s folder up wins', () => {
    const root = tempTree({
      '.mvp.jsonc': '{ "model": "root-model" }',
      'a/b/.mvp.json': '{ "model": "b-model" }',
      'a/b/c/d/x.prompt.md': 'hi',
      'a/y.prompt.md': 'hi',
    });
    assert.equal(loadConfigFor(path.join(root, 'a/b/c/d/x.prompt.md'), trusted).model, 'b-model');
    assert.equal(loadConfigFor(path.join(root, 'a/y.prompt.md'), trusted).model, 'root-model');
    assert.deepEqual(loadConfigFor(path.join(root, 'a/y.prompt.md'), trusted).sourceFiles, [path.join(root, '.mvp.jsonc')]);
  });

  it('.mvp.jsonc is preferred to .mvp.json in the same folder; a folder can be given too', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "model": "jsonc" }', '.mvp.json': '{ "model": "json" }' });
    assert.equal(loadConfigFor(root, trusted).model, 'jsonc');
  });

  it('stops at the workspace root; no config means the defaults without problems', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "model": "outside" }', 'ws/p.prompt.md': 'x' });
    const config = loadConfigFor(path.join(root, 'ws/p.prompt.md'), { trusted: true, workspaceRoot: path.join(root, 'ws') });
    assert.equal(config.model, undefined);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.sourceFiles, []);
    assert.equal(findConfigFile(path.join(root, 'ws'), path.join(root, 'ws')), undefined);
    assert.equal(findConfigFile(path.join(root, 'ws')), path.join(root, '.mvp.jsonc'));
  });
});

describe('config parsing and validation', () => {
  afterEach(removeTempTrees);

  it('accepts comments and trailing commas and normalises rule settings', () => {
    const root = tempTree({
      '.mvp.jsonc': `{
  // the team's default
  "model": "gpt-4o", /* block comment */
  "region": "SE",
  "budgets": { "tokens": 8000, "whPerRequest": 0.3, },
  "rules": { "politeness-tokens": "off", "pasted-log": "error", "large-json": { "options": { "minTokens": 100 } } },
  "files": ["prompts/**/*.md"],
}`,
    });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.problems, []);
    assert.equal(c.model, 'gpt-4o');
    assert.equal(c.region, 'SE');
    assert.deepEqual(c.budgets, { tokens: 8000, whPerRequest: 0.3 });
    assert.deepEqual(c.rules['politeness-tokens'], { severity: 'off', options: {} });
    assert.deepEqual(c.rules['pasted-log'], { severity: 'error', options: {} });
    assert.deepEqual(c.rules['large-json'], { severity: undefined, options: { minTokens: 100 } });
    assert.deepEqual(c.files, ['prompts/**/*.md']);
    assert.equal(c.filesBase, root);
  });

  it('reports invalid JSON with its position', () => {
    const root = tempTree({ '.mvp.jsonc': '{\n  "model": "a"\n  "region": "SE"\n}' });
    const [p] = loadConfigFor(root, trusted).problems;
    assert.equal(shown(p), '.mvp.jsonc:3:3 Invalid JSON: CommaExpected');
    assert.equal(p.severity, 'error');
  });

  it('reports schema violations at the offending value and drops only those values', () => {
    const text = [
      '{',
      '  "model": 42,',
      '  "budgets": { "tokens": -5, "whPerRequest": 0.2 },',
      '  "colour": "blue",',
      '  "rules": {',
      '    "pasted-log": "loud",',
      '    "context-window": { "options": { "nearShare": 1.5 } },',
      '    "large-json": { "options": { "minTokens": 10, "bogus": true } }',
      '  }',
      '}',
    ].join('\n');
    const root = tempTree({ '.mvp.jsonc': text });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.problems.map(shown), [
      '.mvp.jsonc:2:12 model must be a string, not a number',
      '.mvp.jsonc:3:26 budgets.tokens must be at least 1, not -5',
      '.mvp.jsonc:4:3 Unknown property "colour". Allowed: extends, model, region, rules, budgets, profiles, declarativeRules, files, jsRules, hook',
      '.mvp.jsonc:6:19 rules.pasted-log must be one of "off", "error", "warning", "info", "hint", not "loud"',
      '.mvp.jsonc:7:51 rules.context-window.options.nearShare must be at most 1, not 1.5',
      '.mvp.jsonc:8:51 Unknown property "bogus" in rules.large-json.options. Allowed: minTokens, minSavingTokens, sampleItems',
    ]);
    assert.equal(c.model, undefined);
    assert.deepEqual(c.budgets, { whPerRequest: 0.2 });
    assert.equal(c.rules['pasted-log'], undefined);
    assert.deepEqual(c.rules['large-json'].options, { minTokens: 10 });
  });

  it('reports an unknown rule id at its key, with a suggestion', () => {
    const root = tempTree({ '.mvp.jsonc': '{\n  "rules": {\n    "context-windw": "off"\n  }\n}' });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.problems.map(shown), ['.mvp.jsonc:3:5 Unknown rule "context-windw". Did you mean "context-window"?']);
    assert.equal(c.rules['context-windw'], undefined);
  });

  it('checks declarative rules: required fields per kind and regular expression syntax', () => {
    const root = tempTree({
      '.mvp.jsonc': JSON.stringify(
        {
          declarativeRules: [
            { id: 'a/ok', kind: 'existence', message: 'm', tokens: ['fine'] },
            { id: 'a/no-swap', kind: 'substitution', message: 'm' },
            { id: 'a/bad-regex', kind: 'existence', message: 'm', tokens: ['(unclosed'] },
            { id: 'a/ok', kind: 'existence', message: 'again', tokens: ['x'] },
            { id: 'a/bad-kind', kind: 'grammar', message: 'm' },
          ],
          rules: { 'a/ok': 'error' },
        },
        null,
        2,
      ),
    });
    const c = loadConfigFor(root, trusted);
    const messages = c.problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.includes('"a/no-swap" of kind substitution needs "swap"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('"a/bad-regex": invalid regular expression')));
    assert.ok(messages.some((m) => m.includes('id "a/ok" is already used')));
    assert.ok(messages.some((m) => m.includes('declarativeRules.4.kind must be one of "existence", "substitution", "occurrence", not "grammar"')));
    assert.deepEqual(c.declarativeRules.map((r) => r.spec.id), ['a/ok']);
    assert.equal(c.rules['a/ok'].severity, 'error', 'a declarative id is a known rule id');
  });

  it('a declarative rule may not take a built-in rule\'s id', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "declarativeRules": [{ "id": "pasted-log", "kind": "existence", "message": "m", "tokens": ["x"] }] }' });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.problems.map(shown), ['.mvp.jsonc:1:32 Declarative rule id "pasted-log" is a built-in rule\'s id; give it a prefix such as "team/pasted-log"']);
    assert.deepEqual(c.declarativeRules, []);
  });

  it('validates profiles and keeps the valid ones', () => {
    const valid = JSON.parse(require('node:fs').readFileSync(path.resolve(__dirname, '../../../model-profiles/claude-haiku-4-5.json'), 'utf8'));
    const root = tempTree({ '.mvp.jsonc': JSON.stringify({ profiles: [{ ...valid, id: 'our-llm' }, { id: 'broken', name: 'Broken' }] }, null, 2) });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.profiles.map((p) => p.id), ['our-llm']);
    assert.ok(c.problems.length > 0 && c.problems.every((p) => p.message.startsWith('Profile "broken"')), c.problems.map((p) => p.message).join('\n'));
  });

  it('a partial profile override may set weights; a wrong value is a problem at its position', () => {
    const root = tempTree({ '.mvp.jsonc': JSON.stringify({ profiles: [{ id: 'codestral', weights: 'open' }, { id: 'gpt-4o', weights: 'yes' }] }, null, 2) });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.profiles.map((p) => p.id), ['codestral']);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /^Profile "gpt-4o": weights: must be "open" .* not "yes"$/);
    assert.equal(shown(c.problems[0]).split(' ')[0], '.mvp.jsonc:9:18');
  });

  it('a config that is not an object is a problem, not a crash', () => {
    const root = tempTree({ '.mvp.jsonc': '[1, 2]' });
    assert.equal(loadConfigFor(root, trusted).problems[0].message, 'The config must be a JSON object, e.g. { "rules": { } }');
  });
});

describe('extends', () => {
  afterEach(removeTempTrees);

  it('resolves relative paths in order: later entries override earlier ones, the file itself last', () => {
    const root = tempTree({
      'shared/base.jsonc': '{ "model": "base", "region": "FR", "budgets": { "tokens": 100, "whPerSession": 5 }, "rules": { "large-json": { "severity": "error", "options": { "minTokens": 1, "sampleItems": 2 } } } }',
      'shared/strict.jsonc': '{ "model": "strict", "budgets": { "tokens": 50 }, "rules": { "large-json": { "options": { "minTokens": 7 } } } }',
      '.mvp.jsonc': '{ "extends": ["./shared/base.jsonc", "./shared/strict.jsonc"], "region": "SE" }',
    });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.problems, []);
    assert.equal(c.model, 'strict');
    assert.equal(c.region, 'SE');
    assert.deepEqual(c.budgets, { tokens: 50, whPerSession: 5 });
    assert.deepEqual(c.rules['large-json'], { severity: 'error', options: { minTokens: 7, sampleItems: 2 } });
    assert.deepEqual(c.sourceFiles.map((f) => path.relative(root, f)), ['shared/base.jsonc', 'shared/strict.jsonc', '.mvp.jsonc']);
  });

  it('resolves an npm package through its package.json "mvp-pack" field (the example team pack)', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "extends": ["@example/mvp-team-pack"], "budgets": { "tokens": 9000 } }', 'sub/x.prompt.md': 'x' });
    installPackage(root, '@example/mvp-team-pack', teamPack);
    const c = loadConfigFor(path.join(root, 'sub/x.prompt.md'), trusted);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.budgets, { tokens: 9000, whPerRequest: 0.5 });
    assert.deepEqual(c.declarativeRules.map((r) => r.spec.id), ['team/filler', 'team/house-terms', 'team/shouting']);
    assert.equal(c.rules['politeness-tokens'].severity, 'off');
    assert.deepEqual(c.jsRules.map((r) => r.id), ['team/no-secrets']);
    assert.equal(c.declarativeRules[0].sourceFile, path.join(root, 'node_modules/@example/mvp-team-pack/packs/team.json'));
  });

  it('resolves an npm package with mvp-pack.json at its root, from a parent node_modules', () => {
    const root = tempTree({
      'node_modules/plain-pack/mvp-pack.json': '{ "model": "from-pack" }',
      'node_modules/plain-pack/package.json': '{ "name": "plain-pack" }',
      'app/.mvp.jsonc': '{ "extends": ["plain-pack"] }',
    });
    assert.equal(loadConfigFor(path.join(root, 'app'), trusted).model, 'from-pack');
  });

  it('a missing pack is an error at the extends entry', () => {
    const root = tempTree({ '.mvp.jsonc': '{\n  "extends": ["./nope.jsonc", "@acme/not-installed", "bare-pkg"]\n}', 'node_modules/bare-pkg/package.json': '{}' });
    const problems = loadConfigFor(root, trusted).problems.map(shown);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /^\.mvp\.jsonc:2:15 "\.\/nope\.jsonc" not found/);
    assert.match(problems[1], /^\.mvp\.jsonc:2:31 Pack "@acme\/not-installed" is not installed: no node_modules\/@acme\/not-installed/);
    assert.match(problems[2], /^\.mvp\.jsonc:2:54 "bare-pkg": package bare-pkg .* has no mvp-pack\.json and no "mvp-pack" field/);
  });

  it('resolves extension packs through the resolver; without one (CLI) it warns and skips', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "extends": ["extension:acme.prompt-rules/packs/base.json"] }', 'ext/packs/base.json': '{ "region": "DE" }' });
    const calls: string[][] = [];
    const c = loadConfigFor(root, { trusted: true, extensionPackResolver: (id, rel) => (calls.push([id, rel]), path.join(root, 'ext', rel)) });
    assert.deepEqual(calls, [['acme.prompt-rules', 'packs/base.json']]);
    assert.equal(c.region, 'DE');
    const cli = loadConfigFor(root, trusted);
    assert.equal(cli.problems[0].severity, 'warning');
    assert.match(cli.problems[0].message, /only be resolved inside VS Code/);
    const missing = loadConfigFor(root, { trusted: true, extensionPackResolver: () => undefined });
    assert.equal(missing.problems[0].severity, 'error');
    assert.match(missing.problems[0].message, /acme\.prompt-rules is not installed/);
  });

  it('a cycle is an error naming the cycle', () => {
    const root = tempTree({
      '.mvp.jsonc': '{ "extends": ["./a.jsonc"] }',
      'a.jsonc': '{ "extends": ["./b.jsonc"], "model": "a" }',
      'b.jsonc': '{ "extends": ["./a.jsonc"], "model": "b" }',
    });
    const c = loadConfigFor(root, trusted);
    assert.equal(c.problems.length, 1);
    assert.equal(path.basename(c.problems[0].file), 'b.jsonc');
    assert.equal(c.problems[0].message, 'extends cycle: a.jsonc → b.jsonc → a.jsonc. Remove one of these entries.');
    assert.equal(c.model, 'a');
  });

  it('a file extending itself is a cycle too', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "extends": ["./.mvp.jsonc"] }' });
    assert.match(loadConfigFor(root, trusted).problems[0].message, /extends cycle: \.mvp\.jsonc → \.mvp\.jsonc/);
  });

  it('a diamond applies the shared pack once, at its first place, deterministically', () => {
    const root = tempTree({
      'd.jsonc': '{ "model": "d", "region": "D" }',
      'b.jsonc': '{ "extends": ["./d.jsonc"], "model": "b" }',
      'c.jsonc': '{ "extends": ["./d.jsonc"], "region": "C" }',
      '.mvp.jsonc': '{ "extends": ["./b.jsonc", "./c.jsonc"] }',
    });
    const c = loadConfigFor(root, trusted);
    assert.deepEqual(c.sourceFiles.map((f) => path.basename(f)), ['d.jsonc', 'b.jsonc', 'c.jsonc', '.mvp.jsonc']);
    assert.equal(c.model, 'b', 'c re-extending d must not undo b');
    assert.equal(c.region, 'C');
    assert.deepEqual(c.problems, []);
  });

  it('later packs replace declarative rules and profiles with the same id', () => {
    const rule = (message: string) => ({ id: 't/x', kind: 'existence', message, tokens: ['x'] });
    const root = tempTree({
      'a.json': JSON.stringify({ declarativeRules: [rule('from a'), { ...rule('other'), id: 't/y' }] }),
      '.mvp.jsonc': JSON.stringify({ extends: ['./a.json'], declarativeRules: [rule('from root')] }),
    });
    const c = loadConfigFile(path.join(root, '.mvp.jsonc'), trusted);
    assert.deepEqual(c.declarativeRules.map((r) => [r.spec.id, r.spec.message]), [['t/x', 'from root'], ['t/y', 'other']]);
  });
});

describe('JavaScript rules and trust', () => {
  afterEach(removeTempTrees);

  it('loads pack JavaScript only when trusted; untrusted lists what was skipped and tolerates its rule ids', () => {
    const root = tempTree({ '.mvp.jsonc': '{ "extends": ["@example/mvp-team-pack"], "rules": { "team/no-secrets": "warning" } }' });
    installPackage(root, '@example/mvp-team-pack', teamPack);
    const on = loadConfigFor(root, { trusted: true });
    assert.deepEqual(on.jsRules.map((r) => r.id), ['team/no-secrets']);
    assert.deepEqual(on.skippedJsRules, []);
    assert.deepEqual(on.problems, []);
    const off = loadConfigFor(root, { trusted: false });
    assert.deepEqual(off.jsRules, []);
    assert.deepEqual(off.skippedJsRules, [{ module: path.join(root, 'node_modules/@example/mvp-team-pack/rules/noSecrets.js'), pack: path.join(root, 'node_modules/@example/mvp-team-pack/packs/team.json') }]);
    assert.deepEqual(off.problems, [], 'the rule id may come from the skipped JavaScript');
    assert.equal(off.declarativeRules.length, 3, 'declarative rules still apply');
  });

  it('reports a JS rule module that is missing, throws on load or exports the wrong shape', () => {
    const root = tempTree({
      '.mvp.jsonc': '{ "jsRules": ["./missing.js", "./throws.js", "./shape.js", "./good.js"] }',
      'throws.js': 'throw new Error("cannot start");',
      'shape.js': 'module.exports = { name: "no id" };',
      'good.js': 'module.exports = [{ id: "local/a", check: () => [] }];',
    });
    const c = loadConfigFor(root, { trusted: true });
    const messages = c.problems.map(shown);
    assert.match(messages[0], /^\.mvp\.jsonc:1:15 JavaScript rule module not found/);
    assert.match(messages[1], /cannot start/);
    assert.match(messages[2], /must export a rule/);
    assert.deepEqual(c.jsRules.map((r) => [r.id, r.defaultSeverity, r.enabledByDefault]), [['local/a', 'warning', true]]);
  });

  it('validates options given to a JS rule against its schema', () => {
    const root = tempTree({
      '.mvp.jsonc': '{ "jsRules": ["./r.js"], "rules": { "local/r": { "options": { "limit": "many" } } } }',
      'r.js': 'module.exports = { id: "local/r", optionsSchema: { type: "object", properties: { limit: { type: "integer" } } }, check: () => [] };',
    });
    assert.deepEqual(loadConfigFor(root, trusted).problems.map((p) => p.message), ['rules.local/r.options.limit must be an integer, not a string']);
  });
});
