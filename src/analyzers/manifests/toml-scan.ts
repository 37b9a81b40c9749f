/**
 * A small TOML scanner that keeps source offsets (smol-toml validates the file but gives no
 * positions): string values and keys with the table and key they sit under.
 */
export interface TomlString {
  value: string;
  /** Offsets of the string's content (inside the quotes). */
  start: number;
  end: number;
  table: string;
  /** The key at the table's top level ("dependencies", "torch"). */
  key: string;
  /** The key inside an inline table ({ version = "…" } → "version"), if any. */
  innerKey?: string;
}

export interface TomlKey {
  key: string;
  start: number;
  end: number;
  table: string;
}

const BARE = /[A-Za-z0-9_-]/;

function unquoteKey(raw: string): string {
  return raw.replace(/^["']|["']$/g, '');
}

export function scanToml(text: string): { strings: TomlString[]; keys: TomlKey[] } {
  const strings: TomlString[] = [];
  const keys: TomlKey[] = [];
  let table = '';
  let key = '';
  let innerKey: string | undefined;
  let depth = 0;
  let expectKey = true; // at a line start at depth 0, or after '{' / ','
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      if (depth === 0) expectKey = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (depth === 0 && expectKey && c === '[') {
      const eol = text.indexOf('\n', i);
      const line = text.slice(i, eol < 0 ? n : eol);
      const m = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(line);
      table = m ? m[1].split('.').map((s) => unquoteKey(s.trim())).join('.') : table;
      key = '';
      i = eol < 0 ? n : eol;
      continue;
    }
    if (expectKey && (BARE.test(c) || c === '"' || c === "'")) {
      // key (possibly dotted or quoted) up to '='
      const eq = text.indexOf('=', i);
      const eol = text.indexOf('\n', i);
      if (eq > 0 && (eol < 0 || eq < eol)) {
        const raw = text.slice(i, eq).trim();
        const quoted = raw.startsWith('"') || raw.startsWith("'");
        const keyStart = quoted ? i + 1 : i;
        const name = unquoteKey(raw);
        if (depth === 0) {
          key = name;
          innerKey = undefined;
          keys.push({ key: name, start: keyStart, end: keyStart + (quoted ? name.length : raw.length), table });
        } else innerKey = name;
        i = eq + 1;
        expectKey = false;
        continue;
      }
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      let value = '';
      while (j < n && !text.startsWith(q, j)) {
        if (c === '"' && text[j] === '\\') {
          value += text.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (!triple && text[j] === '\n') break;
        value += text[j];
        j++;
      }
      strings.push({ value, start: i + q.length, end: j, table, key, innerKey });
      i = j + q.length;
      expectKey = false;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      expectKey = c === '{';
      i++;
      continue;
    }
    if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      if (c === '}') innerKey = undefined;
      i++;
      continue;
    }
    if (c === ',') {
      // inside an inline table, a key follows
      expectKey = depth > 0 && text.lastIndexOf('{', i) > text.lastIndexOf('[', i);
      i++;
      continue;
    }
    expectKey = false;
    i++;
  }
  return { strings, keys };
}
