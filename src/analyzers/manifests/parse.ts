import { parse as parseToml } from 'smol-toml';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { parseWith, type SyntaxNode } from '../../core/treesitter';
import { scanToml } from './toml-scan';

/** A dependency declared in a manifest. Offsets are those of the package name token. */
export interface DeclaredPackage {
  name: string;
  start: number;
  end: number;
  extras: string[];
  /** Version specifier, build string or direct reference, as written. */
  spec: string;
  ecosystem: 'pip' | 'conda';
}

/** A package index, find-links page, conda channel or direct wheel URL. Offsets are the URL's. */
export interface DeclaredSource {
  url: string;
  start: number;
  end: number;
  kind: 'index' | 'find-links' | 'channel' | 'wheel';
}

export interface ParsedManifest {
  kind: 'requirements' | 'pyproject' | 'pipfile' | 'setup.py' | 'setup.cfg' | 'conda';
  packages: DeclaredPackage[];
  sources: DeclaredSource[];
}

export type ManifestKind = ParsedManifest['kind'];

/** Which manifest a path is, by its name. */
export function manifestKind(relPath: string): ManifestKind | undefined {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (/^(.*[-_.])?(requirements|constraints)([-_.].*)?\.(txt|in)$/.test(base)) return 'requirements';
  if (/(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(relPath)) return 'requirements';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'pipfile') return 'pipfile';
  if (base === 'setup.py') return 'setup.py';
  if (base === 'setup.cfg') return 'setup.cfg';
  if (/^(.*environment.*|conda.*)\.ya?ml$/.test(base)) return 'conda';
  return undefined;
}

const PEP508 = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[([^\]]*)\])?\s*(.*)$/;

/** Parses one PEP 508 requirement at `offset`; undefined for anything that is not one. */
export function parseRequirement(text: string, offset: number): DeclaredPackage | undefined {
  const lead = text.length - text.trimStart().length;
  const m = PEP508.exec(text.trim());
  if (!m) return undefined;
  const start = offset + lead;
  return { name: m[1], start, end: start + m[1].length, extras: (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean), spec: m[4].trim(), ecosystem: 'pip' };
}

/** A wheel URL's distribution: ".../flash_attn-2.5.8+cu122torch2.3-cp310-….whl" → flash_attn, 2.5.8+cu122…. */
function wheelName(url: string): { name: string; version: string } | undefined {
  const m = /\/([A-Za-z0-9_.]+)-([^-/]+)-[^/]*\.whl(#.*)?$/.exec(url);
  return m ? { name: m[1], version: decodeURIComponent(m[2]) } : undefined;
}

/** One requirements line (pip syntax), found at `offset`: a requirement, an option with a URL, or nothing. */
function requirementsLine(raw: string, offset: number, out: ParsedManifest): void {
  // A comment starts at '#' at the line start or after whitespace (URLs keep their #fragments).
  const hash = raw.search(/(^|\s)#/);
  const line = hash < 0 ? raw : raw.slice(0, hash);
  if (!line.trim()) return;
  const trimmed = line.trimStart();
  const lead = line.length - trimmed.length;
  const opt = /^(-i|--index-url|--extra-index-url|-f|--find-links|-e|--editable)(\s*=\s*|\s+)(\S+)/.exec(trimmed);
  if (opt) {
    const urlStart = offset + lead + opt[1].length + opt[2].length;
    const kind = /^(-f|--find-links)$/.test(opt[1]) ? 'find-links' : /^(-e|--editable)$/.test(opt[1]) ? 'wheel' : 'index';
    out.sources.push({ url: opt[3], start: urlStart, end: urlStart + opt[3].length, kind });
    return;
  }
  if (trimmed.startsWith('-')) return; // -r/-c includes (each file is scanned on its own), --hash, --pre …
  // A direct URL ends at whitespace or at the ';' of an environment marker.
  const url = /^(https?|file):\/\/[^\s;]+/.exec(trimmed);
  if (url) {
    out.sources.push({ url: url[0], start: offset + lead, end: offset + lead + url[0].length, kind: 'wheel' });
    const w = wheelName(url[0]);
    if (w) out.packages.push({ name: w.name, start: offset + lead, end: offset + lead + url[0].length, extras: [], spec: `==${w.version}`, ecosystem: 'pip' });
    return;
  }
  const req = parseRequirement(line.replace(/;.*$/, ''), offset);
  if (req) out.packages.push(req);
}

function parseRequirements(text: string, out: ParsedManifest): void {
  const re = /[^\r\n]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length) requirementsLine(m[0], m.index, out);
    re.lastIndex = m.index + m[0].length + 1;
    if (m.index >= text.length) break;
  }
}

const PEP508_TABLE = (table: string, key: string) =>
  (table === 'project' && key === 'dependencies') ||
  table === 'project.optional-dependencies' ||
  table === 'dependency-groups' ||
  (table === 'build-system' && key === 'requires') ||
  (table === 'tool.uv' && /^(dev|constraint|override)-dependencies$/.test(key)) ||
  (/^tool\.pdm\.(dev-dependencies|optional-dependencies)$/.test(table));

const KEYED_TABLE = (kind: ManifestKind, table: string) =>
  kind === 'pipfile'
    ? table !== 'source' && table !== 'requires' && table !== 'pipenv' && table !== 'scripts'
    : /^tool\.poetry\.(dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/.test(table);

function parseTomlManifest(text: string, out: ParsedManifest): void {
  try {
    parseToml(text);
  } catch (err) {
    throw new Error(`invalid TOML: ${(err as Error).message.split('\n')[0]}`);
  }
  const { strings, keys } = scanToml(text);
  for (const s of strings) {
    if (/^https?:\/\//.test(s.value)) out.sources.push({ url: s.value, start: s.start, end: s.end, kind: 'index' });
    else if (out.kind === 'pyproject' && PEP508_TABLE(s.table, s.key) && !s.innerKey) {
      const req = parseRequirement(s.value.replace(/;.*$/, ''), s.start);
      if (req) out.packages.push(req);
    }
  }
  for (const k of keys) {
    if (!KEYED_TABLE(out.kind, k.table) || k.key === 'python') continue;
    // The version written for this key: "2.3.0+cu121" or { version = "…" }.
    const spec = strings.filter((s) => s.table === k.table && s.key === k.key && (!s.innerKey || s.innerKey === 'version')).map((s) => s.value).join(' ');
    out.packages.push({ name: k.key, start: k.start, end: k.end, extras: [], spec, ecosystem: 'pip' });
  }
}

function parseSetupCfg(text: string, out: ParsedManifest): void {
  let section = '';
  let collecting = false;
  const re = /[^\r\n]*/g;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    const line = m[0];
    re.lastIndex = m.index + line.length + 1;
    const sec = /^\s*\[([^\]]+)\]/.exec(line);
    if (sec) {
      section = sec[1].trim();
      collecting = false;
      continue;
    }
    if (/^\s*[#;]/.test(line) || !line.trim()) continue;
    const kv = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    let value: string | undefined;
    let valueOffset = 0;
    if (kv && !/^\s/.test(line)) {
      collecting = (section === 'options' && /^(install_requires|setup_requires|tests_require)$/.test(kv[1])) || section === 'options.extras_require';
      value = kv[2];
      valueOffset = m.index + line.length - kv[2].length;
    } else if (collecting && /^\s/.test(line)) {
      value = line;
      valueOffset = m.index;
    }
    if (!collecting || value === undefined || !value.trim()) continue;
    const v = value.replace(/\s[#;].*$/, '');
    const req = parseRequirement(v.replace(/;.*$/, ''), valueOffset);
    if (req) out.packages.push(req);
  }
}

function parseConda(text: string, out: ParsedManifest): void {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) return;
  const scalarAt = (node: YamlNode): { value: string; start: number } | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const first = text[node.range[0]];
    return { value: node.value, start: node.range[0] + (first === '"' || first === "'" ? 1 : 0) };
  };
  const channels = root.get('channels', true);
  if (isSeq(channels)) {
    for (const item of channels.items) {
      const s = scalarAt(item as YamlNode);
      if (s) out.sources.push({ url: s.value, start: s.start, end: s.start + s.value.length, kind: 'channel' });
    }
  }
  const deps = root.get('dependencies', true);
  if (!isSeq(deps)) return;
  for (const item of deps.items) {
    if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const p of pip.items) {
        const s = scalarAt(p as YamlNode);
        if (s) requirementsLine(s.value, s.start, out);
      }
      continue;
    }
    const s = scalarAt(item as YamlNode);
    if (!s) continue;
    const m = /^(?:([\w.-]+)::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)(.*)$/.exec(s.value.trim());
    if (!m) continue;
    const start = s.start + (m[1] ? m[1].length + 2 : 0);
    if (m[1]) out.sources.push({ url: m[1], start: s.start, end: s.start + m[1].length, kind: 'channel' });
    out.packages.push({ name: m[2], start, end: start + m[2].length, extras: [], spec: m[3].trim(), ecosystem: 'conda' });
  }
}

/** install_requires / extras_require / setup_requires in setup.py, as list literals or module-level variables. */
function parseSetupPy(root: SyntaxNode, out: ParsedManifest): void {
  const assigned = new Map<string, SyntaxNode>();
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right) assigned.set(left.text, right);
  }
  const strings = (node: SyntaxNode | null | undefined, seen = 0): void => {
    if (!node || seen > 3) return;
    if (node.type === 'identifier') return strings(assigned.get(node.text), seen + 1);
    if (node.type === 'binary_operator') {
      strings(node.childForFieldName('left'), seen);
      strings(node.childForFieldName('right'), seen);
      return;
    }
    if (node.type === 'dictionary') {
      for (const pair of node.namedChildren) if (pair?.type === 'pair') strings(pair.childForFieldName('value'), seen);
      return;
    }
    if (node.type !== 'list' && node.type !== 'tuple') return;
    for (const el of node.namedChildren) {
      if (el?.type !== 'string') continue;
      const content = el.namedChildren.find((c) => c?.type === 'string_content');
      if (!content) continue;
      const req = parseRequirement(content.text.replace(/;.*$/, ''), content.startIndex);
      if (req) out.packages.push(req);
    }
  };
  for (const kw of root.descendantsOfType('keyword_argument')) {
    const name = kw?.childForFieldName('name')?.text;
    if (name && /^(install_requires|setup_requires|tests_require|extras_require)$/.test(name)) strings(kw!.childForFieldName('value'));
  }
}

export const manifestParser: ParserAdapter<ParsedManifest> = {
  id: 'manifest',
  async parse(doc: SourceDocument) {
    const kind = manifestKind(doc.relPath) ?? 'requirements';
    const out: ParsedManifest = { kind, packages: [], sources: [] };
    if (kind === 'requirements') parseRequirements(doc.text, out);
    else if (kind === 'pyproject' || kind === 'pipfile') parseTomlManifest(doc.text, out);
    else if (kind === 'setup.cfg') parseSetupCfg(doc.text, out);
    else if (kind === 'conda') parseConda(doc.text, out);
    else {
      const tree = await parseWith('python', doc.text, doc.cacheKey);
      try {
        parseSetupPy(tree.rootNode, out);
      } finally {
        tree.delete();
      }
    }
    return out;
  },
};
