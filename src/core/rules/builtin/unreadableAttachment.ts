import path from 'node:path';
import type { Rule, RuleFinding } from '../rule';
import type { AttachmentProblem } from '../../attachments/attachment';

/** Problems that mean the file was not (fully) counted: the user must know the total is short. */
const SEVERITY: Record<AttachmentProblem['code'], 'error' | 'warning' | 'info'> = {
  missing: 'error',
  symlinkLoop: 'error',
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
export const unreadableAttachment: Rule = {
  id: 'unreadable-attachment',
  description: 'An attached file could not be read or counted (missing, corrupt, too large, binary …)',
  docs: 'docs/rules/unreadable-attachment.md',
  tags: ['attachment'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  check(context) {
    const findings: RuleFinding[] = [];
    for (const a of context.attachments) {
      for (const problem of a.problems) {
        const name = path.basename(a.reference.path);
        findings.push({
          range: a.reference.range,
          severity: SEVERITY[problem.code] ?? 'warning',
          message: problem.message.includes(name) ? problem.message : `${name}: ${problem.message}`,
          related: [{ file: a.reference.path, message: `${a.format} attachment, ${a.bytes.toLocaleString('en-US')} bytes` }],
        });
      }
    }
    return findings;
  },
};
