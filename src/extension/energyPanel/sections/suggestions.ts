/** Suggestions in one order for every surface (core/rules/suggestionOrder.ts), long messages folded. */
import { findingId } from './parts';
import { orderSuggestions, removesContent } from '../../../core/rules/suggestionOrder';
import type { Analysis } from '../../../core/analysis';
import { formatInteger, formatQuantity, plural } from '../../../core/format';
import type { SuggestionItem, SuggestionsView } from '../../../shared/panel/viewModel';

const FOLD_MESSAGE_AT = 160;

/** Splits after the first sentence that is at least a short clause long ("e.g. " stays whole). */
export function splitHeadline(message: string): { headline: string; detail?: string } {
  if (message.length <= FOLD_MESSAGE_AT) {
    return { headline: message };
  }
  const boundary = /[.!?](?=\s+[A-Z“"(])/g;
  boundary.lastIndex = 40;
  const match = boundary.exec(message);
  if (!match || match.index + 1 >= message.length - 20) {
    return { headline: message };
  }
  return { headline: message.slice(0, match.index + 1), detail: message.slice(match.index + 1).trim() };
}

export function buildSuggestions(analysis: Analysis): SuggestionsView {
  // One order on every surface (core/rules/suggestionOrder.ts); the index keeps each finding's id.
  const indexOf = new Map(analysis.findings.map((finding, index) => [finding, index]));
  const indexed = orderSuggestions(analysis.findings).map((finding) => ({ finding, index: indexOf.get(finding)! }));
  const items = indexed.map(({ finding, index }): SuggestionItem => {
    const saving = finding.saving;
    return {
      id: findingId(finding, index),
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...splitHeadline(finding.message),
      savingText:
        saving && saving.tokens > 0
          ? `Saves ${formatInteger(saving.tokens)} tokens · ${formatQuantity('wh', saving.wh)} per request`
          : undefined,
      fixTitle: finding.fix ? finding.fix.title : undefined,
      fixRemovesContent: finding.fix ? removesContent(finding) : undefined,
      reveal: finding.range
        ? { ...(finding.file ? { file: finding.file } : {}), range: { start: finding.range.start, end: finding.range.end } }
        : undefined,
      docsUrl: finding.docsUrl,
    };
  });
  const totalTokens = analysis.findings.reduce((sum, f) => sum + (f.saving?.tokens ?? 0), 0);
  return {
    items,
    summaryText:
      items.length === 0
        ? 'Nothing to suggest: this context looks minimal.'
        : `${plural(items.length, 'suggestion')}${totalTokens > 0 ? `; up to ${formatInteger(totalTokens)} tokens to save (savings may overlap)` : ''}.`,
  };
}
