/**
 * Where each agent-context finding belongs in its file, for editors (diagnostics on the memory file,
 * the skill or the MCP config): the line of the repeated instruction, of the skill's description,
 * of `applyTo`, of the server's name; else the first line. Reads the file; never throws.
 */
import type { AgentContext, ContextFinding } from './agentContextTypes';
import { readContextFile } from './readContextFile';

export interface FindingLocation {
  path: string;
  /** 0-based line. */
  line: number;
  finding: ContextFinding;
}

function lineOf(text: string, pattern: RegExp): number {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => pattern.test(line));
  return Math.max(0, at);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(finding: ContextFinding): RegExp | undefined {
  switch (finding.id) {
    case 'long-skill-description':
      return /^description\s*:/;
    case 'apply-to-everything':
      return /^applyTo\s*:/;
    case 'unused-mcp-server':
    case 'mcp-not-measured': {
      const name = /MCP server "([^"]+)"/.exec(finding.message)?.[1];
      return name ? new RegExp(`["\\[.]${escape(name)}["\\]]`) : undefined;
    }
    case 'duplicated-instructions': {
      const example = /\(e\.g\. "(.+?)"\)/.exec(finding.message)?.[1];
      return example ? new RegExp(escape(example.slice(0, 40))) : undefined;
    }
    default:
      return undefined;
  }
}

export function findingLocations(context: AgentContext): FindingLocation[] {
  return context.findings
    .filter((finding): finding is ContextFinding & { path: string } => typeof finding.path === 'string')
    .map((finding) => {
      const read = readContextFile(finding.path);
      const pattern = patternFor(finding);
      return { path: finding.path, line: read.kind === 'text' && pattern ? lineOf(read.text, pattern) : 0, finding };
    });
}
