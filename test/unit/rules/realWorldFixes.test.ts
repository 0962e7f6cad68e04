/**
 * The fence-parity property over every fix the precision benchmark produces: lint each prompt file
 * of the real-world corpus with every built-in rule on, apply each text-edit fix on its own, and
 * re-parse: no fix may leave a code fence open or remove an odd number of fence lines (which turns
 * the rest of the file into code). Also: no error-level finding on this healthy corpus.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { matchesPromptGlobs } from '../../../src/core/config/promptFileGlobs';
import { builtinRules } from '../../../src/core/rules/builtinRules';
import { applyTextEdits, fenceProblems } from '../../../bench/precision/markdownChecks';

const root = path.resolve(__dirname, '../../fixtures/real-world');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
  sources: { folder: string }[];
  files: { local: string }[];
};

describe('fixes on the real-world corpus', function () {
  this.timeout(180000);
  it('the fence checker does catch a fix that removes one fence line', () => {
    const text = 'a\n\n```\ncode\n```\n\nb\n';
    assert.match(
      fenceProblems(text, applyTextEdits(text, [{ range: { start: 3, end: 7 }, newText: '' }])) ?? '',
      /fence/,
    );
  });
  it('every fix keeps the code fences balanced; no finding is an error', async () => {
    const config = {
      ...emptyConfig(),
      rules: Object.fromEntries(
        builtinRules
          .map((r) => [r.id, { options: {} }])
          .concat(
            builtinRules
              .filter((r) => !r.enabledByDefault)
              .map((r) => [r.id, { severity: r.defaultSeverity, options: {} }]),
          ),
      ),
    };
    let files = 0;
    let fixes = 0;
    const broken: string[] = [];
    const errors: string[] = [];
    for (const source of manifest.sources) {
      for (const entry of manifest.files.filter(
        (f) => f.local.startsWith(source.folder + '/') && matchesPromptGlobs(f.local.slice(source.folder.length + 1)),
      )) {
        files++;
        const file = path.join(root, entry.local);
        const text = readFileSync(file, 'utf8');
        const analysis = await analysePrompt({
          text,
          file,
          config,
          workspaceRoot: path.join(root, source.folder),
          trusted: false,
          model: 'gpt-4o',
        });
        for (const f of analysis.findings) {
          if (f.severity === 'error') errors.push(`${entry.local}: ${f.ruleId}: ${f.message}`);
          if (!f.fix?.edits?.length) continue;
          fixes++;
          const problem = fenceProblems(text, applyTextEdits(text, f.fix.edits));
          if (problem) broken.push(`${entry.local}: ${f.ruleId}: ${problem}`);
        }
      }
    }
    assert.ok(files >= 400, `${files} prompt files`);
    assert.deepEqual(broken, [], `${fixes} fixes checked`);
    assert.deepEqual(errors, []);
  });
});
