/**
 * A team config's text with one rule set to "off", comments and layout kept (jsonc-parser edits
 * only the `rules` entry). Pure, so it is unit-tested without the editor.
 */
import { applyEdits, modify } from 'jsonc-parser';

export function configWithRuleOff(text: string, ruleId: string): string {
  const base = text.trim() ? text : '{\n}\n';
  return applyEdits(base, modify(base, ['rules', ruleId], 'off', { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}
