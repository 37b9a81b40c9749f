import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { dependencyUnchanged, statDependency } from '../../core/dependency';
import { readTextFileSync } from '../../core/read-text';
import type { FileDependency } from '../../core/types';
import { isRegion } from '../shared/region';
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

const MAX_BYTES = 2 * 1024 * 1024;
/** Folders climbed from a file to find its app's cdk.json. */
const MAX_LEVELS = 12;

/** The nearest cdk.json above a file's folder, or undefined. */
function findCdkJson(absPath: string): string | undefined {
  let dir = path.dirname(absPath);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const candidate = path.join(dir, 'cdk.json');
    if (statDependency(candidate, true)) return candidate;
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

/** The entry a cdk.json's `app` command runs; undefined when it names none (or cannot be read). */
function entryOfCdkJson(cdkJson: string): string | undefined {
  try {
    const config = parseJsonc(readTextFileSync(cdkJson, MAX_BYTES)) as { app?: unknown } | undefined;
    return typeof config?.app === 'string' ? entryOfApp(config.app, path.dirname(cdkJson)) : undefined;
  } catch {
    return undefined;
  }
}

/** The app a file belongs to: the folder of the nearest cdk.json above it, and the entry its `app` command runs. */
export function cdkAppOf(absPath: string): { root: string; entry?: string } | undefined {
  const cdkJson = findCdkJson(absPath);
  if (!cdkJson) return undefined;
  const entry = entryOfCdkJson(cdkJson);
  return entry ? { root: path.dirname(cdkJson), entry } : { root: path.dirname(cdkJson) };
}

/**
 * Stack class → region from the classes an entry creates, each with the region it is created in
 * (undefined: none, or none literal). A class also created without one, or in another region,
 * is left out: which region applies is unknown.
 */
export function classRegions(created: Iterable<{ cls: string; region: string | undefined }>): Map<string, string> {
  const byClass = new Map<string, string>();
  const unknown = new Set<string>();
  for (const { cls, region } of created) {
    if (!region || (byClass.has(cls) && byClass.get(cls) !== region)) unknown.add(cls);
    else byClass.set(cls, region);
  }
  for (const c of unknown) byClass.delete(c);
  return byClass;
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
  return isRegion(r) ? r : undefined;
}

/** What an entry file says: the region of each class created there (`new X(scope, id, { env })`), where it is one literal. */
function regionsOfEntry(parsed: ParsedCdk): Map<string, string> {
  const created: { cls: string; region: string | undefined }[] = [];
  for (const n of nodesOfType(parsed, 'NewExpression')) {
    const cls = memberName(n.callee)?.split('.').pop();
    if (!cls) continue;
    const props = n.arguments.find((a) => a.type === 'ObjectExpression');
    const envProp = props?.type === 'ObjectExpression' ? props.properties.find((p) => p.type === 'Property' && propertyKey(p) === 'env') : undefined;
    created.push({ cls, region: envProp?.type === 'Property' ? envRegion(parsed, envProp.value as Node) : undefined });
  }
  return classRegions(created);
}

/** Per cdk.json: what was found, with cdk.json and the entry as read (value.deps). */
const memo = new Map<string, AppRegions>();
const perParse = new WeakMap<object, AppRegions | null>();
const MEMO_APPS = 100;

/**
 * The regions of the app a file belongs to, or undefined (no cdk.json above it, no entry it can
 * read, or the file is the entry itself: its own regions are read as any file's). Remembered per
 * cdk.json until it or the entry changes.
 */
export function appRegions(absPath: string, read: EntryReader = scriptEntry): AppRegions | undefined {
  const cdkJson = findCdkJson(absPath);
  if (!cdkJson) return undefined;
  const old = memo.get(cdkJson);
  // Unchanged cdk.json and entry: two stats, nothing read.
  if (old?.deps.every(dependencyUnchanged)) return old.deps[1].path === absPath ? undefined : old;
  const jsonDep = statDependency(cdkJson, true);
  const entry = entryOfCdkJson(cdkJson);
  const entryDep = entry ? statDependency(entry, true) : undefined;
  if (!jsonDep || !entry || !entryDep) return undefined;
  let byClass: Map<string, string> | undefined;
  try {
    byClass = read(entry, readTextFileSync(entry, MAX_BYTES));
  } catch {
    return undefined; // an unreadable entry, or one that does not parse: nothing said
  }
  if (!byClass) return undefined;
  const value: AppRegions = { byClass, deps: [jsonDep, entryDep] };
  if (memo.size >= MEMO_APPS) memo.clear();
  memo.set(cdkJson, value);
  return entry === absPath ? undefined : value;
}

/**
 * The region of code in a stack file from its app's entry: the region its class is created with
 * there. Code outside such a class (a construct, a stack a CDK Pipelines stage creates in its own
 * region) gets none: an entry's one region is not the region of everything in the app.
 * Records the files read on `parsed` (ParserAdapter.dependencies).
 */
export function appRegionOf(parsed: ParsedCdk, node: Node): string | undefined {
  return appRegionOfClass(parsed, () => enclosingClass(parsed, node), scriptEntry);
}

/**
 * The region the app's entry (read by `read`) creates a class in, for code of a parsed file in
 * that class (`cls`); the files read are recorded on `parsed` (its parser's `dependencies`). The
 * app is looked up once per parse, however many instance types the file has.
 */
export function appRegionOfClass(parsed: { absPath?: string; dependencies?: FileDependency[] }, cls: () => string | undefined, read: EntryReader): string | undefined {
  if (!parsed.absPath) return undefined;
  let app = perParse.get(parsed);
  if (app === undefined) perParse.set(parsed, (app = appRegions(parsed.absPath, read) ?? null));
  if (!app) return undefined;
  parsed.dependencies = app.deps;
  const name = cls();
  return name ? app.byClass.get(name) : undefined;
}

/** The name of the class a node is written in, if any. */
function enclosingClass(parsed: ParsedCdk, node: Node): string | undefined {
  for (let n = parsed.parent(node); n; n = parsed.parent(n)) {
    if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.id) return n.id.name;
  }
  return undefined;
}
