/**
 * V8 represents `slice`/`split`/regex results as views into their parent string, so keeping a
 * 20-character anchor can keep a 4 KB tool output alive. What the session keeps long-term
 * (previews, facts, anchors, labels) is copied into a string of its own first.
 */
export function detachedString(text: string): string {
  return text.length === 0 ? '' : (JSON.parse(JSON.stringify(text)) as string);
}
