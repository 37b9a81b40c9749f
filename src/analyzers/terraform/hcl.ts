import type { TfAttribute, TfBlock, TfBody, TfEntry, TfExpr } from './syntax';

/**
 * HCL's native syntax (`.tf`, `.tfvars`) read straight into the shape the Terraform rules read
 * (TfBody), by recursive descent over the text.
 *
 * It replaced tree-sitter-hcl (2026-11-25): that grammar's external scanner hands every character
 * of every string over as a token of its own, and WebAssembly parsed ~1 MB/s (0.8 ms for a
 * 900-byte file, 130 ms for a 137 KB one), before crossing into WebAssembly again for every node
 * of the conversion. This reads the same files at tens of MB/s, in one pass.
 *
 * It gives what the tree-sitter conversion gave (test/unit/rules/terraform/hcl.test.ts compares
 * the two on every fixture and on edited variants), including where the grammar departs from
 * HashiCorp's parser:
 * - whitespace is insignificant, newlines included (an attribute may continue on the next line);
 * - a literal string's value is its raw content (escapes as written), without the whitespace at
 *   either end, and its range covers that trimmed content;
 * - operations are kept whole (`other`, no parts), unary minus included (`-1` is no number).
 * Where it departs from the grammar on purpose: `a ? b : c ? d : e` nests to the right (as
 * Terraform reads it), so every branch is a part (the grammar nested to the left and lost `b`).
 *
 * Errors: an item (attribute or block) that does not parse is left out, and reading goes on at
 * the next line of the same body; the first error's offset is returned.
 */

export interface HclParse {
  body: TfBody;
  /** Offset of the first syntax error, if any. */
  errorAt?: number;
}

class HclSyntaxError extends Error {
  constructor(readonly at: number) {
    super('HCL syntax error');
  }
}

const enum C {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
}

/** Whitespace as tree-sitter's `\s` and C's iswspace read it (the grammar's extras, and what a string's ends lose). */
const UNICODE_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function isSpace(c: number): boolean {
  if (c <= C.Space) return c === C.Space || (c >= C.Tab && c <= C.Return);
  return c > 127 && UNICODE_SPACE.test(String.fromCharCode(c));
}

/** The whitespace a string literal's ends lose: the external scanner's iswspace (no non-breaking spaces). */
const SCANNER_SPACE = /[\u0085\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/;

function isScannerSpace(c: number): boolean {
  if (c <= C.Space) return c === C.Space || (c >= C.Tab && c <= C.Return);
  return c > 127 && SCANNER_SPACE.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= C.Zero && c <= C.Nine;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;

function isIdStart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C.Underscore;
  return ID_START.test(String.fromCharCode(c));
}

function isIdPart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === C.Underscore || c === C.Minus;
  return ID_CONTINUE.test(String.fromCharCode(c));
}

/** Nesting deeper than this is read as an error (no real configuration comes near). */
const MAX_DEPTH = 500;

const NUMBER = /[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?/y;
const HEX_NUMBER = /0x[0-9a-zA-Z]+/y;

/** A quoted string: literal (no interpolation or directive) with its trimmed content, or a template. */
interface Quoted {
  literal: boolean;
  /** Trimmed content range (literal strings). */
  start: number;
  end: number;
}

class Parser {
  private i = 0;
  firstError: number | undefined;
  /** Blocks and expressions open (nested); past MAX_DEPTH the text is an error, not a stack overflow. */
  private depth = 0;

  constructor(private readonly t: string) {}

  private code(at = this.i): number {
    return at < this.t.length ? this.t.charCodeAt(at) : -1;
  }

  /** Steps over the bracket that must close what is being read here (anything else is a syntax error). */
  private closeWith(code: number): void {
    if (this.code() !== code) this.fail();
    this.i++;
    this.lastEnd = this.i;
  }

  private fail(at = this.i): never {
    throw new HclSyntaxError(Math.min(at, this.t.length));
  }

  /** Skips whitespace and comments. */
  private skip(): void {
    const t = this.t;
    const n = t.length;
    let i = this.i;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (isSpace(c)) i++;
      else if (c === C.Hash || (c === C.Slash && t.charCodeAt(i + 1) === C.Slash)) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c === C.Slash && t.charCodeAt(i + 1) === C.Star) {
        const close = t.indexOf('*/', i + 2);
        if (close < 0) this.fail(i);
        i = close + 2;
      } else break;
    }
    this.i = i;
  }

  private identifier(): string {
    const start = this.i;
    if (!isIdStart(this.code())) this.fail();
    let i = start + 1;
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(i);
      if (isIdPart(c)) i++;
      else if (c === C.Colon && t.charCodeAt(i + 1) === C.Colon) i += 2;
      else if (c >= 0xd800 && c <= 0xdbff && ID_CONTINUE.test(t.slice(i, i + 2))) i += 2;
      else break;
    }
    this.i = i;
    return t.slice(start, i);
  }

  /** A body up to `}` (a block's, left unread) or the end of the text (the file's). */
  body(inBlock: boolean): TfBody {
    const out: TfBody = { attributes: [], blocks: [] };
    for (;;) {
      this.skip();
      const c = this.code();
      if (c < 0) {
        if (inBlock) this.fail();
        return out;
      }
      if (c === C.RBrace) {
        if (inBlock) return out;
        this.recordError(this.i);
        this.i++;
        continue;
      }
      const itemStart = this.i;
      try {
        this.item(out);
      } catch (err) {
        if (!(err instanceof HclSyntaxError)) throw err;
        this.recordError(err.at);
        this.recover(itemStart, err.at);
      }
    }
  }

  private recordError(at: number): void {
    if (this.firstError === undefined) this.firstError = at;
  }

  /**
   * After an item that did not parse: on to the next line after the error that starts an item of
   * this body, i.e. where the brackets opened since the item's start are closed again (a `}` that
   * closes more than that ends the body, and is left to it).
   */
  private recover(itemStart: number, errorAt: number): void {
    const t = this.t;
    // The text ended inside the item (an unclosed block): nothing after it to read.
    if (errorAt >= t.length) {
      this.i = t.length;
      return;
    }
    let depth = 0;
    let i = itemStart;
    let lineStart = false;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (i >= errorAt && lineStart && depth <= 0 && !isSpace(c)) break;
      if (c === C.Newline) lineStart = true;
      else if (!isSpace(c)) lineStart = false;
      if (c === C.LBrace || c === C.LBracket || c === C.LParen) depth++;
      else if (c === C.RBrace || c === C.RBracket || c === C.RParen) {
        if (depth === 0 && c === C.RBrace && i >= errorAt) break;
        depth = Math.max(0, depth - 1);
      } else if (c === C.Quote) {
        // To the end of the string or the line, whichever comes first.
        let j = i + 1;
        while (j < t.length) {
          const d = t.charCodeAt(j);
          if (d === C.Backslash) j += 2;
          else if (d === C.Quote || d === C.Newline) break;
          else j++;
        }
        i = t.charCodeAt(j) === C.Quote ? j + 1 : j;
        continue;
      } else if (c === C.Hash || (c === C.Slash && t.charCodeAt(i + 1) === C.Slash)) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length : nl;
        continue;
      }
      i++;
    }
    this.i = Math.max(i, itemStart + 1);
  }

  /** An attribute or a block, added to `out`. */
  private item(out: TfBody): void {
    const start = this.i;
    const name = this.identifier();
    this.skip();
    const c = this.code();
    if (c === C.Eq && this.code(this.i + 1) !== C.Eq) {
      this.i++;
      const value = this.expression();
      out.attributes.push({ name, value, start, end: this.lastEnd } satisfies TfAttribute);
      return;
    }
    const labels: string[] = [];
    for (;;) {
      const d = this.code();
      if (d === C.Quote) {
        const q = this.quoted();
        if (!q.literal) this.fail(q.start);
        labels.push(this.t.slice(q.start, q.end));
      } else if (isIdStart(d)) {
        labels.push(this.identifier());
      } else break;
      this.skip();
    }
    if (this.code() !== C.LBrace) this.fail();
    if (this.depth + 1 > MAX_DEPTH) this.fail();
    this.i++;
    this.depth++;
    let body: TfBody;
    try {
      body = this.body(true);
    } finally {
      this.depth--;
    }
    this.i++; // the `}`
    out.blocks.push({ type: name, labels, body, start, end: this.i } satisfies TfBlock);
  }

  /** End of the last token read (before any whitespace after it). */
  private lastEnd = 0;

  /** An expression: operations and a conditional over terms. */
  expression(): TfExpr {
    if (++this.depth > MAX_DEPTH) this.fail();
    try {
      return this.expressionInner();
    } finally {
      this.depth--;
    }
  }

  private expressionInner(): TfExpr {
    this.skip();
    const start = this.i;
    let e = this.term();
    let operated = false;
    for (;;) {
      this.skip();
      const len = this.binaryOperator();
      if (!len) break;
      this.i += len;
      this.skip();
      this.term();
      operated = true;
    }
    if (operated) e = { kind: 'other', parts: [], start, end: this.lastEnd };
    if (this.code() === C.Question) {
      this.i++;
      const whenTrue = this.expression();
      this.skip();
      if (this.code() !== C.Colon) this.fail();
      this.i++;
      const whenFalse = this.expression();
      return { kind: 'other', parts: [whenTrue, whenFalse], start, end: this.lastEnd };
    }
    return e;
  }

  /** Length of the binary operator here, or 0. */
  private binaryOperator(): number {
    const c = this.code();
    const d = this.code(this.i + 1);
    switch (c) {
      case C.Star:
      case C.Percent:
      case C.Plus:
        return 1;
      case C.Slash:
        return d === C.Slash || d === C.Star ? 0 : 1;
      case C.Minus:
        return 1;
      case C.Gt:
      case C.Lt:
        return d === C.Eq ? 2 : 1;
      case C.Eq:
        return d === C.Eq ? 2 : 0;
      case C.Bang:
        return d === C.Eq ? 2 : 0;
      case C.Amp:
        return d === C.Amp ? 2 : 0;
      case C.Pipe:
        return d === C.Pipe ? 2 : 0;
      default:
        return 0;
    }
  }

  /** A term with its postfix operators (index, attribute, splat). */
  private term(): TfExpr {
    const start = this.i;
    const c = this.code();
    if (c === C.Minus || c === C.Bang) {
      this.i++;
      this.skip();
      this.term();
      return { kind: 'other', parts: [], start, end: this.lastEnd };
    }
    // A variable keeps its path while only `.name` follows.
    let path: string[] | undefined;
    let primary: TfExpr;
    if (isIdStart(c)) {
      const name = this.identifier();
      this.lastEnd = this.i;
      const after = this.i;
      this.skip();
      if (this.code() === C.LParen) {
        primary = this.call(start);
      } else {
        this.i = after;
        if (name === 'true' || name === 'false') primary = { kind: 'bool', value: name === 'true', start, end: after };
        else if (name === 'null') primary = { kind: 'null', start, end: after };
        else {
          path = [name];
          primary = { kind: 'other', parts: [], start, end: after };
        }
      }
    } else primary = this.primary();
    let postfixed = false;
    for (;;) {
      const before = this.i;
      this.skip();
      const d = this.code();
      if (d === C.Dot && this.code(this.i + 1) !== C.Dot) {
        const e = this.code(this.i + 1);
        if (e === C.Star) {
          this.i += 2;
          path = undefined;
        } else {
          this.i++;
          this.skip();
          if (isDigit(this.code())) {
            while (isDigit(this.code())) this.i++;
            path = undefined;
          } else {
            const name = this.identifier();
            path?.push(name);
          }
        }
      } else if (d === C.LBracket) {
        this.i++;
        this.skip();
        if (this.code() === C.Star) {
          this.i++;
        } else {
          this.expression();
        }
        this.skip();
        if (this.code() !== C.RBracket) this.fail();
        this.i++;
        path = undefined;
      } else {
        this.i = before;
        break;
      }
      this.lastEnd = this.i;
      postfixed = true;
    }
    const end = this.lastEnd;
    if (path) return { kind: 'ref', path: path.join('.'), start, end };
    if (!postfixed) return primary;
    // `{ a = "x" }[var.k]`, `["a", "b"][0]`: any element may be chosen.
    const parts = primary.kind === 'object' ? primary.entries.map((x) => x.value) : primary.kind === 'tuple' ? primary.items : [];
    return { kind: 'other', parts, start, end };
  }

  private call(start: number): TfExpr {
    this.i++; // (
    const parts: TfExpr[] = [];
    this.skip();
    while (this.code() !== C.RParen) {
      parts.push(this.expression());
      this.skip();
      if (this.code() === C.Comma) {
        this.i++;
        this.skip();
      } else if (this.t.startsWith('...', this.i)) {
        this.i += 3;
        this.skip();
        break;
      } else break;
    }
    this.closeWith(C.RParen);
    return { kind: 'other', parts, start, end: this.i };
  }

  private primary(): TfExpr {
    const start = this.i;
    const c = this.code();
    if (c === C.Quote) {
      const q = this.quoted();
      this.lastEnd = this.i;
      if (q.literal) return { kind: 'string', value: this.t.slice(q.start, q.end), start: q.start, end: q.end };
      return { kind: 'other', parts: [], start, end: this.i };
    }
    if (isDigit(c)) {
      const re = c === C.Zero && this.code(this.i + 1) === 120 ? HEX_NUMBER : NUMBER;
      re.lastIndex = this.i;
      const m = re.exec(this.t);
      if (!m) this.fail();
      this.i += m[0].length;
      this.lastEnd = this.i;
      return { kind: 'number', value: Number(m[0]), start, end: this.i };
    }
    if (c === C.Lt && this.code(this.i + 1) === C.Lt) {
      this.heredoc();
      this.lastEnd = this.i;
      return { kind: 'other', parts: [], start, end: this.i };
    }
    if (c === C.LBracket) return this.tuple(start);
    if (c === C.LBrace) return this.object(start);
    if (c === C.LParen) {
      this.i++;
      const inner = this.expression();
      this.skip();
      this.closeWith(C.RParen);
      return inner;
    }
    return this.fail();
  }

  /** `for` opening a for expression (not an element named `for`). */
  private atFor(): boolean {
    if (!this.t.startsWith('for', this.i) || isIdPart(this.code(this.i + 3))) return false;
    const save = this.i;
    this.i += 3;
    this.skip();
    const yes = isIdStart(this.code());
    this.i = save;
    return yes;
  }

  /** `for k, v in coll :` */
  private forIntro(): void {
    this.i += 3;
    this.forVariablesIn();
    this.skip();
    if (this.code() !== C.Colon) this.fail();
    this.i++;
  }

  /** After `for` (an expression's or a template directive's): `k, v in coll`. */
  private forVariablesIn(): void {
    this.skip();
    this.identifier();
    this.skip();
    if (this.code() === C.Comma) {
      this.i++;
      this.skip();
      this.identifier();
      this.skip();
    }
    if (this.identifier() !== 'in') this.fail();
    this.expression();
  }

  /** A template's strip marker `~`, if here (and the space after it). */
  private stripMarker(): void {
    this.skip();
    if (this.code() === C.Tilde) {
      this.i++;
      this.skip();
    }
  }

  /** `if cond` before a for expression's closing bracket. */
  private forCondition(): void {
    this.skip();
    if (this.t.startsWith('if', this.i) && !isIdPart(this.code(this.i + 2))) {
      this.i += 2;
      this.expression();
      this.skip();
    }
  }

  private tuple(start: number): TfExpr {
    this.i++;
    this.skip();
    if (this.atFor()) {
      this.forIntro();
      this.expression();
      this.forCondition();
      this.closeWith(C.RBracket);
      return { kind: 'other', parts: [], start, end: this.i };
    }
    const items: TfExpr[] = [];
    while (this.code() !== C.RBracket) {
      items.push(this.expression());
      this.skip();
      if (this.code() !== C.Comma) break;
      this.i++;
      this.skip();
    }
    this.closeWith(C.RBracket);
    return { kind: 'tuple', items, start, end: this.i };
  }

  private object(start: number): TfExpr {
    this.i++;
    this.skip();
    if (this.atFor()) {
      this.forIntro();
      this.expression();
      this.skip();
      if (!this.t.startsWith('=>', this.i)) this.fail();
      this.i += 2;
      this.expression();
      this.skip();
      if (this.t.startsWith('...', this.i)) this.i += 3;
      this.forCondition();
      this.closeWith(C.RBrace);
      return { kind: 'other', parts: [], start, end: this.i };
    }
    const entries: TfEntry[] = [];
    while (this.code() !== C.RBrace) {
      const key = this.expression();
      this.skip();
      const sep = this.code();
      if (!(sep === C.Eq && this.code(this.i + 1) !== C.Eq) && sep !== C.Colon) this.fail();
      this.i++;
      const value = this.expression();
      const name = this.keyName(key);
      if (name !== undefined) entries.push({ key: name, value });
      this.skip();
      if (this.code() === C.Comma) {
        this.i++;
        this.skip();
      }
    }
    this.i++;
    this.lastEnd = this.i;
    return { kind: 'object', entries, start, end: this.i };
  }

  /** An object key: a bare name, or a literal string. */
  private keyName(key: TfExpr): string | undefined {
    if (key.kind === 'string') return key.value;
    if (key.kind === 'ref' && !key.path.includes('.')) return key.path;
    return undefined;
  }

  /**
   * A quoted string from its `"`: literal, or a template (interpolations and directives read as
   * expressions). Newlines are allowed, as the grammar allowed them.
   */
  private quoted(): Quoted {
    this.i++; // "
    const open = this.i;
    let literal = true;
    let first = -1;
    let last = -1;
    for (;;) {
      const c = this.code();
      if (c < 0) this.fail();
      if (c === C.Quote) break;
      const at = this.i;
      if (c === C.Backslash) {
        const e = this.code(at + 1);
        if (e === C.Quote || e === 110 || e === 114 || e === 116 || e === C.Backslash) this.i += 2;
        else if (e === 117 || e === 85) {
          const n = e === 117 ? 4 : 8;
          for (let k = 0; k < n; k++) if (!isHex(this.code(at + 2 + k))) this.fail(at);
          this.i += 2 + n;
        } else this.fail(at);
      } else if ((c === C.Dollar || c === C.Percent) && this.code(at + 1) === C.LBrace) {
        literal = false;
        this.templateSequence(c === C.Percent);
        continue;
      } else if ((c === C.Dollar || c === C.Percent) && this.code(at + 1) === c && this.code(at + 2) === C.LBrace) {
        this.i += 3; // $${ and %%{ are literal
      } else {
        if (c >= 0xd800 && c <= 0xdbff) this.i += 2;
        else this.i++;
        if (isScannerSpace(c)) continue;
      }
      if (first < 0) first = at;
      last = this.i;
    }
    this.i++; // "
    if (first < 0) return { literal, start: open, end: open };
    return { literal, start: first, end: last };
  }

  /** `${ expr }` or `%{ directive }`, from the `$` or `%`. */
  private templateSequence(directive: boolean): void {
    this.i += 2;
    this.stripMarker();
    if (directive) {
      const word = this.identifier();
      if (word === 'if') this.expression();
      else if (word === 'for') this.forVariablesIn();
      else if (word !== 'else' && word !== 'endif' && word !== 'endfor') this.fail();
    } else if (this.code() !== C.RBrace && this.code() !== C.Tilde) this.expression();
    this.stripMarker();
    if (this.code() !== C.RBrace) this.fail();
    this.i++;
  }

  /** `<<EOF` … `EOF` (or `<<-EOF`): to the line holding only the identifier. */
  private heredoc(): void {
    const t = this.t;
    this.i += 2;
    if (this.code() === C.Minus) this.i++;
    const idStart = this.i;
    while (isIdPart(this.code())) this.i++;
    const id = t.slice(idStart, this.i);
    if (!id) this.fail();
    let lineEnd = t.indexOf('\n', this.i);
    while (lineEnd >= 0) {
      const next = t.indexOf('\n', lineEnd + 1);
      const line = t.slice(lineEnd + 1, next < 0 ? t.length : next);
      const trimmed = line.trim();
      if (trimmed === id) {
        this.i = lineEnd + 1 + line.indexOf(id) + id.length;
        return;
      }
      lineEnd = next;
    }
    this.fail(idStart);
  }
}

/** Reads an HCL file (native syntax) into a TfBody; never throws for bad input. */
export function parseHclBody(text: string): HclParse {
  const p = new Parser(text);
  let body: TfBody;
  // The grammar also read a file that is one object (a `.tfvars` written as JSON): nothing in it is a body.
  const lead = /^(?:\s|#[^\n]*(?:\n|$)|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0].length ?? 0;
  if (text.charCodeAt(lead) === C.LBrace) {
    try {
      p.expression();
      return { body: { attributes: [], blocks: [] } };
    } catch (err) {
      if (!(err instanceof HclSyntaxError)) throw err;
      return { body: { attributes: [], blocks: [] }, errorAt: err.at };
    }
  }
  try {
    body = p.body(false);
  } catch (err) {
    if (!(err instanceof HclSyntaxError)) throw err;
    return { body: { attributes: [], blocks: [] }, errorAt: err.at };
  }
  return p.firstError === undefined ? { body } : { body, errorAt: p.firstError };
}
