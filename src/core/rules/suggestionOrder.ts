/**
 * The order every surface offers findings as suggestions (panel, report, chat): reductions that
 * keep the content first, largest measured saving first; fixes that delete content (remove a
 * reference, drop history) after all of them whatever they save — a deletion is only right when
 * the user knows the content is not needed, so it is never the first thing offered.
 */
import type { Finding, Severity } from './finding';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Whether a finding's fix deletes content rather than reducing it. */
export function removesContent(finding: Finding): boolean {
  return finding.fix?.removesContent === true;
}

/** A stable copy of `findings` in suggestion order. */
export function orderSuggestions<F extends Finding>(findings: readonly F[]): F[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const destructive = Number(removesContent(a.finding)) - Number(removesContent(b.finding));
      if (destructive !== 0) return destructive;
      const wh = (b.finding.saving?.wh ?? -1) - (a.finding.saving?.wh ?? -1);
      if (wh !== 0) return wh;
      const tokens = (b.finding.saving?.tokens ?? -1) - (a.finding.saving?.tokens ?? -1);
      if (tokens !== 0) return tokens;
      return SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index;
    })
    .map(({ finding }) => finding);
}
