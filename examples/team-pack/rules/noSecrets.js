// A JavaScript rule: prompts leave the machine when sent, so credentials must not be in them.
// It receives the same RuleContext as the built-in rules (see src/core/rules/rule.ts).
'use strict';

const SECRET = /\b(?:sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|xox[abp]-[A-Za-z0-9-]{10,})\b/g;

module.exports = {
  id: 'team/no-secrets',
  description: 'A credential (API key or token) is pasted into the prompt',
  docs: 'https://example.com/prompt-rules/no-secrets',
  tags: ['security'],
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(context) {
    const findings = [];
    for (const m of context.prompt.text.matchAll(SECRET)) {
      findings.push({
        range: { start: m.index, end: m.index + m[0].length },
        message: `This looks like a credential (${m[0].slice(0, 6)}…). Remove it before sending the prompt, and rotate it if it was sent.`,
        fix: { title: 'Replace the credential with a placeholder', edits: [{ range: { start: m.index, end: m.index + m[0].length }, newText: '<REDACTED>' }] },
      });
    }
    return findings;
  },
};
