import { strict as assert } from 'node:assert';
import { runRules } from '../../../src/core/rules/runRules';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { resetPatternRunner } from '../../../src/core/rules/patternRunner';
import { applyEdits } from '../../../src/core/rules/measureSaving';
import type { ResolvedConfig } from '../../../src/core/config/mvpConfig';
import type { DeclarativeRuleSpec } from '../../../src/core/rules/declarativeRule';
import type { Rule } from '../../../src/core/rules/rule';
import { buildContext, partOf } from './ruleContextBuilder';

const config = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => ({ ...emptyConfig(), ...over });
const declarative = (...specs: DeclarativeRuleSpec[]) => specs.map((spec) => ({ spec, sourceFile: '/repo/.mvp.jsonc' }));
const politeText = 'Please fix the bug.';
/** politeness-tokens is off by default (a hint a team turns on): these tests use it as the sample rule, turned on. */
const politenessOn = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => config({ ...over, rules: { 'politeness-tokens': { severity: 'info', options: {} }, ...over.rules } });

describe('runRules', () => {
  after(() => resetPatternRunner());

  it('fills rule id, severity and docs link; a docs base turns the link absolute', () => {
    assert.equal(runRules(buildContext({ text: politeText }), config(), { trusted: true }).findings.length, 0, 'off by default');
    const [f] = runRules(buildContext({ text: politeText }), politenessOn(), { trusted: true }).findings;
    assert.equal(f.ruleId, 'politeness-tokens');
    assert.equal(f.severity, 'info');
    assert.equal(f.docsUrl, 'docs/rules/politeness-tokens.md');
    const [g] = runRules(buildContext({ text: politeText }), politenessOn(), { trusted: true, docsBaseUrl: 'https://example.test/docs/' }).findings;
    assert.equal(g.docsUrl, 'https://example.test/docs/rules/politeness-tokens.md');
  });

  it('turns rules off and changes severities from config', () => {
    const ctx = buildContext({ text: politeText });
    assert.equal(runRules(ctx, config({ rules: { 'politeness-tokens': { severity: 'off', options: {} } } }), { trusted: true }).findings.length, 0);
    assert.equal(runRules(ctx, config({ rules: { 'politeness-tokens': { severity: 'error', options: {} } } }), { trusted: true }).findings[0].severity, 'error');
  });

  it('passes merged options to a rule', () => {
    const text = 'Explain the cache.';
    const [f] = runRules(buildContext({ text }), config({ rules: { 'unbounded-output': { options: { suggestedWords: 40 } } } }), { trusted: true }).findings;
    assert.equal(applyEdits(text, f.fix!.edits!), 'Explain the cache. Answer in at most 40 words.');
  });

  describe('disable comments', () => {
    const lint = (text: string) => runRules(buildContext({ text }), politenessOn(), { trusted: true }).findings.map((f) => `${f.ruleId}@${text.slice(0, f.range?.start).split('\n').length}`);
    it('mvp-disable / mvp-enable bracket lines', () => {
      const text = 'please a\n<!-- mvp-disable politeness-tokens -->\nplease b\n<!-- mvp-enable politeness-tokens -->\nplease c';
      // One politeness finding, anchored at its first phrase: disabling line 1 hides it.
      assert.deepEqual(lint(text), ['politeness-tokens@1']);
      assert.deepEqual(lint('<!-- mvp-disable -->\nplease b'), []);
      assert.deepEqual(lint('<!-- mvp-disable other-rule -->\nplease b'), ['politeness-tokens@2']);
      assert.deepEqual(lint('<!-- mvp-disable politeness-tokens -->\n<!-- mvp-enable -->\nplease b'), ['politeness-tokens@3']);
    });
    it('mvp-disable-line and mvp-disable-next-line affect one line', () => {
      assert.deepEqual(lint('please <!-- mvp-disable-line politeness-tokens -->'), []);
      assert.deepEqual(lint('<!-- mvp-disable-next-line -->\nplease'), []);
      assert.deepEqual(lint('<!-- mvp-disable-next-line -->\n\nplease'), ['politeness-tokens@3']);
    });
    it('mvp-disable-file silences findings without a range too', () => {
      const ctx = (text: string) => buildContext({ text, totalInputTokens: 20000 });
      const ids = (text: string) => runRules(ctx(text), config(), { trusted: true }).findings.map((f) => f.ruleId);
      assert.ok(ids('hello').includes('context-window'));
      assert.ok(!ids('hello\n<!-- mvp-disable-file context-window -->').includes('context-window'));
      assert.ok(!ids('<!-- mvp-disable context-window -->\nhello').includes('context-window'), 'still disabled at the end');
    });
  });

  describe('declarative rules', () => {
    it('existence with a replacement becomes a measured quick fix; scope prose skips code @slow', () => {
      const text = 'Basically, fix it.\n```\nbasically in code\n```';
      const ctx = buildContext({ text, parts: [partOf(text, '```\nbasically in code\n```', 'codeBlock')] });
      const rules = declarative({ id: 'team/filler', kind: 'existence', message: "Drop '%s'", tokens: ['basically,?\\s*'], ignoreCase: true, nonword: true, replacement: '' });
      const found = runRules(ctx, config({ declarativeRules: rules }), { trusted: false }).findings.filter((f) => f.ruleId === 'team/filler');
      assert.equal(found.length, 1);
      assert.equal(found[0].message, "Drop 'Basically, '");
      assert.equal(found[0].severity, 'warning');
      assert.equal(applyEdits(text, found[0].fix!.edits!).split('\n')[0], 'fix it.');
      assert.ok(found[0].saving!.tokens > 0);
    });
    it('existence matches whole words unless nonword', () => {
      const rules = declarative({ id: 't/cat', kind: 'existence', message: '%s', tokens: ['cat'] });
      const ids = runRules(buildContext({ text: 'concatenate the cat' }), config({ declarativeRules: rules }), { trusted: true }).findings.filter((f) => f.ruleId === 't/cat');
      assert.equal(ids.length, 1);
      assert.equal(ids[0].range?.start, 16);
    });
    it('substitution fills replacement and match into the message', () => {
      const rules = declarative({ id: 't/terms', kind: 'substitution', message: "Use '%s' instead of '%s'", swap: { 'e-mail': 'email', 'web site': 'website' }, severity: 'info' });
      const found = runRules(buildContext({ text: 'Send an e-mail about the web site.' }), config({ declarativeRules: rules }), { trusted: true }).findings.filter((f) => f.ruleId === 't/terms');
      assert.deepEqual(found.map((f) => f.message), ["Use 'email' instead of 'e-mail'", "Use 'website' instead of 'web site'"]);
      assert.equal(found[1].fix?.edits?.[0].newText, 'website');
      assert.equal(found[0].severity, 'info');
    });
    it('occurrence reports over max at the first extra match, and under min', () => {
      const rules = declarative(
        { id: 't/must', kind: 'occurrence', message: 'MUST used %s times (max %s)', token: '\\bMUST\\b', max: 2 },
        { id: 't/example', kind: 'occurrence', message: '%s examples, want at least %s', token: 'Example:', min: 1 },
      );
      const text = 'You MUST a. You MUST b. You MUST c.';
      const found = runRules(buildContext({ text }), config({ declarativeRules: rules }), { trusted: true }).findings.filter((f) => f.ruleId.startsWith('t/'));
      assert.deepEqual(found.map((f) => f.message).sort(), ['0 examples, want at least 1', 'MUST used 3 times (max 2)']);
      assert.equal(found.find((f) => f.ruleId === 't/must')?.range?.start, text.lastIndexOf('MUST'));
    });
    it('a config severity or off overrides the rule', () => {
      const rules = declarative({ id: 't/cat', kind: 'existence', message: '%s', tokens: ['cat'] });
      const run = (setting: ResolvedConfig['rules']) => runRules(buildContext({ text: 'cat' }), config({ declarativeRules: rules, rules: setting }), { trusted: true }).findings.filter((f) => f.ruleId === 't/cat');
      assert.equal(run({ 't/cat': { severity: 'off', options: {} } }).length, 0);
      assert.equal(run({ 't/cat': { severity: 'error', options: {} } })[0].severity, 'error');
    });
    it('stops a catastrophic pattern in bounded time, names the rule, and keeps the others @slow', function () {
      this.timeout(30000);
      resetPatternRunner();
      // Warm the worker first so the measurement is about the pattern, not the worker start.
      runRules(buildContext({ text: 'x' }), config({ declarativeRules: declarative({ id: 't/warm', kind: 'existence', message: '%s', tokens: ['x'] }) }), { trusted: true });
      const text = 'a'.repeat(40) + '!\nthe cat';
      const rules = declarative(
        { id: 't/evil', kind: 'existence', message: '%s', tokens: ['(a+)+$'], nonword: true },
        { id: 't/cat', kind: 'existence', message: 'found %s', tokens: ['cat'] },
      );
      const started = Date.now();
      const result = runRules(buildContext({ text }), config({ declarativeRules: rules }), { trusted: true, patternTimeoutMs: 300 });
      const elapsed = Date.now() - started;
      // (a+)+$ on 40 a's would take far longer than a minute; the bound is the time limit plus a worker restart.
      assert.ok(elapsed < 15000, `took ${elapsed} ms`);
      assert.ok(result.notices.some((n) => n.includes('t/evil') && n.includes('/repo/.mvp.jsonc') && n.includes('300 ms')), result.notices.join('\n'));
      const evil = result.findings.find((f) => f.ruleId === 't/evil');
      assert.equal(evil?.file, '/repo/.mvp.jsonc');
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 't/cat').map((f) => f.message), ['found cat']);
      // Remembered: the next run skips the pattern at once and still says so.
      const again = Date.now();
      const second = runRules(buildContext({ text }), config({ declarativeRules: rules }), { trusted: true, patternTimeoutMs: 300 });
      assert.ok(Date.now() - again < 5000);
      assert.ok(second.notices.some((n) => n.includes('t/evil') && n.includes('earlier')));
    });
  });

  describe('JavaScript rules', () => {
    const jsRule: Rule = {
      id: 'team/js-rule', description: 'd', docs: 'https://example.test/js-rule', tags: [], defaultSeverity: 'warning', enabledByDefault: true,
      optionsSchema: { type: 'object' }, defaultOptions: {}, check: () => [{ message: 'from js' }],
    };
    it('runs loaded JS rules only when trusted', () => {
      const cfg = config({ jsRules: [jsRule] });
      assert.deepEqual(runRules(buildContext({ text: 'x' }), cfg, { trusted: true }).findings.filter((f) => f.ruleId === 'team/js-rule').map((f) => [f.message, f.docsUrl]), [['from js', 'https://example.test/js-rule']]);
      assert.equal(runRules(buildContext({ text: 'x' }), cfg, { trusted: false }).findings.filter((f) => f.ruleId === 'team/js-rule').length, 0);
    });
    it('one notice names the skipped modules\' packs when untrusted', () => {
      const cfg = config({ skippedJsRules: [{ module: '/p/a.js', pack: '/p/mvp-pack.json' }, { module: '/p/b.js', pack: '/p/mvp-pack.json' }] });
      const { notices } = runRules(buildContext({ text: 'x' }), cfg, { trusted: false });
      assert.deepEqual(notices, ['2 JavaScript rule modules from /p/mvp-pack.json were skipped: the workspace is not trusted. Declarative rules still apply.']);
    });
    it('a crashing rule becomes a notice, not a crash', () => {
      const broken = { ...jsRule, id: 'team/broken', check: () => { throw new Error('boom'); } };
      const { notices } = runRules(buildContext({ text: 'x' }), config({ jsRules: [broken] }), { trusted: true });
      assert.deepEqual(notices, ['Rule team/broken failed and was skipped: boom']);
    });
  });
});
