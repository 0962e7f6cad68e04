/**
 * One test per false-positive class found on real prompt files (issue 12), each on a small excerpt
 * quoted from the public corpus in test/fixtures/real-world/ (repository, commit and licence in its
 * manifest.json), run through the whole analysis as `mvp lint` runs it.
 */
import { strict as assert } from 'node:assert';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/mvpConfig';
import { applyEdits } from '../../../src/core/rules/measureSaving';
import { createProfileRegistry, loadBuiltinProfiles } from '../../../src/core/profiles';

const on = (...ids: string[]): ResolvedConfig => ({
  ...emptyConfig(),
  rules: Object.fromEntries(ids.map((id) => [id, { severity: 'info' as const, options: {} }])),
});
async function findings(text: string, file: string, ruleId: string, config: ResolvedConfig = emptyConfig()) {
  const a = await analysePrompt({ text, file, config, workspaceRoot: '/nonexistent-repo', trusted: false });
  return a.findings.filter((f) => f.ruleId === ruleId);
}

describe('rules on real prompt files', function () {
  this.timeout(20000);

  describe('unbounded-output', () => {
    it('never on standing instructions (github/awesome-copilot agents/electron-angular-native.agent.md)', async () => {
      const text =
        '## Review Output Format\n\nWrite a detailed review: explain every issue you find and describe the fix.\n';
      assert.equal(
        (await findings(text, '/nonexistent-repo/.github/agents/review.agent.md', 'unbounded-output')).length,
        0,
      );
      assert.equal((await findings(text, '/nonexistent-repo/AGENTS.md', 'unbounded-output')).length, 0);
      assert.equal((await findings(text, '/nonexistent-repo/skills/review/SKILL.md', 'unbounded-output')).length, 0);
    });
    it('never on a task whose output is an artefact (github/awesome-copilot prompts/csharp-mcp-server-generator.prompt.md)', async () => {
      const text =
        '- Include troubleshooting tips\n\nGenerate a complete, production-ready MCP server with comprehensive documentation and error handling.\n';
      assert.equal(
        (await findings(text, '/nonexistent-repo/.github/prompts/gen.prompt.md', 'unbounded-output')).length,
        0,
      );
    });
    it('still on a chat question that asks for prose', async () => {
      assert.equal(
        (
          await findings(
            'Explain how the cache invalidation works.\n\nThanks!',
            '/nonexistent-repo/ask.prompt.md',
            'unbounded-output',
          )
        ).length,
        1,
      );
    });
  });

  describe('unreadable-attachment', () => {
    it('a missing file is a warning that says what the path was resolved against', async () => {
      const [f] = await findings(
        'Follow [the guide](docs/guide.md) when you write code.',
        '/nonexistent-repo/AGENTS.md',
        'unreadable-attachment',
      );
      assert.equal(f.severity, 'warning');
      assert.match(
        f.message,
        /guide\.md: no such file \(\/nonexistent-repo\/docs\/guide\.md\) — "docs\/guide\.md" is resolved against the prompt file's folder/,
      );
    });
    it('#file: names both places the agent looks', async () => {
      const [f] = await findings(
        'Review #file:src/app.ts',
        '/nonexistent-repo/.github/prompts/review.prompt.md',
        'unreadable-attachment',
      );
      assert.match(f.message, /also looked for \/nonexistent-repo\/src\/app\.ts/);
    });
    it('nothing for npm scopes, decorators, inline code and template holes (tailwind-v4-vite.instructions.md, python-pypi-package-builder, markdown.instructions.md, convert-plaintext-to-md.prompt.md)', async () => {
      const text = [
        '- **New @tailwindcss/vite plugin** replaces the PostCSS-based approach',
        'asyncio_mode=auto (remove @pytest.mark.asyncio), migration guide.',
        '- **Links**: Inline `[text](url "title")` or reference `[text][label]`.',
        '- **#file:{{file}}** (required) - The plain text documentation file to convert.',
      ].join('\n\n');
      assert.equal(
        (await findings(text, '/nonexistent-repo/.github/prompts/x.prompt.md', 'unreadable-attachment')).length,
        0,
      );
    });
  });

  describe('duplicate-content', () => {
    it('a copy of a code block is removed whole, fences included (github/awesome-copilot agents/kusto-assistant.agent.md)', async () => {
      const block =
        '```\nUser: "How many WireServer heartbeats were there recently? Use the Fa database in the https://azcore.centralus.kusto.windows.net/ cluster"\n\nResponse: Execute immediately:\n1. mcp_azure_mcp_ser_kusto with kusto_table_list to find tables in Fa database\n```';
      const text = `**Example workflow for immediate query execution:**\n\n${block}\n\n${block}\n\n## Next\n\nMore.\n`;
      const [f] = await findings(text, '/nonexistent-repo/.github/agents/kusto.agent.md', 'duplicate-content');
      assert.match(f.message, /code block repeats the one at line 3/);
      const fixed = applyEdits(text, f.fix!.edits!);
      assert.equal((fixed.match(/^```/gm) ?? []).length, 2, 'one whole block left, fences balanced');
      assert.equal(fixed, `**Example workflow for immediate query execution:**\n\n${block}\n\n## Next\n\nMore.\n`);
    });
    it('a repeated section goes with its heading (github/awesome-copilot prompts/create-spring-boot-kotlin-project.prompt.md)', async () => {
      const section =
        '## Unzip the downloaded file\n\n- Run following command in terminal to unzip the downloaded file\n\n```shell\nunzip starter.zip -d ./${input:projectName:demo-kotlin}\n```';
      const text = `${section}\n\n## Remove the downloaded zip file\n\n- Run following command in terminal to delete the downloaded zip file\n\n\`\`\`shell\nrm -f starter.zip\n\`\`\`\n\n${section}\n\n## Add additional dependencies\n\nInsert them.\n`;
      const found = await findings(text, '/nonexistent-repo/.github/prompts/kotlin.prompt.md', 'duplicate-content');
      assert.equal(found.length, 1, 'one finding for the section, none for its parts');
      assert.match(found[0].message, /section repeats the one at line 1/);
      assert.ok(!applyEdits(text, found[0].fix!.edits!).slice(10).includes('## Unzip the downloaded file'));
    });
    it('no finding for a paragraph inside code, a per-step command, or a one-line bullet per step (github/spec-kit templates/commands/converge.md)', async () => {
      const bullet = '- If no hooks are registered or `.specify/extensions.yml` does not exist, skip silently';
      const cmd =
        '```bash\nax experiments export EXPERIMENT_NAME --dataset DATASET_NAME --space SPACE --stdout | python3 -c "import sys,json"\n```';
      const text = `## Pre\n\n${bullet}\n\n${cmd}\n\n## Post\n\n${bullet}\n\nInspect:\n\n${cmd}\n`;
      assert.equal(
        (await findings(text, '/nonexistent-repo/.github/prompts/c.prompt.md', 'duplicate-content')).length,
        0,
      );
    });
    it('finds a paraphrased restatement, without a fix', async () => {
      const a =
        'Before you start, check whether .specify/extensions.yml exists in the project root; if it exists, read it and look for entries under the hooks.before_analyze key, and skip hook checking silently when the YAML cannot be parsed.';
      const b =
        'Before you start, check if .specify/extensions.yml exists in the project root; if it exists, read it and look for entries under the hooks.before_analyze key, and skip hook checking silently when the YAML cannot be parsed at all.';
      const [f] = await findings(`${a}\n\nMiddle.\n\n${b}\n`, '/nonexistent-repo/AGENTS.md', 'duplicate-content');
      assert.equal(f.severity, 'info');
      assert.match(f.message, /restates the one at line 1 \(\d+ % of its wording/);
      assert.equal(f.fix, undefined);
    });
  });

  describe('politeness-tokens', () => {
    it('off by default', async () => {
      assert.equal(
        (await findings('Please fix the failing test.', '/nonexistent-repo/a.prompt.md', 'politeness-tokens')).length,
        0,
      );
    });
    it('not "thanks to", string literals in code, quoted replies (expert-react-frontend-engineer.agent.md, ruby-mcp-server.instructions.md, exam-ready/SKILL.md)', async () => {
      const text = [
        '- Include all necessary imports (no React import needed thanks to new JSX transform)',
        '```ruby\ncontent: MCP::Content::Text.new("Please review this #{language} code")\n```',
        '- If no study material is provided: say "Please share your notes or PDF first."',
        '> Please keep going, thanks!',
      ].join('\n\n');
      assert.equal(
        (await findings(text, '/nonexistent-repo/AGENTS.md', 'politeness-tokens', on('politeness-tokens'))).length,
        0,
      );
    });
    it('measures the real difference, and says nothing when it is 0 tokens', async () => {
      const [f] = await findings(
        'Please keep going with the refactor of the billing module.',
        '/nonexistent-repo/a.prompt.md',
        'politeness-tokens',
        on('politeness-tokens'),
      );
      assert.match(f.message, /costs 1 token/);
    });
  });

  describe('oversized-model', () => {
    it('not on standing instructions, agent runs or code tasks (github/awesome-copilot prompts/dataverse-python-quickstart.prompt.md)', async () => {
      const cfg = on('oversized-model');
      assert.equal(
        (await findings('Always answer in British English.', '/nonexistent-repo/AGENTS.md', 'oversized-model', cfg))
          .length,
        0,
      );
      assert.equal(
        (
          await findings(
            '---\nmode: agent\n---\nList my open issues.',
            '/nonexistent-repo/my-issues.prompt.md',
            'oversized-model',
            cfg,
          )
        ).length,
        0,
      );
      assert.equal(
        (
          await findings(
            'Generate concise Python snippets that create a DataverseClient.',
            '/nonexistent-repo/q.prompt.md',
            'oversized-model',
            cfg,
          )
        ).length,
        0,
      );
      assert.equal(
        (await findings('What is the capital of Australia?', '/nonexistent-repo/q.prompt.md', 'oversized-model', cfg))
          .length,
        1,
      );
    });
  });

  describe('large-part', () => {
    it('a skill body over 5,000 tokens, naming its largest sections', async () => {
      const section = (n: number) =>
        `## Part ${n}\n\n${'Use the reference tables for every call and check each parameter. '.repeat(120)}\n`;
      const text = `---\nname: big\ndescription: A big skill\n---\n${[1, 2, 3, 4].map(section).join('\n')}`;
      const [f] = await findings(text, '/nonexistent-repo/skills/big/SKILL.md', 'large-part');
      assert.match(
        f.message,
        /This skill's body is [\d,]+ tokens, loaded whole each time the skill is used; .*recommends under 5,000.*Largest sections: "Part \d" \(/,
      );
      assert.equal(
        (
          await findings(
            text.replace('---\nname: big\ndescription: A big skill\n---\n', ''),
            '/nonexistent-repo/AGENTS.md',
            'large-part',
          )
        ).length,
        0,
        'the same text as instructions, every section small',
      );
    });
    it('a whole module pasted into a skill, whatever its share ("Save this as annotate.py", issue 12)', async () => {
      const fn = (i: number) =>
        `def annotate_${i}(record, labels):\n    # Attach label ${i} to the record.\n    value = record.get("field_${i}")\n    if value is None:\n        return record\n    record["label_${i}"] = labels.get(value, "unknown")\n    return record\n`;
      const module = Array.from({ length: 120 }, (_, i) => fn(i)).join('\n');
      const prose = 'Follow these steps for every dataset you annotate and keep the labels consistent. '.repeat(400);
      const text = `---\nname: annotate\ndescription: Annotate records\n---\n${prose}\n\nSave this as annotate.py:\n\n\`\`\`python\n${module}\`\`\`\n`;
      const found = await findings(text, '/nonexistent-repo/skills/annotate/SKILL.md', 'large-part');
      const block = found.find((f) => /This code block is/.test(f.message));
      assert.ok(block, found.map((f) => f.message).join('\n'));
      assert.match(block.message, /Saved as a file in the skill or repository and linked/);
    });
    it('a pasted table that is most of the request, with a measured sample', async () => {
      const rows = Array.from(
        { length: 400 },
        (_, i) =>
          `| 2024-01-${String((i % 28) + 1).padStart(2, '0')} | store-${i % 17} | ${i * 13.5} | ${i % 3 ? 'open' : 'closed'} |`,
      );
      const text = `Which store had the highest revenue in January?\n\n| date | store | revenue | status |\n|---|---|---|---|\n${rows.join('\n')}\n`;
      const [f] = await findings(text, '/nonexistent-repo/ask.prompt.md', 'large-part');
      assert.match(
        f.message,
        /This pasted table is [\d,]+ tokens, \d+ % of this [\d,]+-token request\. Its header and first 20 rows/,
      );
      assert.ok(f.saving && f.saving.tokens > 1000);
      assert.equal(
        f.range!.end - f.range!.start,
        '| date | store | revenue | status |'.length,
        'one squiggle: the first line',
      );
    });
  });

  describe('model names never resolve to an older generation', () => {
    const registry = createProfileRegistry(loadBuiltinProfiles());
    for (const [name, family] of [
      ['GPT-5.4', 'gpt-5'],
      ['GPT-5.3-Codex', 'gpt-5'],
      ['gpt-4o-2024-08-06', 'gpt-4o'],
      ['claude-sonnet-4.5', 'claude-sonnet'],
    ] as const) {
      it(`${name} -> ${family}`, () => assert.equal(registry.resolve(name).profile.family, family));
    }
    it('a newer generation than any profile falls to the labelled default, with a notice', async () => {
      assert.equal(registry.resolve('gpt-6').resolvedBy, 'default');
      const a = await analysePrompt({
        text: '---\nmodel: gpt-6\n---\nHi',
        file: '/nonexistent-repo/a.prompt.md',
        config: emptyConfig(),
        trusted: false,
      });
      assert.ok(a.notices.some((n) => /Model "gpt-6" \(from the front matter\) matches no model profile/.test(n)));
    });
  });
});
