/**
 * The `#file`, `#selection` and other references of a chat request, made analysable. Chat resolves
 * them to values — a `vscode.Uri` (a whole file), a `vscode.Location` (a range of a file) or a
 * string — and leaves `#…` placeholders in the prompt at `reference.range`. Whole files become
 * `#file:` references the engine reads and measures like any attachment; ranges and strings are
 * inlined, because that excerpt is what gets sent.
 */
import * as vscode from 'vscode';

/** One reference as the chat resolved it. */
export type ResolvedReference =
  | { kind: 'file'; path: string; range?: readonly [number, number] }
  | { kind: 'text'; label: string; text: string; range?: readonly [number, number] }
  | { kind: 'skipped'; label: string; why: string; range?: readonly [number, number] };

export async function resolveReferences(references: readonly vscode.ChatPromptReference[]): Promise<ResolvedReference[]> {
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    const range = reference.range;
    const value = reference.value;
    if (value instanceof vscode.Uri) {
      resolved.push(
        value.scheme === 'file'
          ? { kind: 'file', path: value.fsPath, range }
          : { kind: 'text', label: value.toString(), text: await readWhole(value), range },
      );
    } else if (value instanceof vscode.Location) {
      const document = await vscode.workspace.openTextDocument(value.uri);
      const lines = `${value.range.start.line + 1}-${value.range.end.line + 1}`;
      resolved.push({ kind: 'text', label: `${vscode.workspace.asRelativePath(value.uri)}:${lines}`, text: document.getText(value.range), range });
    } else if (typeof value === 'string') {
      resolved.push({ kind: 'text', label: reference.modelDescription ?? reference.id, text: value, range });
    } else {
      resolved.push({ kind: 'skipped', label: reference.id, why: 'its value is neither a file, a location nor text', range });
    }
  }
  return resolved;
}

/**
 * The prompt with each placeholder replaced by what it stands for: `#file:"/abs/path"` for files
 * (so the engine reads and measures them as attachments), a fenced excerpt for ranges and text.
 * References outside the prompt text (implicit context) are appended. Chat sorts references by
 * range, last first; replacing from the end keeps the earlier offsets valid either way.
 */
export function promptWithReferences(prompt: string, references: readonly ResolvedReference[]): string {
  let text = prompt;
  const inline = references.filter((r) => r.range).sort((a, b) => b.range![0] - a.range![0]);
  for (const reference of inline) {
    const [start, end] = reference.range!;
    text = text.slice(0, start) + replacement(reference) + text.slice(end);
  }
  const appended = references.filter((r) => !r.range && r.kind !== 'skipped').map(replacement);
  return appended.length ? `${text}\n\n${appended.join('\n\n')}` : text;
}

function replacement(reference: ResolvedReference): string {
  switch (reference.kind) {
    case 'file':
      return `#file:"${reference.path}"`;
    case 'text':
      return `\n${reference.label}:\n${fence(reference.text)}\n`;
    case 'skipped':
      return '';
  }
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
}

async function readWhole(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}
