/**
 * Every rule page's "## Example" (docs/rules/README.md, "Examples") runs through the real analysis,
 * as `mvp lint` runs it: the "### Fails" prompt must get the rule's finding and the "### Passes"
 * prompt must not. A page whose example no longer shows what it says fails here, not in a reader's
 * editor.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig, loadConfigFile } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/mvpConfig';
import { builtinRules } from '../../../src/core/rules/builtinRules';

const repoRoot = path.resolve(__dirname, '../../..');
const docsDir = path.join(repoRoot, 'docs/rules');
/** Where a prompt with no "Files:" line is analysed: a folder with no config and no files. */
const noFilesDir = path.join(tmpdir(), 'mvp-rule-doc-example');

interface Example {
  prompt: string;
  /** Folder the prompt file is in: its `#file:` paths resolve there. */
  folder: string;
  historyFile?: string;
}

interface PageExamples {
  config?: string;
  fails: Example;
  passes: Example;
}

/** For each line, whether it is inside a fenced block (fence lines included): headings and labels there are the prompt's. */
function fenced(lines: string[]): boolean[] {
  const inside: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      inside.push(true);
    } else if (fence !== undefined) {
      inside.push(true);
      if (marker && marker.length >= fence.length && /^`+\s*$/.test(line)) fence = undefined;
    } else {
      inside.push(false);
    }
  }
  return inside;
}

/** The text under `heading` up to the next heading of the same or a higher level, outside fences. */
function section(text: string, heading: string): string | undefined {
  const level = heading.indexOf(' ');
  const lines = text.split('\n');
  const inside = fenced(lines);
  const start = lines.findIndex((l, i) => l === heading && !inside[i]);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && !inside[i] && /^#{1,6} /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The bodies of the fenced blocks with this info string; the fence may be longer than three backticks so that the prompt can hold fences. */
function fencedBlocks(text: string, info: string): string[] {
  const blocks: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && /^`+\s*$/.test(l) && l.trim().length >= open[1].length);
    assert.ok(close > i, `unclosed fence at "${lines[i]}"`);
    if (open[2] === info) blocks.push(lines.slice(i + 1, close).join('\n') + '\n');
    i = close;
  }
  return blocks;
}

/** The target of the link on the `Label: [...](target)` line, resolved from the docs page. */
function linkedPath(text: string, label: string): string | undefined {
  const lines = text.split('\n');
  const inside = fenced(lines);
  const line = lines.find((l, i) => !inside[i] && l.startsWith(`${label}: `));
  if (!line) return undefined;
  const target = /\]\(([^)]+)\)/.exec(line)?.[1];
  assert.ok(target, `"${label}:" needs a link: ${line}`);
  const resolved = path.resolve(docsDir, target);
  assert.ok(existsSync(resolved), `${label}: ${target} does not exist`);
  return resolved;
}

function exampleOf(sectionText: string | undefined, what: string, folder: string | undefined): Example {
  assert.ok(sectionText !== undefined, `no "### ${what}" under "## Example"`);
  const prompts = fencedBlocks(sectionText, 'prompt');
  assert.equal(prompts.length, 1, `"### ${what}" needs exactly one \`\`\`prompt block`);
  return {
    prompt: prompts[0],
    folder: linkedPath(sectionText, 'Files') ?? folder ?? noFilesDir,
    historyFile: linkedPath(sectionText, 'History'),
  };
}

function pageExamples(page: string): PageExamples {
  const example = section(page, '## Example');
  assert.ok(example !== undefined, 'no "## Example" section (see docs/rules/README.md, "Examples")');
  const setUp = example.slice(0, Math.max(0, example.indexOf('\n### Fails')));
  const configs = fencedBlocks(setUp, 'jsonc');
  assert.ok(configs.length <= 1, 'at most one .mvp.jsonc block');
  const folder = linkedPath(setUp, 'Files');
  return {
    config: configs[0],
    fails: exampleOf(section(example, '### Fails'), 'Fails', folder),
    passes: exampleOf(section(example, '### Passes'), 'Passes', folder),
  };
}

/** The page's `.mvp.jsonc`, read by the real loader (so it must be a valid team config). */
function configOf(text: string | undefined): ResolvedConfig {
  if (text === undefined) return emptyConfig();
  const dir = mkdtempSync(path.join(tmpdir(), 'mvp-rule-doc-'));
  try {
    const file = path.join(dir, '.mvp.jsonc');
    writeFileSync(file, text);
    const config = loadConfigFile(file, { trusted: false });
    assert.deepEqual(
      config.problems.map((p) => p.message),
      [],
      'the example .mvp.jsonc has problems',
    );
    return config;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function findingsFor(ruleId: string, example: Example, config: ResolvedConfig) {
  const analysis = await analysePrompt({
    text: example.prompt,
    file: path.join(example.folder, 'example.prompt.md'),
    workspaceRoot: example.folder,
    historyFile: example.historyFile,
    config,
    trusted: false,
  });
  // A fixture path that broke would make an example pass for the wrong reason.
  if (ruleId !== 'unreadable-attachment') {
    for (const a of analysis.attachments) assert.deepEqual(a.problems, [], `${a.reference.rawPath} was not read`);
  }
  return analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

describe('rule pages: the examples do what they say', () => {
  for (const rule of builtinRules) {
    it(`${rule.id}: "Fails" gets the finding, "Passes" does not`, async () => {
      const page = readFileSync(path.join(repoRoot, rule.docs), 'utf8');
      const examples = pageExamples(page);
      const config = configOf(examples.config);
      const failing = await findingsFor(rule.id, examples.fails, config);
      assert.ok(failing.length > 0, `${rule.docs}: the "Fails" example gets no ${rule.id} finding`);
      const passing = await findingsFor(rule.id, examples.passes, config);
      assert.deepEqual(passing, [], `${rule.docs}: the "Passes" example still gets a ${rule.id} finding`);
    });
  }
});
