/**
 * Text from the analysed prompt, its files and configs goes into the report's HTML as text: the
 * five characters HTML gives a meaning to (in content and in quoted attributes) become entities.
 * Its own file because the report and its agent-load section both escape, and neither should
 * import the other.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
