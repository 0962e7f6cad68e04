import { strict as assert } from 'node:assert';
import { analysedFindings } from '../ruleContextBuilder';

describe('large-part', () => {
  describe('on real prompt files (issue 12)', () => {
    it('a skill body over 5,000 tokens, naming its largest sections', async () => {
      const section = (n: number) =>
        `## Part ${n}\n\n${'Use the reference tables for every call and check each parameter. '.repeat(120)}\n`;
      const text = `---\nname: big\ndescription: A big skill\n---\n${[1, 2, 3, 4].map(section).join('\n')}`;
      const [f] = await analysedFindings(text, '/nonexistent-repo/skills/big/SKILL.md', 'large-part');
      assert.match(
        f.message,
        /This skill's body is [\d,]+ tokens, loaded whole each time the skill is used; .*recommends under 5,000.*Largest sections: "Part \d" \(/,
      );
      assert.equal(
        (
          await analysedFindings(
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
      const found = await analysedFindings(text, '/nonexistent-repo/skills/annotate/SKILL.md', 'large-part');
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
      const [f] = await analysedFindings(text, '/nonexistent-repo/ask.prompt.md', 'large-part');
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
});
