/**
 * The part of a log a model needs to diagnose it: the lines that say something went wrong (with
 * the indented lines that follow them, such as stack frames) and the tail, where the run ended.
 */
const TROUBLE = /\b(error|err|fatal|exception|panic|fail(?:ed|ure|s)?|traceback|warn(?:ing)?|critical|severe|denied|timeout|timed out)\b/i;

export function logTail(log: string, tailLines: number, followLines = 5): { text: string; keptLines: number; totalLines: number } {
  const lines = log.split(/\r?\n/);
  const keep = new Set<number>();
  for (let i = Math.max(0, lines.length - tailLines); i < lines.length; i++) keep.add(i);
  lines.forEach((line, i) => {
    if (!TROUBLE.test(line)) return;
    keep.add(i);
    for (let j = i + 1; j <= i + followLines && j < lines.length && /^\s+\S/.test(lines[j]); j++) keep.add(j);
  });
  const out: string[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep.has(i)) {
      if (skipped) out.push(`[… ${skipped} lines omitted …]`);
      skipped = 0;
      out.push(line);
    } else {
      skipped++;
    }
  });
  return { text: out.join('\n'), keptLines: keep.size, totalLines: lines.length };
}
