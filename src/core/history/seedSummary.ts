/**
 * The first message of a fresh session, built from the old one without a model call: the open
 * question, the user's constraints, decisions taken, and the latest version of each file —
 * leaving out abandoned attempts and superseded pastes. It is a draft and says so.
 */
import type { SessionAccumulator, SessionFact } from './sessionAccumulator';

const MAX_CONSTRAINTS = 15;
const MAX_DECISIONS = 10;
const MAX_FILES = 20;

export interface SeedSummaryOptions {
  /** Name of the transcript, shown in the header. */
  sourceName?: string;
}

export function buildSeedSummary(session: SessionAccumulator, options: SeedSummaryOptions = {}): string {
  const abandoned = (index: number): boolean => session.abandoned.some((a) => index >= a.fromMessage && index < a.toMessage);
  const live = (facts: Iterable<SessionFact>): SessionFact[] => [...facts].filter((f) => !abandoned(f.messageIndex));

  const lines: string[] = [];
  const source = options.sourceName ? ` from ${options.sourceName}` : '';
  lines.push(
    `<!-- Seed summary for a fresh session, built locally${source} (${session.turns.length} turns, no model call).`,
    '     A starting point: check it, correct it, delete what the next task does not need, then send it as the first message. -->',
    '',
    '# Context from an earlier session',
    '',
  );

  const question = live(session.recentQuestions).pop();
  lines.push('## Open question', '', question ? question.text : '(none found: write what you want to do next)', '');

  const constraints = live(session.constraints.values()).slice(-MAX_CONSTRAINTS);
  if (constraints.length > 0) {
    lines.push('## Constraints I stated', '', ...constraints.map((c) => `- ${c.text}`), '');
  }
  const decisions = live(session.decisions.values()).slice(-MAX_DECISIONS);
  if (decisions.length > 0) {
    lines.push('## Decisions so far', '', ...decisions.map((d) => `- ${d.text}`), '');
  }

  const files = [...session.fileVersions.values()]
    .map((versions) => versions.filter((v) => !abandoned(v.messageIndex)).pop())
    .filter((v) => v !== undefined)
    .sort((a, b) => a.messageIndex - b.messageIndex)
    .slice(-MAX_FILES);
  if (files.length > 0) {
    lines.push('## Files (latest version only)', '');
    for (const file of files) {
      if (file.content !== undefined && file.how !== 'read') {
        lines.push(`### ${file.path}`, '', fence(file.content), '');
      } else {
        const how = { pasted: 'pasted', read: 'read by a tool', written: 'written', edited: 'edited' }[file.how];
        lines.push(`- \`${file.path}\`: last ${how} at message ${file.messageIndex + 1}; attach the current file rather than pasting an old copy.`);
      }
    }
    if (lines[lines.length - 1] !== '') lines.push('');
  }

  const dropped = droppedSummary(session);
  if (dropped) lines.push(`<!-- Left out: ${dropped}. -->`, '');
  return lines.join('\n').trimEnd() + '\n';
}

function droppedSummary(session: SessionAccumulator): string | undefined {
  const parts: string[] = [];
  if (session.abandoned.length > 0) {
    const tokens = session.abandoned.reduce((sum, a) => sum + a.tokens, 0);
    parts.push(`${session.abandoned.length} abandoned attempt${session.abandoned.length === 1 ? '' : 's'} (${tokens} tokens)`);
  }
  let superseded = 0;
  for (const occurrences of session.pastes.values()) superseded += Math.max(0, occurrences.length - 1);
  if (superseded > 0) parts.push(`${superseded} repeated or superseded paste${superseded === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function fence(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}\n${content.replace(/\n$/, '')}\n${marks}`;
}
