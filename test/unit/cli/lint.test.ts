import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { runLint } from '../../../src/cli/commands/lint';
import { UsageError } from '../../../src/cli/args';
import { installPackage, removeTempTrees, tempTree } from '../config/tempTree';

const teamPack = path.resolve(__dirname, '../../../examples/team-pack');

async function lint(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

/** The SARIF 2.1.0 schema (draft-04) shipped in @microsoft/jest-sarif, loaded into Ajv (draft-07). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  /** Undefined when valid, else Ajv's errors as text. */
  return (doc: unknown): string | undefined => (validate(doc) ? undefined : JSON.stringify(validate.errors, null, 2));
}

const clean = 'What port does the cache listen on?\n';

describe('mvp lint', function () {
  this.timeout(60000);
  afterEach(removeTempTrees);

  it('exit 0 on a clean repository; finds prompt files by the default globs, skipping node_modules', async () => {
    const root = tempTree({
      'a.prompt.md': clean,
      'docs/AGENTS.md': clean,
      'prompts/sub/q.txt': clean,
      'README.md': 'Please explain everything.',
      'node_modules/x/b.prompt.md': 'Please explain everything.',
    });
    const r = await lint(root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3 prompt files checked, no findings/);
  });

  it('exit 1 on an error-level finding; text output names file, line:column, severity and rule', async () => {
    const root = tempTree({ '.mvp.jsonc': '{ "rules": { "unbounded-output": "error" } }', 'p/ask.prompt.md': `${clean}\nExplain the whole architecture.\n` });
    const r = await lint(root);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^p\/ask\.prompt\.md\n  3:1 +error +This question invites a long answer.*\[unbounded-output\]$/m);
  });

  it('--max-warnings: over it exit 1, at it exit 0', async () => {
    const root = tempTree({ '.mvp.jsonc': '{ "rules": { "unbounded-output": "warning" } }', 'a.prompt.md': 'Explain the cache.', 'b.prompt.md': 'Describe the queue.' });
    assert.equal((await lint(root)).code, 0);
    assert.equal((await lint(root, '--max-warnings', '2')).code, 0);
    const over = await lint(root, '--max-warnings', '1');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  });

  it('exit 2 on a config error, reported once with its position', async () => {
    const root = tempTree({ '.mvp.jsonc': '{\n  "rules": { "no-such-rule": "off" }\n}', 'a.prompt.md': clean, 'b.prompt.md': clean });
    const r = await lint(root);
    assert.equal(r.code, 2);
    assert.equal(r.stdout.match(/Unknown rule "no-such-rule"/g)?.length, 1);
    assert.match(r.stdout, /^\.mvp\.jsonc\n  2:14 +error +Unknown rule/m);
  });

  it('usage errors: bad flags throw UsageError (exit 2 in main); a missing path or unmatched glob is exit 2', async () => {
    const root = tempTree({ 'a.prompt.md': clean });
    await assert.rejects(lint(root, '--format', 'xml'), UsageError);
    await assert.rejects(lint(root, '--nope'), UsageError);
    assert.equal((await lint(root, 'missing.md')).code, 2);
    assert.equal((await lint(root, 'src/**/*.md')).code, 2);
  });

  it('explicit files, folders and globs; config "files" replaces the defaults', async () => {
    const root = tempTree({ 'notes/x.md': 'Explain it.', 'team/y.prompt.md': clean, 'other.md': clean });
    const byGlob = await lint(root, 'notes/*.md', '--format', 'json');
    assert.deepEqual(JSON.parse(byGlob.stdout).files.map((f: { file: string }) => f.file), ['notes/x.md']);
    const byFolder = await lint(root, 'team', '--format', 'json');
    assert.deepEqual(JSON.parse(byFolder.stdout).files.map((f: { file: string }) => f.file), ['team/y.prompt.md']);
    const configured = tempTree({ '.mvp.jsonc': '{ "files": ["notes/**/*.md"] }', 'notes/x.md': clean, 'a.prompt.md': clean });
    assert.deepEqual(JSON.parse((await lint(configured, '--format', 'json')).stdout).files.map((f: { file: string }) => f.file), ['notes/x.md']);
  });

  it('applies a team pack from node_modules, including its JavaScript rule (the CLI is trusted) @slow', async () => {
    const root = tempTree({ '.mvp.jsonc': '{ "extends": ["@example/mvp-team-pack"] }', 'a.prompt.md': 'Send the e-mail. Token sk-abcdefghijklmnopqrstuvwx\n' });
    installPackage(root, '@example/mvp-team-pack', teamPack);
    const r = await lint(root, '--format', 'json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    const ids = report.files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    assert.ok(ids.includes('team/no-secrets') && ids.includes('team/house-terms'), ids.join());
    const secret = report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'team/no-secrets');
    assert.deepEqual([secret.line, secret.column, secret.severity], [1, 24, 'error']);
    assert.deepEqual(report.summary, { files: 1, error: 1, warning: 1, info: 0, hint: 0 });
  });

  it('SARIF output is valid SARIF 2.1.0, with locations for every result and fixes for text edits @slow', async () => {
    const root = tempTree({
      '.mvp.jsonc': '{ "budgets": { "tokens": 5 }, "declarativeRules": [{ "id": "t/filler", "kind": "existence", "message": "drop %s", "tokens": ["basically"], "ignoreCase": true, "replacement": "" }] }',
      'a.prompt.md': 'Basically, explain the whole cache design in detail.\n',
    });
    const r = await lint(root, '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    assert.equal(sarifValidator()(log), undefined);
    assert.notEqual(sarifValidator()({ ...log, version: '2.0.0' }), undefined, 'the validator does reject bad logs');
    const results = log.runs[0].results as { ruleId: string; locations: unknown[]; fixes?: unknown[]; level: string }[];
    assert.ok(results.every((x) => x.locations.length === 1));
    const budget = results.find((x) => x.ruleId === 'token-budget');
    assert.deepEqual((budget as unknown as { locations: { physicalLocation: { region: unknown; artifactLocation: unknown } }[] }).locations[0].physicalLocation, { artifactLocation: { uri: 'a.prompt.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    const filler = results.find((x) => x.ruleId === 't/filler');
    assert.ok(filler?.fixes?.length, 'the replacement is a SARIF fix');
    assert.equal(results.find((x) => x.ruleId === 'unbounded-output')?.level, 'note');
    assert.ok(log.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'pasted-log'));
  });

  it('JSON: a finding about the whole request has a position (line 1), marked wholeFile', async () => {
    const root = tempTree({ '.mvp.jsonc': '{ "budgets": { "tokens": 5 } }', 'a.prompt.md': clean });
    const report = JSON.parse((await lint(root, '--format', 'json')).stdout);
    const budget = report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'token-budget');
    assert.deepEqual([budget.line, budget.column, budget.wholeFile], [1, 1, true]);
  });

  it('SARIF: a duplicate names its first copy as a related location (valid SARIF) @slow', async () => {
    const para = 'Always run the full test suite before you open a pull request, and paste its summary into the description.';
    const root = tempTree({ 'AGENTS.md': `# Rules\n\n${para}\n\n## Again\n\n${para}\n` });
    const r = await lint(root, '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    assert.equal(sarifValidator()(log), undefined);
    const dup = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-content');
    assert.match(dup.message.text, /repeats the one at line 3/);
    assert.deepEqual(dup.locations[0].physicalLocation.region.startLine, 7);
    assert.deepEqual(dup.relatedLocations[0].physicalLocation, { artifactLocation: { uri: 'AGENTS.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: para.length + 1 } });
  });

  it('SARIF with a config error is valid too, pointing into the config file @slow', async () => {
    const root = tempTree({ '.mvp.jsonc': '{ "model": 3 }', 'a.prompt.md': clean });
    const r = await lint(root, '--format', 'sarif');
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout);
    assert.equal(sarifValidator()(log), undefined);
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'config');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 12, endLine: 1, endColumn: 13 });
  });
});
