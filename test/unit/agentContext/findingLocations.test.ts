import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseAgentContext } from '../../../src/core/agentContext/analyseAgentContext';
import { findingLocations } from '../../../src/core/agentContext/findingLocations';

describe('agent context: where findings go in the editor', () => {
  it('puts each finding on the line it is about: the repeated instruction, the description, the applyTo, the server', async () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-finding-lines-'));
    const home = path.join(root, 'home');
    const project = path.join(root, 'project');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    };
    const shared = 'Always run the full test suite with npm test before you say a task is done.';
    write('.github/copilot-instructions.md', `# Rules\n\n${shared}\n`);
    write('AGENTS.md', `# Agents\n\nBe brief.\n${shared}\n`);
    write('.github/instructions/all.instructions.md', '---\ndescription: everything\napplyTo: "**"\n---\nExplain.\n');
    write(
      '.github/skills/big/SKILL.md',
      `---\nname: big\ndescription: ${'Use this for reports. '.repeat(30)}\n---\nBody\n`,
    );
    write('.vscode/mcp.json', '{\n  "servers": {\n    "notes": { "command": "notes-mcp" }\n  }\n}\n');
    const context = await analyseAgentContext({
      folder: project,
      agent: 'vscode',
      home,
      cacheDir: path.join(root, 'cache'),
      useLogs: false,
    });
    const lines = Object.fromEntries(
      findingLocations(context).map((l) => [l.finding.id, [path.relative(project, l.path), l.line]]),
    );
    assert.deepEqual(lines['duplicated-instructions'], ['AGENTS.md', 3]);
    assert.deepEqual(lines['apply-to-everything'], ['.github/instructions/all.instructions.md', 2]);
    assert.deepEqual(lines['long-skill-description'], ['.github/skills/big/SKILL.md', 2]);
    assert.deepEqual(lines['mcp-not-measured'], ['.vscode/mcp.json', 2]);
  });
});
