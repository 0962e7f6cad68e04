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

/**
 * A finding's docs link as the surfaces may open it: a web address, or one of the Markdown pages
 * the extension ships (built-in rules link to `file:…/docs/rules/<id>.md` inside the extension).
 * Config links never reach here as `file:` — the schema and runRules accept only web links from
 * packs — so this admits nothing a repository wrote.
 */
export function isDocsLink(url: unknown): url is string {
  if (isWebLink(url)) return true;
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && parsed.pathname.endsWith('.md') && !parsed.search && !parsed.hash;
  } catch {
    return false;
  }
}
