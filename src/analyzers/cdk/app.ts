import { statSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { readTextFileSync } from '../../core/read-text';
import type { FileDependency } from '../../core/types';
import { literalString, memberName, nodesOfType, objectProperty, parseCdk, propertyKey, type Node, type ParsedCdk } from './syntax';

/**
 * A CDK app states where its stacks deploy in its entry file (`bin/app.ts`):
 * `new GpuStack(app, 'Gpu', { env: { region: 'us-west-2' } })`, while the stack's resources, and
 * their instance types, are in another file (`lib/gpu-stack.ts`). This reads the entry named by
 * the app's cdk.json (the nearest one above a file) for the regions it gives each stack class.
 */
export interface AppRegions {
  /** Stack class → the literal region it is created with (a class also created without one, or in another region, is left out). */
  byClass: Map<string, string>;
  /** cdk.json and the entry, as read: a cached result is stale when either changes. */
  deps: FileDependency[];
}

const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const MAX_BYTES = 2 * 1024 * 1024;
/** Folders climbed from a file to find its app's cdk.json. */
const MAX_LEVELS = 12;

function dep(file: string): FileDependency | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? { path: file, size: st.size, mtimeMs: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest cdk.json above a file's folder, or undefined. */
function findCdkJson(absPath: string): string | undefined {
  let dir = path.dirname(absPath);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const candidate = path.join(dir, 'cdk.json');
    if (dep(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** The script a cdk.json's `app` command runs ("npx ts-node --prefer-ts-exts bin/app.ts", "python3 app.py"). */
export function entryOfApp(command: string, root: string): string | undefined {
  for (const word of command.split(/\s+/)) {
    const w = word.replace(/^['"]|['"]$/g, '');
    if (/\.(ts|tsx|js|mjs|cjs|py)$/i.test(w) && !w.startsWith('-')) return path.resolve(root, w);
  }
  return undefined;
}

/** Reads an entry's stack classes and regions; undefined when it is not in the reader's language. */
export type EntryReader = (entry: string, text: string) => Map<string, string> | undefined;

/** The reader of TypeScript and JavaScript entries. */
const scriptEntry: EntryReader = (entry, text) => (/\.(ts|tsx|js|mjs|cjs)$/i.test(entry) ? regionsOfEntry(parseCdk(text, path.basename(entry))) : undefined);

/** The app a file belongs to: the folder of the nearest cdk.json above it, and the entry its `app` command runs. */
export function cdkAppOf(absPath: string): { root: string; entry?: string } | undefined {
  const cdkJson = findCdkJson(absPath);
  if (!cdkJson) return undefined;
  const root = path.dirname(cdkJson);
  try {
    const config = parseJsonc(readTextFileSync(cdkJson, MAX_BYTES)) as { app?: unknown } | undefined;
    const entry = typeof config?.app === 'string' ? entryOfApp(config.app, root) : undefined;
    return entry ? { root, entry } : { root };
  } catch {
    return { root };
  }
}

/** The literal `region` of an `env` value: an object in place, or a `const` in the file holding one. */
function envRegion(parsed: ParsedCdk, env: Node | undefined): string | undefined {
  if (!env) return undefined;
  if (env.type === 'Identifier') {
    for (const d of nodesOfType(parsed, 'VariableDeclarator')) {
      if (d.id.type === 'Identifier' && d.id.name === env.name && d.init?.type === 'ObjectExpression') return envRegion(parsed, d.init);
    }
    return undefined;
  }
  const r = literalString(objectProperty(env, 'region'));
  return r && REGION_RE.test(r) ? r : undefined;
}

/** What an entry file says: the region of each class created there (`new X(scope, id, { env })`), where it is one literal. */
export function regionsOfEntry(parsed: ParsedCdk): Map<string, string> {
  const byClass = new Map<string, string>();
  const withoutRegion = new Set<string>();
  for (const n of nodesOfType(parsed, 'NewExpression')) {
    const cls = memberName(n.callee)?.split('.').pop();
    if (!cls) continue;
    const props = n.arguments.find((a) => a.type === 'ObjectExpression');
    const envProp = props?.type === 'ObjectExpression' ? props.properties.find((p) => p.type === 'Property' && propertyKey(p) === 'env') : undefined;
    const region = envProp?.type === 'Property' ? envRegion(parsed, envProp.value as Node) : undefined;
    if (!region) {
      withoutRegion.add(cls);
      continue;
    }
    if (byClass.has(cls) && byClass.get(cls) !== region) withoutRegion.add(cls); // two regions: which one is unknown
    byClass.set(cls, region);
  }
  for (const c of withoutRegion) byClass.delete(c);
  return byClass;
}

interface Memo {
  /** cdk.json as read, the entry it named, and the entry as read. */
  json: FileDependency;
  entry: string;
  entryDep: FileDependency;
  value: AppRegions;
}
const memo = new Map<string, Memo>();
const perParse = new WeakMap<ParsedCdk, AppRegions | null>();
const MEMO_APPS = 100;

/**
 * The regions of the app a file belongs to, or undefined (no cdk.json above it, no entry it can
 * read, or the file is the entry itself: its own regions are read as any file's). Remembered per
 * cdk.json until it or the entry changes.
 */
export function appRegions(absPath: string, read: EntryReader = scriptEntry): AppRegions | undefined {
  const cdkJson = findCdkJson(absPath);
  if (!cdkJson) return undefined;
  const jsonDep = dep(cdkJson)!;
  const same = (a: FileDependency | undefined, b: FileDependency) => !!a && a.size === b.size && a.mtimeMs === b.mtimeMs;
  const old = memo.get(cdkJson);
  // Unchanged cdk.json and entry: two stats, nothing read.
  if (old && same(jsonDep, old.json) && same(dep(old.entry), old.entryDep)) return old.entry === absPath ? undefined : old.value;
  try {
    const config = parseJsonc(readTextFileSync(cdkJson, MAX_BYTES)) as { app?: unknown } | undefined;
    const entry = typeof config?.app === 'string' ? entryOfApp(config.app, path.dirname(cdkJson)) : undefined;
    const entryDep = entry ? dep(entry) : undefined;
    if (!entry || !entryDep) return undefined;
    const byClass = read(entry, readTextFileSync(entry, MAX_BYTES));
    if (!byClass) return undefined;
    const value: AppRegions = { byClass, deps: [jsonDep, entryDep] };
    if (memo.size >= MEMO_APPS) memo.clear();
    memo.set(cdkJson, { json: jsonDep, entry, entryDep, value });
    return entry === absPath ? undefined : value;
  } catch {
    return undefined; // an unreadable cdk.json or entry, or one that does not parse: nothing said
  }
}

/**
 * The region of code in a stack file from its app's entry: the region its class is created with
 * there. Code outside such a class (a construct, a stack a CDK Pipelines stage creates in its own
 * region) gets none: an entry's one region is not the region of everything in the app.
 * Records the files read on `parsed` (ParserAdapter.dependencies).
 */
export function appRegionOf(parsed: ParsedCdk, node: Node): string | undefined {
  if (!parsed.absPath) return undefined;
  // Once per parse of a file, however many instance types it has.
  let app = perParse.get(parsed);
  if (app === undefined) perParse.set(parsed, (app = appRegions(parsed.absPath) ?? null));
  if (!app) return undefined;
  parsed.dependencies = app.deps;
  const cls = enclosingClass(parsed, node);
  return cls ? app.byClass.get(cls) : undefined;
}

/** The name of the class a node is written in, if any. */
export function enclosingClass(parsed: ParsedCdk, node: Node): string | undefined {
  for (let n = parsed.parent(node); n; n = parsed.parent(n)) {
    if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.id) return n.id.name;
  }
  return undefined;
}
