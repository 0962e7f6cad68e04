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
  /** The skills folder it was found in. */
  root: string;
  problem?: string;
}

function skillRoots(agent: AgentId, folder: string, home: string, env: Record<string, string | undefined>): string[] {
  switch (agent) {
    case 'claude-code':
      return [path.join(home, '.claude', 'skills'), path.join(folder, '.claude', 'skills')];
    case 'vscode':
      return ['.github/skills', '.claude/skills', '.agents/skills'].map((dir) => path.join(folder, dir));
    case 'codex':
      // Observed with Codex 0.169.0, in this order (its own skills live in $CODEX_HOME/skills/.system).
      return [
        path.join(folder, '.codex', 'skills'),
        path.join(env.CODEX_HOME ?? path.join(home, '.codex'), 'skills'),
        path.join(folder, '.agents', 'skills'),
      ];
    case 'gemini':
      // Observed with Gemini CLI 0.61.0.
      return [
        path.join(home, '.gemini', 'skills'),
        path.join(folder, '.gemini', 'skills'),
        path.join(folder, '.agents', 'skills'),
      ];
  }
}

export function findSkills(
  agent: AgentId,
  folder: string,
  home: string,
  env: Record<string, string | undefined> = {},
): SkillEntry[] {
  const skills: SkillEntry[] = [];
  for (const root of skillRoots(agent, folder, home, env)) {
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
        skills.push({ name: dirName, description: '', path: file, root, problem: read.problem });
        continue;
      }
      const front = splitFrontMatter(read.text);
      const name = typeof front.data.name === 'string' ? front.data.name : dirName;
      const declared = typeof front.data.description === 'string' ? front.data.description : '';
      // Claude Code lists a skill without a description with the first line of its body (observed, 2.1.328).
      const fallback =
        agent === 'claude-code' && !declared
          ? (front.body.split('\n').find((line) => line.trim()) ?? '').replace(/^#+\s*/, '').trim()
          : '';
      const description = declared || fallback;
      skills.push({
        name,
        description,
        path: file,
        root,
        problem: front.problem
          ? `${file}: ${front.problem}`
          : declared
            ? undefined
            : fallback
              ? `${file} has no description: the agent lists it with the first line of its body ("${fallback.slice(0, 60)}"), which may not say when to use it`
              : `${file} has no description: the agent lists it by name only and may never pick it`,
      });
    }
  }
  return skills;
}

/**
 * A skill's entry in the listing, as each agent writes it (observed: Claude Code 2.1.328, Codex
 * 0.169.0, Gemini CLI 0.61.0). Codex also names each skills folder once in a roots table.
 */
export function skillListingText(agent: AgentId, skill: SkillEntry, firstOfRoot: boolean): string {
  switch (agent) {
    case 'codex': {
      const root = firstOfRoot ? `- \`r0\` = \`${skill.root}\`\n` : '';
      return `${root}- ${skill.name}: ${skill.description} (file: r0/${path.basename(path.dirname(skill.path))}/SKILL.md)\n`;
    }
    case 'gemini':
      return `  <skill>\n    <name>${skill.name}</name>\n    <description>${skill.description}</description>\n    <location>${skill.path}</location>\n  </skill>\n`;
    default:
      return `- ${skill.name}: ${skill.description}\n`;
  }
}

export function skillPieces(
  agent: AgentId,
  folder: string,
  home: string,
  env: Record<string, string | undefined> = {},
): { pieces: ContextPiece[]; skills: SkillEntry[] } {
  const skills = findSkills(agent, folder, home, env);
  const pieces = skills.map((skill, index): ContextPiece => ({
    kind: 'skills',
    name: `skill ${skill.name}`,
    path: skill.path,
    source: 'file',
    text: skillListingText(agent, skill, index === 0 || skills[index - 1].root !== skill.root),
    origin: 'skill listing (name and description; the body loads only when used)',
    problem: skill.problem,
  }));
  return { pieces, skills };
}
