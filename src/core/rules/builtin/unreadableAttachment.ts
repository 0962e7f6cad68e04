import path from 'node:path';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { AttachmentAnalysis, AttachmentProblem } from '../../attachments/attachment';
import { formatInteger } from '../../format';

/**
 * A file that was not (fully) counted makes the total short: the user must know, but the request
 * itself still goes out — so nothing here is an error (error level is kept for what really breaks a
 * request: over the context window, a budget the team set as error). A missing file in a healthy
 * repository is most often a path written for another tool or folder; a warning that says where it
 * was looked for is what helps.
 */
const SEVERITY: Record<AttachmentProblem['code'], 'warning' | 'info'> = {
  missing: 'warning',
  symlinkLoop: 'warning',
  corrupt: 'warning',
  encrypted: 'warning',
  tooLarge: 'warning',
  timeout: 'warning',
  memoryLimit: 'warning',
  outsideWorkspace: 'warning',
  wrongExtension: 'info',
  empty: 'info',
  notText: 'warning',
  notCounted: 'info',
  encoding: 'info',
};

/**
 * An attached file that could not be read, or only partly: missing, corrupt, encrypted, too big,
 * parsing stopped at its time or memory limit, binary. Says which file, what went wrong and what
 * to do, at the reference in the prompt.
 */
export const unreadableAttachment = defineRule({
  id: 'unreadable-attachment',
  description: 'An attached file could not be read or counted (missing, corrupt, too large, binary …)',
  tags: ['attachment'],
  defaultSeverity: 'warning',
  optionsSchema: {},
  defaultOptions: {},
  check(context) {
    const findings: RuleFinding[] = [];
    for (const a of context.attachments) {
      for (const problem of a.problems) {
        const name = path.basename(a.reference.path);
        const message = problem.code === 'missing' && /no such file/.test(problem.message) ? missingMessage(a, context.file) : problem.message;
        findings.push({
          range: a.reference.range,
          severity: SEVERITY[problem.code] ?? 'warning',
          message: message.includes(name) ? message : `${name}: ${message}`,
          related: [{ file: a.reference.path, message: `${a.format} attachment, ${formatInteger(a.bytes)} bytes` }],
        });
      }
    }
    return findings;
  },
});

/** Which path was looked for, resolved against what (as the agent resolves it), and what that means. */
function missingMessage(a: AttachmentAnalysis, promptFile: string | undefined): string {
  const ref = a.reference;
  const name = path.basename(ref.path);
  const against =
    ref.resolvedAgainst === 'workspaceRoot'
      ? 'the workspace root'
      : promptFile
        ? "the prompt file's folder"
        : 'the current folder';
  const tried = ref.alsoTried ? ` (also looked for ${ref.alsoTried})` : '';
  const consequence = ref.onDemand
    ? 'the agent will fail to open it when it follows this link'
    : 'it is not sent, so the model will not see it and the token total leaves it out';
  return `${name}: no such file (${ref.path}) — "${ref.rawPath}" is resolved against ${against}${tried}; ${consequence}. Check the path.`;
}
