import { strict as assert } from 'node:assert';
import { fileKindOf, skillAlwaysSentText } from '../../../src/core/prompt/fileKind';
import { DEFAULT_PROMPT_GLOBS, matchesPromptGlobs } from '../../../src/core/config/promptFileGlobs';

/** The file-kind table of issue 12: what each kind of prompt file is, and which syntaxes attach in it. */
const TABLE: [string, 'request' | 'instructions' | 'skill', boolean][] = [
  // path, kind, whether `@path` attaches
  ['.github/prompts/fix-bug.prompt.md', 'request', false],
  ['.claude/commands/review.md', 'request', true],
  ['prompts/ask.md', 'request', false],
  ['.github/instructions/python.instructions.md', 'instructions', false],
  ['AGENTS.md', 'instructions', false],
  ['packages/api/AGENTS.md', 'instructions', false],
  ['CLAUDE.md', 'instructions', true],
  ['.github/copilot-instructions.md', 'instructions', false],
  ['.github/agents/planner.agent.md', 'instructions', false],
  ['.github/chatmodes/review.chatmode.md', 'instructions', false],
  ['.claude/agents/security-auditor.md', 'instructions', true],
  ['.github/skills/pdf/SKILL.md', 'skill', false],
  ['skills/pdf/SKILL.md', 'skill', false],
  ['.claude/skills/pdf/SKILL.md', 'skill', true],
  ['.github/skills/pdf/references/forms.md', 'skill', false],
];

describe('file kinds', () => {
  for (const [file, kind, at] of TABLE) {
    it(`${file} is ${kind}${at ? ', @path attaches' : ''}`, () => {
      const info = fileKindOf(`/repo/${file}`);
      assert.equal(info.kind, kind);
      assert.equal(info.attachSyntaxes.includes('atMention'), at);
      assert.equal(info.hasQuestion, kind === 'request');
      assert.equal(info.linksOnDemand, kind === 'skill');
      assert.ok(matchesPromptGlobs(file, DEFAULT_PROMPT_GLOBS), `${file} is found by mvp lint's default patterns`);
    });
  }
  it('a prompt without a file (chat message, hook prompt) is a request in which every syntax attaches', () => {
    assert.deepEqual(fileKindOf(undefined).attachSyntaxes, ['#file', 'markdownLink', 'atMention']);
  });
  it('a skill sends its name and description with every request', () => {
    assert.equal(
      skillAlwaysSentText({ name: 'pdf', description: 'Fill PDF forms', license: 'MIT' }),
      'name: pdf\ndescription: Fill PDF forms',
    );
    assert.equal(skillAlwaysSentText(null), '');
  });
});
