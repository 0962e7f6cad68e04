/**
 * Where an `extends` entry points: a relative path, an npm package installed in the workspace
 * (resolved like Node and ESLint do, from the extending file's folder up through node_modules),
 * or a pack shipped by a VS Code extension (resolved by the editor).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readRegularFileSync } from '../files/readRegularFile';

export type ExtendsResolution = { file: string } | { error: string; severity: 'error' | 'warning' };

const EXTENSION_PREFIX = 'extension:';

export function resolveExtends(
  entry: string,
  fromFile: string,
  extensionPackResolver?: (publisherName: string, relPath: string) => string | undefined,
): ExtendsResolution {
  const base = path.dirname(fromFile);
  if (entry.startsWith(EXTENSION_PREFIX)) {
    const rest = entry.slice(EXTENSION_PREFIX.length);
    const slash = rest.indexOf('/');
    const id = slash < 0 ? rest : rest.slice(0, slash);
    const rel = slash < 0 ? 'mvp-pack.json' : rest.slice(slash + 1);
    if (!/^[\w-]+\.[\w-]+$/.test(id)) {
      return { error: `"${entry}": expected extension:<publisher.name>/<path>, e.g. extension:acme.prompt-rules/packs/base.json`, severity: 'error' };
    }
    if (!extensionPackResolver) {
      return { error: `"${entry}" is a pack shipped by the VS Code extension ${id}; it can only be resolved inside VS Code, so it was skipped here.`, severity: 'warning' };
    }
    const file = extensionPackResolver(id, rel);
    return file ? { file } : { error: `"${entry}": the extension ${id} is not installed, or has no file ${rel}. Install it or remove this entry.`, severity: 'error' };
  }
  if (entry.startsWith('.') || path.isAbsolute(entry)) {
    const file = path.resolve(base, entry);
    return existsSync(file) ? { file } : { error: `"${entry}" not found (looked for ${file})`, severity: 'error' };
  }
  return resolvePackage(entry, base);
}

function resolvePackage(entry: string, base: string): ExtendsResolution {
  const m = /^((?:@[^/]+\/)?[^/@]+)(?:\/(.+))?$/.exec(entry);
  if (!m) {
    return { error: `"${entry}" is neither a relative path (./…), an npm package name nor extension:<publisher.name>/<path>`, severity: 'error' };
  }
  const [, name, subpath] = m;
  const looked: string[] = [];
  for (let dir = base; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    looked.push(pkgDir);
    if (existsSync(pkgDir)) {
      if (subpath) {
        const file = path.join(pkgDir, subpath);
        return existsSync(file) ? { file } : { error: `"${entry}": package ${name} has no file ${subpath}`, severity: 'error' };
      }
      const direct = path.join(pkgDir, 'mvp-pack.json');
      if (existsSync(direct)) return { file: direct };
      try {
        const read = readRegularFileSync(path.join(pkgDir, 'package.json'), 'packageJson');
        if (!read.ok) return { error: `"${entry}": ${read.message}`, severity: 'error' };
        const field = (JSON.parse(read.bytes.toString('utf8')) as Record<string, unknown>)['mvp-pack'];
        if (typeof field === 'string') {
          const file = path.resolve(pkgDir, field);
          return existsSync(file) ? { file } : { error: `"${entry}": package.json of ${name} names "mvp-pack": "${field}", which does not exist`, severity: 'error' };
        }
      } catch {
        // No readable package.json: fall through to the message below.
      }
      return { error: `"${entry}": package ${name} (${pkgDir}) has no mvp-pack.json and no "mvp-pack" field in its package.json`, severity: 'error' };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { error: `Pack "${entry}" is not installed: no node_modules/${name} from ${base} upward. Run npm install (it must be a dependency of the workspace), or fix the name.`, severity: 'error' };
}
