/**
 * Validates what the energy panel's webview sends (`parseWebviewMessage`): a webview message is
 * data from another process. The message types are the shared contract (src/shared/panel/messages.ts).
 */

import type { WebviewMessage } from '../../shared/panel/messages';
export type { ExtensionMessage, WebviewMessage } from '../../shared/panel/messages';

function isRange(value: unknown): value is { start: number; end: number } {
  const r = value as { start?: unknown; end?: unknown } | null;
  return (
    !!r &&
    typeof r === 'object' &&
    Number.isInteger(r.start) &&
    Number.isInteger(r.end) &&
    (r.start as number) >= 0 &&
    (r.end as number) >= (r.start as number)
  );
}

function isShortString(value: unknown, max = 4096): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** The message if it is one we understand, otherwise undefined (it is then ignored). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object') {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'startFreshSession':
    case 'explainEstimate':
    case 'resetToday':
    case 'showAgentContext':
      return { type: m.type };
    case 'reveal': {
      const target = m.target as Record<string, unknown> | null;
      if (!target || typeof target !== 'object' || !isRange(target.range)) {
        return undefined;
      }
      if (target.file !== undefined && !isShortString(target.file)) {
        return undefined;
      }
      const range = target.range as { start: number; end: number };
      return {
        type: 'reveal',
        target: { file: target.file as string | undefined, range: { start: range.start, end: range.end } },
      };
    }
    case 'applyFix':
      return isShortString(m.findingId, 512) ? { type: 'applyFix', findingId: m.findingId } : undefined;
    case 'chooseModel':
      if (m.modelId === undefined) {
        return { type: 'chooseModel' };
      }
      return isShortString(m.modelId, 256) ? { type: 'chooseModel', modelId: m.modelId } : undefined;
    case 'selectEquivalence':
      return isShortString(m.equivalenceId, 128) ? { type: 'selectEquivalence', equivalenceId: m.equivalenceId } : undefined;
    case 'convertSpreadsheet':
      if (!isShortString(m.attachmentPath) || (m.sheet !== undefined && !isShortString(m.sheet, 512))) {
        return undefined;
      }
      return { type: 'convertSpreadsheet', attachmentPath: m.attachmentPath, sheet: m.sheet as string | undefined };
    case 'openDocs':
      // A rule's documentation page: https only, never command: or file: links.
      return isShortString(m.url, 2048) && /^https:\/\//.test(m.url) ? { type: 'openDocs', url: m.url } : undefined;
    default:
      return undefined;
  }
}
