import type { SourceDocument } from '../../core/document';
import type { Workload } from '../../core/types';
import type { TfAttribute, TfBlock, TfBody, TfEntry, TfExpr, ParsedTerraform } from './syntax';
import { workloadFromNames } from '../shared/workload';
import { isRegion } from '../shared/region';
import { regionFactsOf, siblingFacts, type RegionFacts } from './module';

export { workloadFromNames };

/**
 * Facts around a Terraform value that pricing needs: how many, where, for what, and which
 * deployed resource it is. Everything here reads literals in the same file, except regions,
 * which come from the whole module when the file does not state them (see fileRegions).
 */

/** Literal strings a value can take: itself, tuple items, a conditional's branches, function arguments. */
export function literalStrings(e: TfExpr | undefined): Extract<TfExpr, { kind: 'string' }>[] {
  if (!e) return [];
  switch (e.kind) {
    case 'string':
      return [e];
    case 'tuple':
      return e.items.flatMap(literalStrings);
    case 'other':
      return e.parts.flatMap(literalStrings);
    default:
      return [];
  }
}

export function attr(body: TfBody, name: string): TfAttribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

export function blocks(body: TfBody, type: string): TfBlock[] {
  return body.blocks.filter((b) => b.type === type);
}

/** A literal whole number ≥ 0 (numbers, or strings like "2" as Terraform converts them). */
export function literalCount(e: TfExpr | undefined): number | undefined {
  if (!e) return undefined;
  const n = e.kind === 'number' ? e.value : e.kind === 'string' && /^\d+$/.test(e.value) ? Number(e.value) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Names that hold an instance count, most specific first. Desired capacity wins over the minimum. */
const COUNT_NAMES = ['initial_instance_count', 'instance_count', 'desired_size', 'desired_capacity', 'desired_count'];
const MIN_NAMES = ['min_size', 'min_capacity'];

/** The count a body states (desired, else a minimum of at least 1), looking into `scaling_config`. */
export function bodyCount(body: TfBody): number | undefined {
  for (const name of COUNT_NAMES) {
    const n = literalCount(attr(body, name)?.value);
    if (n !== undefined) return n;
  }
  for (const sc of blocks(body, 'scaling_config')) {
    const n = bodyCount(sc.body);
    if (n !== undefined) return n;
  }
  for (const name of MIN_NAMES) {
    const n = literalCount(attr(body, name)?.value);
    if (n !== undefined && n > 0) return n;
  }
  return undefined;
}

/** Same as bodyCount, for an object value (module inputs, variable maps). */
export function objectCount(entries: TfEntry[]): number | undefined {
  const get = (k: string) => entries.find((e) => e.key === k)?.value;
  for (const name of COUNT_NAMES) {
    const n = literalCount(get(name));
    if (n !== undefined) return n;
  }
  const sc = get('scaling_config');
  if (sc?.kind === 'object') {
    const n = objectCount(sc.entries);
    if (n !== undefined) return n;
  }
  for (const name of MIN_NAMES) {
    const n = literalCount(get(name));
    if (n !== undefined && n > 0) return n;
  }
  return undefined;
}

/** `count = N` or `for_each` over a literal collection: how many copies of a resource or module. */
export function metaCount(body: TfBody): number | undefined {
  const c = literalCount(attr(body, 'count')?.value);
  if (c !== undefined) return c;
  const fe = attr(body, 'for_each')?.value;
  if (fe?.kind === 'tuple') return fe.items.length;
  if (fe?.kind === 'object') return fe.entries.length;
  if (fe?.kind === 'other' && fe.parts.length === 1 && fe.parts[0].kind === 'tuple') return fe.parts[0].items.length; // toset([...])
  return undefined;
}

export function multiply(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a * b;
}


/** Strings in a label or tag map (keys and values), for the workload heuristic. */
export function mapWords(e: TfExpr | undefined): string[] {
  if (e?.kind !== 'object') return [];
  return e.entries.flatMap((en) => [en.key, ...(en.value.kind === 'string' ? [en.value.value] : [])]);
}


/**
 * The regions a file's resources deploy to: its default `provider "aws"` and each alias. A region
 * written as a literal in the file is taken as it is; any other (`var.region`, `local.region`,
 * or no provider in the file at all) is resolved with the whole module: the other files of the
 * folder (module.ts), read only then.
 */
export interface FileRegions {
  /** The default provider's region. */
  readonly default: string | undefined;
  alias(name: string): string | undefined;
}

const MAX_RESOLVE_DEPTH = 8;

/** A literal string an expression comes to: itself, a variable's value (auto-loaded tfvars, else its default), a local's. */
function resolveString(e: TfExpr | undefined, module: readonly RegionFacts[], depth = 0): string | undefined {
  if (!e || depth > MAX_RESOLVE_DEPTH) return undefined;
  if (e.kind === 'string') return e.value;
  if (e.kind !== 'ref') return undefined;
  const [ns, name, more] = e.path.split('.');
  if (more !== undefined || !name) return undefined;
  if (ns === 'var') {
    // terraform.tfvars, then *.auto.tfvars in name order: the last loaded wins; else the default.
    let value: TfExpr | undefined;
    let rank = 0;
    for (const f of module) {
      const v = f.values.get(name);
      if (v && f.valuesRank >= rank) {
        value = v;
        rank = f.valuesRank;
      }
    }
    if (value) return resolveString(value, module, depth + 1);
    const d = module.find((f) => f.variables.has(name))?.variables.get(name);
    return resolveString(d, module, depth + 1);
  }
  if (ns === 'local') return resolveString(module.find((f) => f.locals.has(name))?.locals.get(name), module, depth + 1);
  return undefined;
}

const regionMemo = new WeakMap<ParsedTerraform, FileRegions>();

export function fileRegions(parsed: ParsedTerraform): FileRegions {
  let regions = regionMemo.get(parsed);
  if (regions) return regions;
  const own = regionFactsOf(parsed, parsed.fileName ?? '');
  let module: RegionFacts[] | undefined;
  const wholeModule = (): RegionFacts[] => {
    if (!module) {
      const siblings = parsed.absPath ? siblingFacts(parsed.absPath) : undefined;
      if (siblings) parsed.dependencies = siblings.deps;
      module = [own, ...(siblings?.facts ?? [])];
    }
    return module;
  };
  const found = new Map<string, string | undefined>();
  const lookup = (alias: string | undefined): string | undefined => {
    const key = alias ?? '';
    if (found.has(key)) return found.get(key);
    let region: string | undefined;
    const mine = own.providers.find((p) => p.alias === alias);
    if (mine?.region.kind === 'string') region = isRegion(mine.region.value) ? mine.region.value : undefined;
    else {
      const all = wholeModule();
      for (const f of all) {
        const p = f.providers.find((q) => q.alias === alias);
        const r = p && resolveString(p.region, all);
        if (p) {
          region = isRegion(r) ? r : undefined;
          break;
        }
      }
    }
    found.set(key, region);
    return region;
  };
  // A tfvars file's own `region` (or `aws_region`) is the region its values are deployed with.
  let ownTfvarsRegion: string | undefined;
  if (parsed.fileKind === 'tfvars') {
    for (const name of ['region', 'aws_region']) {
      const v = attr(parsed.body, name)?.value;
      if (v?.kind === 'string' && isRegion(v.value)) ownTfvarsRegion = v.value;
    }
  }
  regions = {
    get default() {
      return ownTfvarsRegion ?? lookup(undefined);
    },
    alias: (name) => lookup(name),
  };
  regionMemo.set(parsed, regions);
  return regions;
}

/** The region a resource or module deploys to: its `provider = aws.alias`, else the default provider. */
export function regionFor(regions: FileRegions, body: TfBody): string | undefined {
  const p = attr(body, 'provider')?.value;
  if (p?.kind === 'ref' && p.path.startsWith('aws.')) return regions.alias(p.path.slice(4));
  return regions.default;
}

/** The folder of a file, so `aws_instance.this` in two stacks are two resources. */
function folderOf(doc: SourceDocument): string {
  const i = doc.relPath.lastIndexOf('/');
  return i < 0 ? '' : doc.relPath.slice(0, i);
}

/** "terraform:infra/gpu:aws_instance.trainer" ("terraform:aws_instance.trainer" at the root). */
export function resourceKey(doc: SourceDocument, address: string): string {
  const folder = folderOf(doc);
  return folder ? `terraform:${folder}:${address}` : `terraform:${address}`;
}

/**
 * Every literal instance-type candidate in a value, with the object path that leads to it and
 * the count its enclosing object states. Tuple items that are objects get an index in the path
 * (separate things); tuple items that are strings do not (alternatives for the same thing).
 */
export interface ValueSite {
  str: Extract<TfExpr, { kind: 'string' }>;
  /** Object keys (and [i] for objects in lists) from the root value. */
  path: string[];
  count?: number;
}

export function walkValue(e: TfExpr, path: string[] = [], count?: number, out: ValueSite[] = []): ValueSite[] {
  switch (e.kind) {
    case 'string':
      out.push({ str: e, path, count });
      break;
    case 'tuple':
      e.items.forEach((item, i) => walkValue(item, item.kind === 'object' ? [...path.slice(0, -1), `${path[path.length - 1] ?? ''}[${i}]`] : path, count, out));
      break;
    case 'object': {
      const c = objectCount(e.entries) ?? count;
      for (const en of e.entries) walkValue(en.value, [...path, en.key], c, out);
      break;
    }
    case 'other':
      for (const p of e.parts) walkValue(p, path, count, out);
      break;
    default:
      break;
  }
  return out;
}

/** "a.b[0].c" from a path. */
export function joinPath(path: string[]): string {
  return path.filter((p) => p !== '').join('.').replace(/\.\[/g, '[');
}
