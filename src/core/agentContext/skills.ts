/**
 * Skills: every request carries the listing (name and description of each skill found); a skill's
 * body is loaded only when the model uses it, so only the listing is fixed load.
 * - Claude Code (code.claude.com/docs/en/skills): ~/.claude/skills/NAME/SKILL.md and
 *   .claude/skills/NAME/SKILL.md of the project; listed as "- NAME: DESCRIPTION" (observed with 2.1.328).
 * - VS Code (code.visualstudio.com/docs/agent-customization): .github/skills, .claude/skills and
 *   .agents/skills of the workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentId, ContextPiece } from './agentContextTypes';
import { splitFrontMatter } from './frontMatter';
import { readContextFile } from './readContextFile';

export interface SkillEntry {
  name: string;
  description: string;
  path: string;
  problem?: string;
}

function skillRoots(agent: AgentId, folder: string, home: string): string[] {
  switch (agent) {
    case 'claude-code':
      return [path.join(home, '.claude', 'skills'), path.join(folder, '.claude', 'skills')];
    case 'vscode':
      return ['.github/skills', '.claude/skills', '.agents/skills'].map((dir) => path.join(folder, dir));
    default:
      return [];
  }
}

export function findSkills(agent: AgentId, folder: string, home: string): SkillEntry[] {
  const skills: SkillEntry[] = [];
  for (const root of skillRoots(agent, folder, home)) {
    let names: string[];
    try {
      names = fs.readdirSync(root).sort();
    } catch {
      continue;
    }
    for (const dirName of names) {
      const file = path.join(root, dirName, 'SKILL.md');
      const read = readContextFile(file);
      if (read.kind === 'absent') continue;
      if (read.kind === 'problem') {
        skills.push({ name: dirName, description: '', path: file, problem: read.problem });
        continue;
      }
      const front = splitFrontMatter(read.text);
      const name = typeof front.data.name === 'string' ? front.data.name : dirName;
      const description = typeof front.data.description === 'string' ? front.data.description : '';
      skills.push({
        name,
        description,
        path: file,
        problem: front.problem
          ? `${file}: ${front.problem}`
          : description
            ? undefined
            : `${file} has no description: the agent lists it by name only and may never pick it`,
      });
    }
  }
  return skills;
}

export function skillListingLine(skill: SkillEntry): string {
  return `- ${skill.name}: ${skill.description}\n`;
}

export function skillPieces(
  agent: AgentId,
  folder: string,
  home: string,
): { pieces: ContextPiece[]; skills: SkillEntry[] } {
  const skills = findSkills(agent, folder, home);
  const pieces = skills.map((skill): ContextPiece => ({
    kind: 'skills',
    name: `skill ${skill.name}`,
    path: skill.path,
    source: 'file',
    text: skillListingLine(skill),
    origin: 'skill listing (name and description; the body loads only when used)',
    problem: skill.problem,
  }));
  return { pieces, skills };
}
