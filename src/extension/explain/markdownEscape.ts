/**
 * Text that came from a config, a pack or the analysed prompt (finding messages, rule ids, model
 * names from front matter, file names) is escaped before it goes into a MarkdownString that may
 * run our commands (`isTrusted`): every ASCII punctuation character Markdown gives a meaning to is
 * backslash-escaped, so no such text can form a link — least of all a `command:` link, which one
 * click would run. Line breaks become spaces, so it cannot start a block either. Only Markdown the
 * extension writes itself may contain links.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~:&"'=]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}
