/**
 * Links that come from a config or a pack (a declarative rule's `link`) are shown to the user as
 * "read more": they may only be web addresses. Anything else — `command:` (which the report
 * webview and trusted hovers would run), `file:`, `javascript:`, `vscode:` — is refused, so a
 * cloned repository cannot turn a click on a rule's name into a command.
 */
export function isWebLink(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
