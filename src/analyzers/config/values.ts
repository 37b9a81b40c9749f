import { visit as visitJson } from 'jsonc-parser';
import { INSTANCE_TYPE_RE } from '../../core/catalog';
import { parse as parseToml } from 'smol-toml';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Scalar } from 'yaml';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { parseWith, type SyntaxNode } from '../../core/treesitter';

/**
 * A string value in a structured config file, where it sits and what is next to it. Keys,
 * comments and prose never become values; a value is always the whole string (or one element
 * of a list, or one comma-separated item of an env/flag value).
 */
export interface ConfigValue {
  start: number;
  end: number;
  value: string;
  /** "nodeGroups[1].instanceType", "INSTANCE_TYPE", "--instance-type". */
  path: string;
  /** A literal count next to the value (instance_count, desiredSize …). */
  count?: number;
  /** Number of sibling strings in the same list (to tell data tables from deployments). */
  listSize?: number;
}

export interface ParsedConfig {
  format: 'json' | 'yaml' | 'toml' | 'env' | 'shell';
  values: ConfigValue[];
}

const COUNT_KEYS = new Set(['instance_count', 'instanceCount', 'InstanceCount', 'initial_instance_count', 'initialInstanceCount', 'InitialInstanceCount', 'desired_size', 'desiredSize', 'DesiredSize', 'desired_capacity', 'desiredCapacity', 'DesiredCapacity', 'node_count', 'nodeCount', 'num_instances']);

export function configFormat(relPath: string): ParsedConfig['format'] | undefined {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (/\.(tf|tfvars)\.json$/.test(base) || /^(package-lock|npm-shrinkwrap|composer|pipfile)\.json$/.test(base) || base.endsWith('.lock.json')) return undefined;
  if (base.endsWith('.json') || base.endsWith('.jsonc')) return 'json';
  if (/^pnpm-lock\.ya?ml$/.test(base)) return undefined;
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (base.endsWith('.toml')) return 'toml';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || /\.(ini|cfg|conf|properties)$/.test(base)) return 'env';
  if (/\.(sh|bash)$/.test(base)) return 'shell';
  return undefined;
}

// ---------- JSON ----------
/** An object or array being read, with what its values learn only at its end. */
interface JsonFrame {
  array: boolean;
  path: string;
  /** The current property's key (objects). */
  key: string;
  /** The next item's index (arrays). */
  index: number;
  /** Strings among the items (arrays), and the count next to the values (objects). */
  strings: number;
  count?: number;
  /** Values read in this object or array, completed at its end. */
  values: ConfigValue[];
}

/**
 * The string values of a JSON document (comments and trailing commas allowed) that `keep`
 * accepts, in document order. Read in one pass of events (jsonc-parser's visit, which its own
 * parseTree is built on) without building a tree: a 5 MB data file holds hundreds of thousands of
 * nodes, and a path is made only for the values kept.
 */
export function jsonValues(text: string, keep: (value: string) => boolean): ConfigValue[] {
  const out: ConfigValue[] = [];
  const stack: JsonFrame[] = [];
  /** The path of the item about to be read in the innermost frame (and moves an array to its next item). */
  const childPath = (): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    if (top.array) return `${top.path}[${top.index++}]`;
    return top.path ? `${top.path}.${top.key}` : top.key;
  };
  const open = (array: boolean) => {
    const path = childPath();
    stack.push({ array, path: path ?? '', key: '', index: 0, strings: 0, values: [] });
  };
  const close = () => {
    const frame = stack.pop();
    if (!frame) return;
    for (const v of frame.values) {
      if (frame.array) v.listSize = frame.strings;
      else v.count = frame.count;
    }
  };
  visitJson(
    text,
    {
      onObjectBegin: () => open(false),
      onArrayBegin: () => open(true),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (name) => {
        const top = stack[stack.length - 1];
        if (top && !top.array) top.key = name;
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const top = stack[stack.length - 1];
        if (!top) return; // a document that is one literal holds no config values
        if (!top.array && COUNT_KEYS.has(top.key) && typeof value === 'number' && Number.isInteger(value)) top.count = value;
        if (typeof value !== 'string') {
          if (top.array) top.index++;
          return;
        }
        if (top.array) top.strings++;
        const path = childPath()!;
        // A string with escapes has a raw length different from its value: only exact ones.
        if (!keep(value) || text.slice(offset + 1, offset + length - 1) !== value) return;
        const v: ConfigValue = { start: offset + 1, end: offset + length - 1, value, path };
        out.push(v);
        top.values.push(v);
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  while (stack.length) close();
  return out;
}

// ---------- YAML ----------
function yamlValues(text: string): ConfigValue[] {
  const out: ConfigValue[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || !doc.contents) continue;
    visit(doc, {
      Scalar(key, node: Scalar, path) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        if (node.type !== 'PLAIN' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return;
        const quoted = node.type !== 'PLAIN';
        const start = node.range[0] + (quoted ? 1 : 0);
        const end = node.range[1] - (quoted ? 1 : 0);
        if (text.slice(start, end) !== node.value) return;
        const names: string[] = [];
        let count: number | undefined;
        let listSize: number | undefined;
        for (let i = 0; i < path.length; i++) {
          const p = path[i];
          if (isPair(p) && isScalar(p.key)) names.push(String(p.key.value));
        }
        const parent = path[path.length - 1];
        const holder = isPair(parent) ? path[path.length - 2] : parent;
        if (isSeq(parent)) listSize = parent.items.filter((i) => isScalar(i) && typeof i.value === 'string').length;
        const map = isMap(holder) ? holder : isSeq(parent) && isPair(path[path.length - 2]) && isMap(path[path.length - 3]) ? path[path.length - 3] : undefined;
        if (isMap(map)) {
          for (const it of map.items) {
            if (isScalar(it.key) && COUNT_KEYS.has(String(it.key.value)) && isScalar(it.value) && typeof it.value.value === 'number') count = it.value.value;
          }
        }
        out.push({ start, end, value: node.value, path: names.join('.'), count, listSize });
      },
    });
  }
  return out;
}

// ---------- TOML: smol-toml has no positions; locate values on their key's line ----------
function tomlStrings(v: unknown, into: Set<string>): void {
  if (typeof v === 'string') into.add(v);
  else if (Array.isArray(v)) v.forEach((x) => tomlStrings(x, into));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => tomlStrings(x, into));
}

function tomlValues(text: string): ConfigValue[] {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch (err) {
    throw new Error(`TOML: ${(err as Error).message.split('\n')[0]}`);
  }
  const known = new Set<string>();
  tomlStrings(data, known);
  const out: ConfigValue[] = [];
  let table = '';
  let key = '';
  let depth = 0; // open brackets of a multi-line array value
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    let i = 0;
    let inValue = depth > 0;
    if (!inValue) {
      const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
      if (header) {
        table = header[1];
        continue;
      }
    }
    while (i < line.length) {
      const c = line[i];
      if (c === '#') break;
      if (c === '=' && !inValue) {
        key = line.slice(0, i).trim().replace(/^["']|["']$/g, '');
        inValue = true;
        i++;
        continue;
      }
      if (c === '[' && inValue) depth++;
      if (c === ']' && inValue && depth > 0) depth--;
      if ((c === '"' || c === "'") && line.slice(i, i + 3) !== c.repeat(3)) {
        const close = c === '"' ? line.slice(i + 1).search(/(?<!\\)"/) : line.indexOf("'", i + 1) - i - 1;
        if (close < 0) break;
        const value = line.slice(i + 1, i + 1 + close);
        if (inValue && known.has(value)) out.push({ start: lineStart + i + 1, end: lineStart + i + 1 + value.length, value, path: table ? `${table}.${key}` : key });
        i += close + 2;
        continue;
      }
      i++;
    }
  }
  return out;
}

// ---------- .env / .ini / .cfg ----------
function splitList(value: string, start: number, path: string, into: ConfigValue[]): void {
  let pos = 0;
  const items = value.split(',');
  for (const raw of items) {
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim();
    if (item) into.push({ start: start + pos + lead, end: start + pos + lead + item.length, value: item, path, listSize: items.length > 1 ? items.length : undefined });
    pos += raw.length + 1;
  }
}

function envValues(text: string): ConfigValue[] {
  const out: ConfigValue[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const m = /^(\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[=:]\s*)(.*?)\s*$/.exec(line.replace(/\r$/, ''));
    if (!m || /^\s*[#;[]/.test(line)) continue;
    let value = m[3];
    let start = lineStart + m[1].length;
    const q = value[0];
    if ((q === '"' || q === "'") && value.indexOf(q, 1) > 0) {
      value = value.slice(1, value.indexOf(q, 1));
      start += 1;
    } else {
      const hash = value.search(/\s[#;]/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    splitList(value, start, m[2], out);
  }
  return out;
}

// ---------- shell: --instance-type flags and assignments ----------
const FLAG_RE = /^--?(instance[-_]types?|node[-_]types?|machine[-_]type)$/i;

function wordValue(n: SyntaxNode): { value: string; start: number } | undefined {
  if (n.type === 'word') return { value: n.text, start: n.startIndex };
  if (n.type === 'raw_string') return { value: n.text.slice(1, -1), start: n.startIndex + 1 };
  if (n.type === 'string') {
    if (n.namedChildren.some((c) => c && c.type !== 'string_content')) return undefined;
    return { value: n.text.slice(1, -1), start: n.startIndex + 1 };
  }
  return undefined;
}

async function shellValues(text: string): Promise<ConfigValue[]> {
  const tree = await parseWith('bash', text);
  const out: ConfigValue[] = [];
  try {
    for (const cmd of tree.rootNode.descendantsOfType('command')) {
      if (!cmd) continue;
      const args = cmd.childrenForFieldName('argument').filter((a): a is SyntaxNode => !!a);
      for (let i = 0; i < args.length; i++) {
        const w = wordValue(args[i]);
        if (!w) continue;
        const eq = /^(--?[\w-]+)=(.*)$/.exec(w.value);
        if (eq && FLAG_RE.test(eq[1])) {
          splitList(eq[2], w.start + eq[1].length + 1, eq[1], out);
          continue;
        }
        if (!FLAG_RE.test(w.value)) continue;
        const plural = /s$/i.test(w.value);
        for (let j = i + 1; j < args.length; j++) {
          const v = wordValue(args[j]);
          if (!v || v.value.startsWith('-')) break;
          splitList(v.value, v.start, w.value, out);
          if (!plural) break;
        }
      }
    }
    for (const a of tree.rootNode.descendantsOfType('variable_assignment')) {
      const name = a?.childForFieldName('name')?.text;
      const value = a?.childForFieldName('value');
      const w = value ? wordValue(value) : undefined;
      if (name && w) splitList(w.value, w.start, name, out);
    }
  } finally {
    tree.delete();
  }
  return out;
}

export const configParser: ParserAdapter<ParsedConfig> = {
  id: 'config-values',
  async parse(doc: SourceDocument) {
    const format = configFormat(doc.relPath);
    switch (format) {
      case 'json':
        // Only strings shaped like instance types (what the rules read): a data file has many.
        return { format, values: jsonValues(doc.text, (v) => INSTANCE_TYPE_RE.test(v)) };
      case 'yaml':
        return { format, values: yamlValues(doc.text) };
      case 'toml':
        return { format, values: tomlValues(doc.text) };
      case 'env':
        return { format, values: envValues(doc.text) };
      case 'shell':
        return { format, values: await shellValues(doc.text) };
      default:
        return { format: 'json', values: [] };
    }
  },
};
