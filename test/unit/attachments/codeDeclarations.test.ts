import * as assert from 'node:assert/strict';
import { findDeclarations } from '../../../src/core/attachments/codeDeclarations';

const summary = (code: string, ext: string) =>
  findDeclarations(code, ext).map((d) => `${d.kind} ${d.name} ${d.startLine}-${d.endLine}`);
const textOf = (code: string, ext: string, name: string) => {
  const d = findDeclarations(code, ext).find((x) => x.name === name);
  assert.ok(d, `${name} found`);
  return code.slice(d.start, d.end);
};

const TS = `import x from 'y';

/** Parses the config. */
export function parseConfig(text: string): Config {
  const o = { a: '}' }; // a brace in a string: }
  if (text) {
    return JSON.parse(text);
  }
  return o;
}

export const loadAll = async (files: string[]) => {
  for (const f of files) { await f; }
};

type Alias = string | number;

export class ConfigStore extends Base {
  // Saves it.
  async save(path: string): Promise<void> {
    describe('not a declaration', () => {
      it('nor this', () => {});
    });
    this.cache.set(path, \`}\${path}\`);
  }

  get size(): number {
    return this.cache.size;
  }
}
`;

describe('findDeclarations', () => {
  it('TypeScript: functions, arrow functions, types, classes and methods, with their comments, not calls with callbacks', () => {
    assert.deepEqual(summary(TS, '.ts'), [
      'function parseConfig 3-10',
      'function loadAll 12-14',
      'type Alias 16-16',
      'class ConfigStore 18-30',
      'method save 19-25',
      'method size 27-29',
    ]);
    assert.match(textOf(TS, '.ts', 'parseConfig'), /^\/\*\* Parses the config\. \*\/\nexport function parseConfig[\s\S]*return o;\n\}$/);
  });

  it('TypeScript: braces in the parameters and in an object return type are not the body', () => {
    const code = [
      'export function choose(',
      '  { model, fallback }: Options,',
      '  extra = { a: 1 },',
      '): { name: string; source: Source } {',
      '  if (model) return { name: model, source: "explicit" };',
      '  return { name: fallback, source: "default" };',
      '}',
      '',
      'function overload(a: string): void;',
    ].join('\n');
    assert.deepEqual(summary(code, '.ts'), ['function choose 1-7', 'function overload 9-9']);
  });

  it('Python: decorators, signatures over several lines, bodies by indentation', () => {
    const py = [
      'import os',
      '',
      '@cache',
      'def load_config(',
      '    path,',
      '    strict=False,',
      ') -> dict:',
      '    """Loads it: {"""',
      '    if path:',
      '        return {}',
      '',
      '    return None',
      '',
      'class Store:',
      '    def save(self, x):',
      '        pass',
      '# end',
    ].join('\n');
    assert.deepEqual(summary(py, '.py'), ['function load_config 3-12', 'class Store 14-16', 'function save 15-16']);
  });

  it('Go receivers, Java generic return types, Rust lifetimes and char literals', () => {
    const go = 'package main\n\n// Run runs.\nfunc (s *Server) Run(ctx context.Context) error {\n\tif x { return nil }\n\treturn nil\n}\n\ntype Server struct {\n\taddr string\n}\n';
    assert.deepEqual(summary(go, '.go'), ['function Run 3-7', 'type Server 9-11']);
    const java = 'public class Parser {\n    public static Map<String, Integer> parseAll(String s) throws IOException {\n        return null;\n    }\n    private int count() { return 1; }\n}\n';
    assert.deepEqual(summary(java, '.java'), ['class Parser 1-6', 'method parseAll 2-4', 'method count 5-5']);
    const rust = "impl<'a> Foo<'a> {\n    pub fn parse_line(&self, s: &'a str) -> Option<char> {\n        let c = '{';\n        None\n    }\n}\n";
    assert.deepEqual(summary(rust, '.rs'), ['function parse_line 2-5']);
  });

  it('C and C++: top-level functions after their return type, pointers, qualified names, Allman braces', () => {
    const c = [
      '#include <stdio.h>',
      '',
      '/* Parses one line. */',
      'static int parse_line(const char *s, size_t n) {',
      '    if (!s) { return -1; }',
      '    return (int) n;',
      '}',
      '',
      'char *dup_string(const char *s)',
      '{',
      '    return strdup(s);',
      '}',
      '',
      'int Parser::load(const std::string &path) {',
      '    return parse_line(path.c_str(), path.size());',
      '}',
      '',
      'int main(void) {',
      '    printf("{");',
      '    return 0;',
      '}',
    ].join('\n');
    assert.deepEqual(summary(c, '.cpp'), ['function parse_line 3-7', 'function dup_string 9-12', 'function load 14-16', 'function main 18-21']);
  });

  it('finds nothing it cannot delimit: unknown languages, unbalanced braces', () => {
    assert.deepEqual(findDeclarations('def x\n  1\nend\n', '.rb'), []);
    assert.deepEqual(summary('function broken() {\n  if (x) {\n', '.js'), []);
  });
});
