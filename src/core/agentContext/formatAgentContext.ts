/** The plain-text report of an agent's fixed load, shared by `mvp context` and the editor. */
import { formatRange, formatTokens, formatWh } from '../format';
import type { AgentContext } from './agentContextTypes';

export function agentContextText(context: AgentContext): string {
  const width = Math.min(60, Math.max(20, ...context.items.map((i) => i.name.length)));
  const lines = [
    `${context.agent} in ${context.folder}`,
    `Sent with every request before you type a word: ${formatTokens(context.total.tokens)} tokens${context.model.approximateTokens ? ' (approximate)' : ''} for ${context.model.id}, ${formatRange(context.total.wh, formatWh)} per request`,
    `Per session (${context.session.requests} requests): ${formatRange(context.session.wh, formatWh)}; ${context.session.caching}`,
    '',
    ...[...context.items]
      .sort((a, b) => b.tokens - a.tokens)
      .map((item) => {
        const share = context.total.tokens ? Math.round((item.tokens / context.total.tokens) * 100) : 0;
        const head = `  ${item.kind.padEnd(12)} ${item.name.slice(0, width).padEnd(width)} ${formatTokens(item.tokens).padStart(7)} ${String(share).padStart(3)} %  ${formatWh(item.wh.central)}`;
        return [
          head,
          `  ${' '.repeat(12)} ${item.origin}`,
          ...(item.problem ? [`  ${' '.repeat(12)} problem: ${item.problem}`] : []),
        ].join('\n');
      }),
  ];
  if (context.findings.length) {
    lines.push('', 'Findings:');
    for (const finding of context.findings) {
      const saving =
        finding.savingTokens !== undefined && finding.savingWhPerRequest !== undefined
          ? ` Saves ${formatTokens(finding.savingTokens)} tokens, ${formatWh(finding.savingWhPerRequest)} per request${finding.savingWhPerMonth !== undefined ? `, ${formatWh(finding.savingWhPerMonth)} a month at your pace` : ''}.`
          : '';
      lines.push(`  • ${finding.message}.${saving}`, `    Fix: ${finding.fix}`);
    }
  }
  lines.push('', ...context.notes.map((note) => `Note: ${note}`));
  return lines.join('\n') + '\n';
}
