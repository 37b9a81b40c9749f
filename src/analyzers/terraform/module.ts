import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { dependencyUnchanged, statDependency } from '../../core/dependency';
import { SourceDocument } from '../../core/document';
import { readTextFileSync } from '../../core/read-text';
import type { FileDependency } from '../../core/types';
import { terraformParser, type ParsedTerraform, type TfExpr } from './syntax';

/**
 * A Terraform module is a folder: its `.tf` files share providers, variables and locals, and
 * `terraform.tfvars` and `*.auto.tfvars` set its variables. The region a resource deploys to is
 * mostly written in another file than the resource (`provider "aws" { region = var.region }` in
 * providers.tf, the variable's default in variables.tf, its value in terraform.tfvars); this reads
 * what the other files of a file's folder say about regions, from disk.
 */

/** What one file says that a region can depend on. */
export interface RegionFacts {
  /** `provider "aws"` blocks that set a region, in file order. */
  providers: { alias?: string; region: TfExpr }[];
  /** Variable defaults. */
  variables: Map<string, TfExpr>;
  locals: Map<string, TfExpr>;
  /** Variable values set by a tfvars file Terraform loads by itself (terraform.tfvars, *.auto.tfvars). */
  values: Map<string, TfExpr>;
  /** Which values win: 2 for *.auto.tfvars (loaded last), 1 for terraform.tfvars, 0 for other files. */
  valuesRank: number;
}

/** Files Terraform reads as part of a module, besides the tfvars it loads by itself. */
const MODULE_FILE = /\.tf(\.json)?$/i;
const AUTO_TFVARS = /^(terraform\.tfvars|.*\.auto\.tfvars)(\.json)?$/i;
/** Bounds for a folder of generated files: siblings read, and the size of one. */
const MAX_SIBLINGS = 300;
const MAX_SIBLING_BYTES = 1024 * 1024;
/**
 * How long a folder's file list is trusted: within it, only the folder and the files that say
 * something about regions are stat'ed again (an edit of providers.tf or terraform.tfvars is seen
 * at once); past it, every file is (a provider added to a file that had none). A long module
 * folder is not stat'ed whole for each of its files during a scan.
 */
const RECHECK_MS = 1000;

export function regionFactsOf(parsed: ParsedTerraform, fileName: string): RegionFacts {
  const facts: RegionFacts = { providers: [], variables: new Map(), locals: new Map(), values: new Map(), valuesRank: 0 };
  if (parsed.fileKind === 'tfvars') {
    if (AUTO_TFVARS.test(fileName)) {
      facts.valuesRank = /\.auto\.tfvars/i.test(fileName) ? 2 : 1;
      for (const a of parsed.body.attributes) facts.values.set(a.name, a.value);
    }
    return facts;
  }
  for (const b of parsed.body.blocks) {
    if (b.type === 'provider' && b.labels[0] === 'aws') {
      const region = b.body.attributes.find((a) => a.name === 'region')?.value;
      const alias = b.body.attributes.find((a) => a.name === 'alias')?.value;
      if (region) facts.providers.push(alias?.kind === 'string' ? { alias: alias.value, region } : { region });
    } else if (b.type === 'variable' && b.labels[0]) {
      const d = b.body.attributes.find((a) => a.name === 'default')?.value;
      if (d && !facts.variables.has(b.labels[0])) facts.variables.set(b.labels[0], d);
    } else if (b.type === 'locals') {
      for (const a of b.body.attributes) if (!facts.locals.has(a.name)) facts.locals.set(a.name, a.value);
    }
  }
  return facts;
}

/** Words a `.tf` file must hold to say anything about regions (cheaper than parsing it to find out). */
const HAS_FACTS = /\b(provider|variable|locals)\b/;

interface FileMemo {
  size: number;
  mtimeMs: number;
  facts: RegionFacts | undefined;
}
interface FolderMemo {
  checkedAt: number;
  /** Each sibling's facts, in Terraform's loading order (names sorted). */
  files: { name: string; facts: RegionFacts | undefined }[];
  deps: FileDependency[];
  /** The folder and the files with facts: what is stat'ed again within RECHECK_MS. */
  watched: FileDependency[];
}

const fileMemo = new Map<string, FileMemo>();
const folderMemo = new Map<string, FolderMemo>();
const MEMO_FILES = 4000;
const MEMO_FOLDERS = 500;

function readFacts(file: string, name: string, size: number, mtimeMs: number): RegionFacts | undefined {
  const old = fileMemo.get(file);
  if (old && old.size === size && old.mtimeMs === mtimeMs) return old.facts;
  let facts: RegionFacts | undefined;
  try {
    const text = readTextFileSync(file, MAX_SIBLING_BYTES);
    const tfvars = /\.tfvars(\.json)?$/i.test(name);
    if (tfvars || HAS_FACTS.test(text)) facts = regionFactsOf(terraformParser.parse(new SourceDocument(name, text)) as ParsedTerraform, name);
  } catch {
    facts = undefined; // unreadable, too large, or not Terraform at all: it says nothing
  }
  if (fileMemo.size >= MEMO_FILES) fileMemo.clear();
  fileMemo.set(file, { size, mtimeMs, facts });
  return facts;
}

/**
 * The region facts of the other Terraform files in a file's folder (the file itself excluded:
 * its text may be an editor's unsaved one), and the files they came from with their size and
 * time (the folder included), so a cached result can tell it is stale. Undefined when the folder
 * cannot be read.
 */
export function siblingFacts(absPath: string, now = Date.now()): { facts: RegionFacts[]; deps: FileDependency[] } | undefined {
  const dir = path.dirname(absPath);
  const self = path.basename(absPath);
  let memo = folderMemo.get(dir);
  if (!memo || now - memo.checkedAt > RECHECK_MS || !memo.watched.every(dependencyUnchanged)) {
    const folder = statDependency(dir);
    if (!folder) return undefined;
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && (MODULE_FILE.test(e.name) || AUTO_TFVARS.test(e.name)))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, MAX_SIBLINGS);
    } catch {
      return undefined;
    }
    // Only a regular file (a link to a pipe or a device would never end reading); an unchanged
    // one's facts come from fileMemo, so only what changed is read again.
    const siblings = names.flatMap((name) => statDependency(path.join(dir, name), true) ?? []);
    const files = siblings.map((d) => ({ name: path.basename(d.path), facts: readFacts(d.path, path.basename(d.path), d.size, d.mtimeMs) }));
    if (folderMemo.size >= MEMO_FOLDERS) folderMemo.clear();
    memo = { checkedAt: now, files, deps: [folder, ...siblings], watched: [folder, ...siblings.filter((_, i) => files[i].facts)] };
    folderMemo.set(dir, memo);
  }
  const facts: RegionFacts[] = [];
  for (const f of memo.files) if (f.name !== self && f.facts) facts.push(f.facts);
  const own = path.join(dir, self);
  return { facts, deps: memo.deps.filter((d) => d.path !== own) };
}

/** Forgets what was read (tests). */
export function clearModuleMemo(): void {
  fileMemo.clear();
  folderMemo.clear();
}
