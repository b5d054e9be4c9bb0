// src/ has no import circles: the relative imports among its .ts files (type-only imports,
// re-exports and import() included) form no cycle. A circle is listed as `a.ts → b.ts → a.ts`.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const SRC = path.join(REPO_ROOT, 'src');

/** Every module specifier of a file: import/export … from, import x = require(), import(), import('…') types. */
function specifiers(fileName: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

/** Each .ts file of `dir` (relative to it, `/` separators) → the .ts files of `dir` it imports. */
function importGraph(dir: string): Map<string, string[]> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.ts'))
    .sort();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiers(file, fs.readFileSync(path.join(dir, file), 'utf8'))
      .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
      .map((specifier) => path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts'))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The cycles a depth-first walk closes, each as `a.ts → b.ts → a.ts`; [] when there are none. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const walk = (file: string): void => {
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (trail.includes(next)) cycles.push([...trail.slice(trail.indexOf(next)), next].join(' → '));
      else if (!done.has(next)) walk(next);
    }
    trail.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) walk(file);
  return cycles;
}

describe('import graph of src/', () => {
  it('finds a circle, also one through a type-only import, an export … from or an import()', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(findCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → d.ts']);
    const kinds = "import type { A } from './a.js';\nexport * as b from '../b.js';\nexport { c } from './c.js';\nconst d = await import('./d.js');\ntype E = typeof import('./e.js');\nimport 'node:fs';";
    expect(specifiers('x.ts', kinds)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', 'node:fs']);
  });

  it('reads every file of src/ and the imports between them', () => {
    const graph = importGraph(SRC);
    expect(graph.get('index.ts')).toContain('load/load-course.ts');
    expect(graph.get('load/load-worker.ts')).toContain('load/load-edition.ts');
  });

  it('has no import circles', () => {
    expect(findCycles(importGraph(SRC))).toEqual([]);
  });
});
