import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One broken rule: the file (relative to the scanned folder) and what it does that it should not. */
export type Violation = { file: string; rule: string };

const REGISTERS_ROUTE = /\b(?:app|scope)\s*\.\s*(?:get|post|put|patch|delete|route)\s*\(|\bmount\s*\(\s*app\b/;

/**
 * A file that answers HTTP routes: `routes.ts`, `…Routes.ts`, the app that builds them all, or any
 * other file that registers a route (a handler hidden in a domain file is a route all the same).
 */
export function isRouteFile(file: string, text = ''): boolean {
  const name = path.basename(file);
  return name === 'routes.ts' || name === 'app.ts' || /Routes\.ts$/.test(name) || REGISTERS_ROUTE.test(text);
}

/** Every TypeScript source file under `dir` (tests apart), relative to it, with `/` separators. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const IMPORT = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
const DATABASE_IMPORT = /^drizzle-orm(\/|$)|\/db\/schema(\.ts)?$/;
const QUERY = /\b(?:db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute|query|\$count)\b/;
const AUDIT_INSERT = /\.insert\(\s*(?:schema\.)?auditEvents\s*\)/;

/**
 * The layering rules of issue 36, read from the source: a route file neither imports the database
 * (drizzle-orm, the schema) nor queries it (a domain function does), and the audit trail is written
 * by one module only (`auditModule`), so every change records its row the same way.
 */
export function architectureViolations(dir: string, { auditModule }: { auditModule: string }): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (isRouteFile(file, text)) {
      for (const [, specifier] of text.matchAll(IMPORT)) {
        if (DATABASE_IMPORT.test(specifier!)) violations.push({ file, rule: `imports ${specifier}` });
      }
      if (QUERY.test(text)) violations.push({ file, rule: 'queries the database' });
    }
    if (file !== auditModule && AUDIT_INSERT.test(text)) {
      violations.push({ file, rule: `writes an audit row outside ${auditModule}` });
    }
  }
  return violations;
}

/** Each source file's relative imports that name another source file of `dir`. */
function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map(([, specifier]) => specifier!)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)))
      .filter((target) => known.has(target));
    edges.set(file, targets);
  }
  return edges;
}

/**
 * The folder layout says who depends on whom: `layers` names every folder (and file) directly under
 * `dir`, from the ground up, and a file may import only from its own folder or from one listed
 * before it. A folder missing from the list is a violation too: whoever adds one places it.
 */
export function upwardImports(dir: string, layers: readonly string[]): Violation[] {
  const rank = new Map(layers.map((entry, index) => [entry, index]));
  const entryOf = (file: string) => file.split('/')[0]!;
  const violations: Violation[] = [];
  const unplaced = new Set<string>();
  for (const [file, targets] of importGraph(dir)) {
    const from = entryOf(file);
    if (!rank.has(from)) unplaced.add(from);
    for (const target of targets) {
      const to = entryOf(target);
      if (to !== from && (rank.get(to) ?? Number.POSITIVE_INFINITY) > (rank.get(from) ?? -1)) {
        violations.push({ file, rule: `imports ${target}, above it` });
      }
    }
  }
  for (const entry of unplaced) violations.push({ file: entry, rule: 'is in no layer' });
  return violations;
}

/**
 * The groups of files that import each other, directly or through others (type-only imports too:
 * they tie the files as tightly for a reader). Each group is sorted; no group, no circle.
 */
export function importCircles(dir: string): string[][] {
  const edges = importGraph(dir);
  const files = [...edges.keys()];
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1) circles.push(group.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
