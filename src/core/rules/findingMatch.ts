/**
 * Which finding of the current analysis a command argument means. The argument (a code action's
 * finding, a panel message, a command link) is only a description — rule id, fix title, place —
 * and what is returned is always the extension's own finding, so its fix, edits and file action
 * are ones the analysis derived: a crafted argument cannot make `mvp.applyFix` write a file
 * anywhere. Pure (no `vscode`), so it is tested directly.
 */
import type { Finding } from './finding';

export function matchCurrentFinding(
  current: readonly Finding[],
  described: unknown,
  sameText: boolean,
): Finding | undefined {
  if (!described || typeof described !== 'object') return undefined;
  const wanted = described as {
    ruleId?: unknown;
    fix?: { title?: unknown };
    range?: { start?: unknown; end?: unknown };
  };
  const candidates = current.filter(
    (f) => f.fix !== undefined && f.ruleId === wanted.ruleId && f.fix.title === wanted.fix?.title,
  );
  if (sameText) {
    // Same text: the very finding, at the very place.
    return candidates.find((f) => f.range?.start === wanted.range?.start && f.range?.end === wanted.range?.end);
  }
  // The same finding, moved by the edits since: the nearest one of the same rule and fix.
  const start = typeof wanted.range?.start === 'number' ? wanted.range.start : 0;
  const distance = (f: Finding) => Math.abs((f.range?.start ?? 0) - start);
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}
