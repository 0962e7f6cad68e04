import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import {
  analysedFindings,
  assertMeasured,
  attachment,
  buildContext,
  findingsOf,
  referenceTo,
} from '../ruleContextBuilder';

describe('duplicate-content', () => {
  const para = 'Our service handles payments for three regions and must keep latency under 200 ms at peak load.';
  it('removes a repeated paragraph and points at the first', () => {
    const text = `${para}\n\nSome other context here.\n\n${para}\n\nWhat should we cache?`;
    const ctx = buildContext({ text });
    const [f] = findingsOf('duplicate-content', ctx);
    assert.equal(f.range?.start, text.lastIndexOf(para));
    assert.equal(applyEdits(text, f.fix!.edits!), `${para}\n\nSome other context here.\n\nWhat should we cache?`);
    assert.deepEqual(f.related?.[0].range, { start: 0, end: para.length });
    assertMeasured(ctx, f);
  });
  it('names a file attached twice instead of attaching it again (the agent sends it once), keeping the sentence', () => {
    // Real excerpt shape (github/awesome-copilot prompts): the same #file: repeated in one prompt.
    const text = 'See #file:a.csv and again #file:a.csv please';
    const first = referenceTo(text, '#file:a.csv', '/w/a.csv');
    const second = {
      ...first,
      range: { start: text.lastIndexOf('#file:a.csv'), end: text.lastIndexOf('#file:a.csv') + 11 },
    };
    const ctx = buildContext({
      text,
      references: [first, second],
      attachments: [attachment(first, 'csv', 1000), attachment(second, 'csv', 1000)],
    });
    const [f] = findingsOf('duplicate-content', ctx);
    assert.deepEqual(f.range, second.range);
    assert.equal(applyEdits(text, f.fix!.edits!), 'See #file:a.csv and again `a.csv` please');
    assert.match(f.message, /already attached at line 1; the agent sends it once/);
    assert.ok(f.saving!.tokens < 1000, 'the file is sent once: only the reference itself is saved');
  });
  it('says nothing about a repeated reference to a file that does not exist', () => {
    const text = 'See #file:gone.md and #file:gone.md';
    const first = referenceTo(text, '#file:gone.md', '/w/gone.md');
    const second = { ...first, range: { start: text.lastIndexOf('#file'), end: text.length } };
    const missing = attachment(first, 'unreadable', 0);
    missing.problems.push({ code: 'missing', message: 'no such file (/w/gone.md)' });
    assert.equal(
      findingsOf('duplicate-content', buildContext({ text, references: [first, second], attachments: [missing] }))
        .length,
      0,
    );
  });
  it('is quiet for short repeated lines and distinct paragraphs', () => {
    assert.equal(findingsOf('duplicate-content', buildContext({ text: 'Yes.\n\nYes.\n\n' + para })).length, 0);
  });

  describe('on real prompt files (issue 12)', () => {
    it('a copy of a code block is removed whole, fences included (github/awesome-copilot agents/kusto-assistant.agent.md)', async () => {
      const block =
        '```\nUser: "How many WireServer heartbeats were there recently? Use the Fa database in the https://azcore.centralus.kusto.windows.net/ cluster"\n\nResponse: Execute immediately:\n1. mcp_azure_mcp_ser_kusto with kusto_table_list to find tables in Fa database\n```';
      const text = `**Example workflow for immediate query execution:**\n\n${block}\n\n${block}\n\n## Next\n\nMore.\n`;
      const [f] = await analysedFindings(text, '/nonexistent-repo/.github/agents/kusto.agent.md', 'duplicate-content');
      assert.match(f.message, /code block repeats the one at line 3/);
      const fixed = applyEdits(text, f.fix!.edits!);
      assert.equal((fixed.match(/^```/gm) ?? []).length, 2, 'one whole block left, fences balanced');
      assert.equal(fixed, `**Example workflow for immediate query execution:**\n\n${block}\n\n## Next\n\nMore.\n`);
    });
    it('a repeated section goes with its heading (github/awesome-copilot prompts/create-spring-boot-kotlin-project.prompt.md)', async () => {
      const section =
        '## Unzip the downloaded file\n\n- Run following command in terminal to unzip the downloaded file\n\n```shell\nunzip starter.zip -d ./${input:projectName:demo-kotlin}\n```';
      const text = `${section}\n\n## Remove the downloaded zip file\n\n- Run following command in terminal to delete the downloaded zip file\n\n\`\`\`shell\nrm -f starter.zip\n\`\`\`\n\n${section}\n\n## Add additional dependencies\n\nInsert them.\n`;
      const found = await analysedFindings(
        text,
        '/nonexistent-repo/.github/prompts/kotlin.prompt.md',
        'duplicate-content',
      );
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
        (await analysedFindings(text, '/nonexistent-repo/.github/prompts/c.prompt.md', 'duplicate-content')).length,
        0,
      );
    });
    it('finds a paraphrased restatement, without a fix', async () => {
      const a =
        'Before you start, check whether .specify/extensions.yml exists in the project root; if it exists, read it and look for entries under the hooks.before_analyze key, and skip hook checking silently when the YAML cannot be parsed.';
      const b =
        'Before you start, check if .specify/extensions.yml exists in the project root; if it exists, read it and look for entries under the hooks.before_analyze key, and skip hook checking silently when the YAML cannot be parsed at all.';
      const [f] = await analysedFindings(
        `${a}\n\nMiddle.\n\n${b}\n`,
        '/nonexistent-repo/AGENTS.md',
        'duplicate-content',
      );
      assert.equal(f.severity, 'info');
      assert.match(f.message, /restates the one at line 1 \(\d+ % of its wording/);
      assert.equal(f.fix, undefined);
    });
  });
});
