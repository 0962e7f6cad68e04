/**
 * What a prompt file is decides what applies to it. Agents treat three kinds of file differently:
 *
 * - a **request** (`*.prompt.md`, a Claude Code command, a chat message or hook prompt) is sent
 *   once, when the user runs it, and asks something: it has a question, and its answer's length
 *   is the user's to set;
 * - **standing instructions** (`*.instructions.md`, `AGENTS.md`, `CLAUDE.md`,
 *   `copilot-instructions.md`, `*.agent.md`, `*.chatmode.md`, Claude Code subagents) are sent with
 *   every request of a session, and ask nothing;
 * - a **skill** (`SKILL.md`, and the files in its folder) sends its front matter's name and
 *   description with every request, its body only when the agent uses the skill, and the files it
 *   links to (references/, scripts/, assets/) only when the agent opens them.
 *
 * Which reference syntaxes mean "attach this file" also depends on the file: `@path` imports are
 * Claude Code's (CLAUDE.md, .claude/…); in a Copilot file `@name` is a chat participant or an npm
 * scope. Sources: VS Code "Use prompt files" and "Custom instructions" docs; Claude Code "Memory"
 * (`@path` imports) and "Slash commands" docs; agentskills.io specification (progressive disclosure).
 */
import * as path from 'node:path';
import type { ReferenceSyntax } from './parsedPrompt';

export type FileKind = 'request' | 'instructions' | 'skill';

export interface FileKindInfo {
  kind: FileKind;
  /** How the kind is named to users. */
  label: string;
  /** When the file's text is sent, in words. */
  sentWhen: string;
  /** Whether the file asks a question (rules about the question and the answer's length apply). */
  hasQuestion: boolean;
  /** The syntaxes that attach a file in this kind of document. */
  attachSyntaxes: readonly ReferenceSyntax[];
  /** Linked files are opened by the agent only when it needs them (skills): not sent with the file. */
  linksOnDemand: boolean;
}

const ALL_SYNTAXES: readonly ReferenceSyntax[] = ['#file', 'markdownLink', 'atMention'];
const WITHOUT_AT: readonly ReferenceSyntax[] = ['#file', 'markdownLink'];

const INSTRUCTION_NAMES =
  /^(?:AGENTS|CLAUDE|CLAUDE\.local|GEMINI)\.md$|^copilot-instructions\.md$|\.(?:instructions|agent|chatmode)\.md$/i;

/** The kind of the file at `filePath` (a prompt without a file — chat message, hook prompt — is a request). */
export function fileKindOf(filePath: string | undefined): FileKindInfo {
  if (!filePath) return info('request', ALL_SYNTAXES);
  const p = filePath.replace(/\\/g, '/');
  const name = path.posix.basename(p);
  const claude = /(?:^|\/)\.claude\//.test(p) || /^CLAUDE(?:\.local)?\.md$/i.test(name);
  const syntaxes = claude ? ALL_SYNTAXES : WITHOUT_AT;
  if (
    name === 'SKILL.md' ||
    (/(?:^|\/)skills\/[^/]+\/.+\.md$/.test(p) && !/\.(?:prompt|instructions|agent|chatmode)\.md$/i.test(name))
  ) {
    return info('skill', syntaxes);
  }
  if (INSTRUCTION_NAMES.test(name) || /(?:^|\/)\.claude\/agents\//.test(p)) return info('instructions', syntaxes);
  return info('request', syntaxes);
}

function info(kind: FileKind, attachSyntaxes: readonly ReferenceSyntax[]): FileKindInfo {
  switch (kind) {
    case 'instructions':
      return {
        kind,
        label: 'Standing instructions',
        sentWhen: 'with every request',
        hasQuestion: false,
        attachSyntaxes,
        linksOnDemand: false,
      };
    case 'skill':
      return {
        kind,
        label: 'Skill',
        sentWhen: 'name and description with every request; the body when the skill is used',
        hasQuestion: false,
        attachSyntaxes,
        linksOnDemand: true,
      };
    default:
      return {
        kind,
        label: 'Request',
        sentWhen: 'once, when it is run',
        hasQuestion: true,
        attachSyntaxes,
        linksOnDemand: false,
      };
  }
}

/** The part of a skill sent with every request: its front matter's name and description. */
export function skillAlwaysSentText(frontMatter: Record<string, unknown> | null): string {
  if (!frontMatter) return '';
  return ['name', 'description']
    .map((key) => (typeof frontMatter[key] === 'string' ? `${key}: ${frontMatter[key] as string}` : ''))
    .filter(Boolean)
    .join('\n');
}
