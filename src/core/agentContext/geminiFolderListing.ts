/**
 * The folder listing Gemini CLI puts in the session context of every conversation (up to 200 files
 * and folders, breadth first, names sorted, node_modules/.git/dist/__pycache__ shown but not
 * entered). Re-implemented from Gemini CLI 0.61.0's getFolderStructure (Apache-2.0) so that its size
 * can be counted without running the client; .gitignore and .geminiignore filtering is not
 * reproduced, so a project with ignored folders of other names lists more here than the client does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_ITEMS = 200;
const IGNORED_FOLDERS = new Set(['node_modules', '.git', 'dist', '__pycache__']);
const LAST = '└───';
const MIDDLE = '├───';

interface FolderNode {
  name: string;
  files: string[];
  subFolders: FolderNode[];
  ignored?: boolean;
  moreFiles?: boolean;
  moreSubfolders?: boolean;
}

function readStructure(root: string, maxItems: number): FolderNode {
  const rootNode: FolderNode = { name: path.basename(root), files: [], subFolders: [] };
  const queue: Array<{ node: FolderNode; dir: string }> = [{ node: rootNode, dir: root }];
  let count = 0;
  while (queue.length) {
    const { node, dir } = queue.shift()!;
    if (count >= maxItems) continue;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      if (count >= maxItems) {
        node.moreFiles = true;
        break;
      }
      node.files.push(entry.name);
      count++;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (count >= maxItems) {
        node.moreSubfolders = true;
        break;
      }
      const child: FolderNode = { name: entry.name, files: [], subFolders: [] };
      node.subFolders.push(child);
      count++;
      if (IGNORED_FOLDERS.has(entry.name)) child.ignored = true;
      else queue.push({ node: child, dir: path.join(dir, entry.name) });
    }
  }
  return rootNode;
}

function format(node: FolderNode, indent: string, isLast: boolean, isRoot: boolean, out: string[]): void {
  if (!isRoot || node.ignored)
    out.push(`${indent}${isLast ? LAST : MIDDLE}${node.name}${path.sep}${node.ignored ? '...' : ''}`);
  const childIndent = isRoot ? '' : indent + (isLast ? '    ' : '│   ');
  node.files.forEach((file, i) => {
    const last = i === node.files.length - 1 && node.subFolders.length === 0 && !node.moreSubfolders;
    out.push(`${childIndent}${last ? LAST : MIDDLE}${file}`);
  });
  if (node.moreFiles)
    out.push(`${childIndent}${node.subFolders.length === 0 && !node.moreSubfolders ? LAST : MIDDLE}...`);
  node.subFolders.forEach((sub, i) =>
    format(sub, childIndent, i === node.subFolders.length - 1 && !node.moreSubfolders, false, out),
  );
  if (node.moreSubfolders) out.push(`${childIndent}${LAST}...`);
}

function truncated(node: FolderNode): boolean {
  return !!(node.moreFiles || node.moreSubfolders || node.ignored) || node.subFolders.some(truncated);
}

export function geminiFolderListing(folder: string, maxItems = MAX_ITEMS): string {
  const root = readStructure(folder, maxItems);
  const lines: string[] = [];
  format(root, '', true, true, lines);
  let summary = `Showing up to ${maxItems} items (files + folders).`;
  if (truncated(root)) {
    summary += ` Folders or files indicated with ... contain more items not shown, were ignored, or the display limit (${maxItems} items) was reached.`;
  }
  return `${summary}\n\n${path.resolve(folder)}${path.sep}\n${lines.join('\n')}`;
}

/** The listing of an empty Git project at the same path: what the shipped baseline already holds. */
export function emptyProjectListing(folder: string): string {
  return `Showing up to ${MAX_ITEMS} items (files + folders). Folders or files indicated with ... contain more items not shown, were ignored, or the display limit (${MAX_ITEMS} items) was reached.\n\n${path.resolve(folder)}${path.sep}\n${LAST}.git${path.sep}...`;
}
