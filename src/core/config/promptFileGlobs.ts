/**
 * Which documents are prompts: the config's `files` globs, or the defaults below (the prompt,
 * instruction, agent and skill files VS Code, Copilot, Claude Code and other agents read; what
 * each kind of file is, and what is sent when, is in ../prompt/fileKind.ts). Glob syntax: `**` any
 * folders, `*` and `?` within one path segment, `{a,b}` alternatives.
 */
export const DEFAULT_PROMPT_GLOBS = [
  '**/*.prompt.md',
  '**/*.instructions.md',
  '**/*.agent.md',
  '**/*.chatmode.md',
  '**/AGENTS.md',
  '**/CLAUDE.md',
  '**/.github/copilot-instructions.md',
  '**/prompts/**/*.{md,txt}',
  '**/SKILL.md',
  '**/.github/skills/**/*.md',
  '**/.claude/agents/**/*.md',
  '**/.claude/commands/**/*.md',
];

/** Folders never searched for prompt files. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        re += '\\{';
        continue;
      }
      re += '(?:' + glob.slice(i + 1, close).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|') + ')';
      i = close;
    } else {
      re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** Whether `relativePath` (forward slashes, relative to the globs' base folder) is a prompt file. */
export function matchesPromptGlobs(relativePath: string, globs: readonly string[] = DEFAULT_PROMPT_GLOBS): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => globToRegExp(g.replace(/^\.\//, '')).test(p));
}
