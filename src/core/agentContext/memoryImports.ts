/**
 * `@path` imports in memory files, as Claude Code documents them (code.claude.com/docs/en/memory):
 * a relative path resolves against the file that contains the import, `~/` against the home
 * folder; imports inside Markdown code spans and fenced blocks are not evaluated; imported files
 * may import others, "with a maximum depth of 5 hops". Observed with Claude Code 2.1.328 (test/agents):
 * the memory file itself counts as the first of the 5 levels, so a chain CLAUDE.md → d1 → … loads
 * d1 to d4 and not d5. Each imported file is sent as its own section ("Contents of docs/x.md …"
 * after the importing file).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { readContextFile } from './readContextFile';

/** Files in one import chain, the memory file included (the documented "5 hops", as the client counts them). */
export const CLAUDE_IMPORT_MAX_DEPTH = 5;

export interface LoadedMemoryFile {
  path: string;
  text?: string;
  /** 0 for a file the agent loads by its location, n for an n-hop import. */
  depth: number;
  importedFrom?: string;
  problem?: string;
}

/** The `@path` references of a memory file's text, outside code spans and fenced blocks. */
export function importReferences(text: string): string[] {
  const withoutFences = text.replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?(?:^\1\2[^\n]*$|(?![\s\S]))/gm, '');
  const withoutSpans = withoutFences.replace(/`[^`\n]*`/g, '');
  const found: string[] = [];
  for (const match of withoutSpans.matchAll(/(?:^|\s)@((?:[^\s\\]|\\ )+)/g)) {
    const reference = match[1].replace(/\\ /g, ' ').replace(/[.,;:)\]]+$/, '');
    if (reference && !found.includes(reference)) found.push(reference);
  }
  return found;
}

function resolveImport(reference: string, fromFile: string, home: string): string {
  if (reference.startsWith('~/')) return path.join(home, reference.slice(2));
  return path.resolve(path.dirname(fromFile), reference);
}

/**
 * A memory file and everything it imports, depth first in the order the agent sends them.
 * `seen` is shared across all memory files of one agent: a file is sent once.
 */
export function loadWithImports(
  file: string,
  seen: Set<string>,
  options: { home?: string; maxDepth?: number } = {},
): LoadedMemoryFile[] {
  const home = options.home ?? os.homedir();
  const maxDepth = options.maxDepth ?? CLAUDE_IMPORT_MAX_DEPTH;
  const out: LoadedMemoryFile[] = [];
  const visit = (current: string, depth: number, importedFrom: string | undefined, chain: string[]) => {
    const read = readContextFile(current);
    if (read.kind === 'absent') {
      // A reference to a file that does not exist is plain text to the agent (an @mention, an e-mail…).
      if (depth === 0) return;
      return;
    }
    seen.add(current);
    if (read.kind === 'problem') {
      out.push({ path: current, depth, importedFrom, problem: read.problem });
      return;
    }
    out.push({ path: current, text: read.text, depth, importedFrom });
    for (const reference of importReferences(read.text)) {
      const target = resolveImport(reference, current, home);
      if (chain.includes(target)) {
        out[out.length - 1].problem = appendProblem(
          out[out.length - 1].problem,
          `import cycle ${[...chain, current, target]
            .slice(chain.indexOf(target))
            .map((p) => path.basename(p))
            .join(' → ')}: the agent loads each file once`,
        );
        continue;
      }
      if (seen.has(target)) continue;
      if (depth + 1 >= maxDepth) {
        if (readContextFile(target).kind !== 'absent') {
          out[out.length - 1].problem = appendProblem(
            out[out.length - 1].problem,
            `@${reference} is ${depth + 1} imports deep; the agent stops at ${maxDepth - 1} (5 levels with the memory file) and does not load it`,
          );
        }
        continue;
      }
      visit(target, depth + 1, current, [...chain, current]);
    }
  };
  if (!seen.has(file)) visit(file, 0, undefined, []);
  return out;
}

function appendProblem(existing: string | undefined, next: string): string {
  return existing ? `${existing}; ${next}` : next;
}
