/**
 * A small Dockerfile tokenizer: parser directives (`# escape=`), comments, line continuations,
 * heredocs, and words with exact offsets into the document. Enough to read FROM, ARG, ENV and RUN
 * the way BuildKit does, without a grammar.
 */

export interface Word {
  /** As written, quotes included. */
  raw: string;
  /** Quotes removed (no escape processing beyond that). */
  value: string;
  /** Offsets of `raw` in the document. */
  start: number;
  end: number;
  /** Offsets of `value` (inside the quotes). */
  valueStart: number;
  valueEnd: number;
}

export interface Heredoc {
  delimiter: string;
  body: string;
  /** Offset of the body's first character. */
  start: number;
  end: number;
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, ENV … */
  keyword: string;
  keywordStart: number;
  keywordEnd: number;
  /** Range of the whole instruction, heredoc bodies included. */
  start: number;
  end: number;
  /** Words after the keyword on the logical line (continuations joined, comment lines dropped). */
  words: Word[];
  /** The logical line after the keyword, and each of its characters' document offsets. */
  argsText: string;
  argsOffsets: number[];
  heredocs: Heredoc[];
}

export interface ArgDefault {
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

export interface FromInstruction {
  instruction: Instruction;
  /** The image word, as written (may contain $VARS). */
  image: Word;
  /** The image with global ARG defaults substituted; undefined when a variable has no literal default. */
  resolved?: string;
  /** When the whole image is one variable with a literal default: that ARG's default. */
  viaArg?: ArgDefault;
  platform?: Word;
  stageName?: string;
}

export interface ParsedDockerfile {
  kind: 'dockerfile';
  escape: string;
  instructions: Instruction[];
  /** ARGs declared before the first FROM (usable in FROM lines). */
  globalArgs: Map<string, ArgDefault>;
  froms: FromInstruction[];
}

interface Line {
  start: number;
  /** End of content, before the line break. */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

const isBlank = (s: string) => /^\s*$/.test(s);
const isComment = (s: string) => /^\s*#/.test(s);

/** Splits a logical line into words; quotes group, and are kept in `raw`. */
function splitWords(textArgs: string, offsets: number[], escape: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = textArgs.length;
  while (i < n) {
    while (i < n && /\s/.test(textArgs[i])) i++;
    if (i >= n) break;
    const begin = i;
    let quote: string | undefined;
    while (i < n) {
      const ch = textArgs[i];
      if (quote) {
        if (ch === escape && quote === '"' && i + 1 < n) i += 2;
        else {
          if (ch === quote) quote = undefined;
          i++;
        }
      } else if (/\s/.test(ch)) break;
      else if (ch === '"' || ch === "'") {
        quote = ch;
        i++;
      } else if (ch === escape && i + 1 < n) i += 2;
      else i++;
    }
    const raw = textArgs.slice(begin, i);
    const start = offsets[begin];
    const end = offsets[i - 1] + 1;
    // valueStart/valueEnd: the part after `=` (KEY=value) or the whole word, without surrounding quotes.
    const eq = raw.indexOf('=');
    let vBegin = eq >= 0 && !/^["']/.test(raw) ? begin + eq + 1 : begin;
    let vEnd = i;
    if (vEnd - vBegin >= 2 && /["']/.test(textArgs[vBegin]) && textArgs[vEnd - 1] === textArgs[vBegin]) {
      vBegin++;
      vEnd--;
    }
    words.push({
      raw,
      value: raw.replace(/["']/g, ''),
      start,
      end,
      valueStart: vBegin < vEnd ? offsets[vBegin] : end,
      valueEnd: vBegin < vEnd ? offsets[vEnd - 1] + 1 : end,
    });
  }
  return words;
}

const HEREDOC_RE = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function tokenizeDockerfile(text: string): ParsedDockerfile {
  const lines = splitLines(text);
  let escape = '\\';
  let i = 0;
  // Parser directives: only at the very top, `# key=value`, until anything else.
  for (; i < lines.length; i++) {
    const s = text.slice(lines[i].start, lines[i].end);
    const m = /^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(\S*)\s*$/.exec(s);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const instructions: Instruction[] = [];
  while (i < lines.length) {
    const first = text.slice(lines[i].start, lines[i].end);
    if (isBlank(first) || isComment(first)) {
      i++;
      continue;
    }
    let logical = '';
    const offsets: number[] = [];
    let lastEnd = lines[i].end;
    let j = i;
    for (;;) {
      const line = lines[j];
      const s = text.slice(line.start, line.end);
      const trimmedEnd = s.replace(/\s+$/, '');
      const continues = trimmedEnd.endsWith(escape) && j + 1 < lines.length;
      const contentLen = continues ? trimmedEnd.length - 1 : s.length;
      for (let k = 0; k < contentLen; k++) {
        logical += s[k];
        offsets.push(line.start + k);
      }
      lastEnd = line.start + (continues ? trimmedEnd.length - 1 : s.length);
      j++;
      if (!continues) break;
      // Comment lines and empty lines inside a continuation are skipped.
      while (j < lines.length) {
        const next = text.slice(lines[j].start, lines[j].end);
        if (isComment(next) || isBlank(next)) j++;
        else break;
      }
      if (j >= lines.length) break;
    }
    const km = /^\s*([A-Za-z]+)/.exec(logical);
    if (!km) {
      i = j;
      continue;
    }
    const kwBegin = logical.indexOf(km[1]);
    const keyword = km[1].toUpperCase();
    const argsBegin = kwBegin + km[1].length;
    const argsText = logical.slice(argsBegin);
    const argsOffsets = offsets.slice(argsBegin);
    const heredocs: Heredoc[] = [];
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      HEREDOC_RE.lastIndex = 0;
      for (let m = HEREDOC_RE.exec(argsText); m; m = HEREDOC_RE.exec(argsText)) {
        const strip = m[1] === '-';
        const delimiter = m[3];
        const bodyStartLine = j;
        let k = j;
        while (k < lines.length) {
          let s = text.slice(lines[k].start, lines[k].end);
          if (strip) s = s.replace(/^\t+/, '');
          if (s === delimiter) break;
          k++;
        }
        const start = bodyStartLine < lines.length ? lines[bodyStartLine].start : text.length;
        const end = k > bodyStartLine ? lines[k - 1].end : start;
        heredocs.push({ delimiter, body: text.slice(start, end), start, end });
        lastEnd = k < lines.length ? lines[k].end : text.length;
        j = Math.min(k + 1, lines.length);
      }
    }
    instructions.push({
      keyword,
      keywordStart: offsets[kwBegin],
      keywordEnd: offsets[kwBegin] + km[1].length,
      start: offsets[kwBegin],
      end: lastEnd,
      words: splitWords(argsText, argsOffsets, escape),
      argsText,
      argsOffsets,
      heredocs,
    });
    i = j;
  }

  const globalArgs = new Map<string, ArgDefault>();
  const froms: FromInstruction[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'ARG' && !froms.length) {
      for (const w of ins.words) {
        const eq = w.raw.indexOf('=');
        if (eq < 0) {
          if (!globalArgs.has(w.raw)) globalArgs.set(w.raw, { name: w.raw, value: '', valueStart: w.end, valueEnd: w.end });
          continue;
        }
        const name = w.raw.slice(0, eq);
        globalArgs.set(name, { name, value: w.value.slice(eq + 1), valueStart: w.valueStart, valueEnd: w.valueEnd });
      }
    } else if (ins.keyword === 'FROM') {
      const f = readFrom(ins, globalArgs);
      if (f) froms.push(f);
    }
  }
  return { kind: 'dockerfile', escape, instructions, globalArgs, froms };
}

function readFrom(ins: Instruction, args: Map<string, ArgDefault>): FromInstruction | undefined {
  const words = ins.words;
  let k = 0;
  let platform: Word | undefined;
  while (k < words.length && words[k].raw.startsWith('--')) {
    const w = words[k];
    if (/^--platform=/.test(w.raw)) {
      const off = '--platform='.length;
      const quoted = /^["']/.test(w.raw.slice(off));
      const vs = w.start + off + (quoted ? 1 : 0);
      const ve = w.end - (quoted ? 1 : 0);
      platform = { raw: w.raw.slice(off), value: w.raw.slice(off).replace(/^["']|["']$/g, ''), start: w.start + off, end: w.end, valueStart: vs, valueEnd: ve };
    } else if (w.raw === '--platform' && words[k + 1]) {
      platform = words[++k];
    }
    k++;
  }
  const image = words[k];
  if (!image) return undefined;
  const stageName = words[k + 1]?.raw.toUpperCase() === 'AS' ? words[k + 2]?.raw : undefined;
  const f: FromInstruction = { instruction: ins, image, platform, stageName };
  f.resolved = expandVars(image.value, args);
  const whole = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(image.value);
  if (whole && !/^\$\{[^}]*$/.test(image.value)) {
    const a = args.get(whole[1]);
    if (a && a.value && !a.value.includes('$')) f.viaArg = a;
  }
  return f;
}

/** Substitutes $VAR, ${VAR}, ${VAR:-default} from ARG defaults; undefined when one cannot be resolved. */
export function expandVars(value: string, args: Map<string, ArgDefault>, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  let unresolved = false;
  const out = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string, op: string, word: string, bare: string) => {
    const name = braced ?? bare;
    const a = args.get(name);
    let v = a?.value ? expandVars(a.value, args, depth + 1) : undefined;
    if (op === ':-' || op === '-') {
      if (!v) v = word;
    } else if (op === ':+' || op === '+') {
      v = v ? word : '';
    }
    if (v === undefined || v === '') {
      unresolved = true;
      return '';
    }
    return v;
  });
  return unresolved ? undefined : out;
}
