/**
 * An incremental JSON tokenizer: feed it text in chunks of any size (split anywhere, even inside
 * a string, an escape or a number) and it reports structure and scalar values as they complete,
 * checking the grammar as strictly as JSON.parse. Used to read AWS's offer files, which are
 * gigabytes: nothing but the current token is kept in memory.
 */

export type JsonScalar = string | number | boolean | null;

export interface JsonHandler {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  key(name: string): void;
  value(v: JsonScalar): void;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Characters consumed before the error (0-based offset into the whole text). */
    readonly offset: number,
  ) {
    super(`${message} at character ${offset}`);
    this.name = 'JsonSyntaxError';
  }
}

// Where the grammar stands: what may come next.
const enum S {
  TopValue,
  TopDone,
  ObjKeyOrEnd, // after "{"
  ObjKey, // after "," in an object
  ObjColon, // after a key
  ObjValue, // after ":"
  ObjCommaOrEnd, // after a member value
  ArrValueOrEnd, // after "["
  ArrValue, // after "," in an array
  ArrCommaOrEnd, // after an element
}

const enum Mode {
  Between,
  String,
  Number,
  Literal,
}

/** Single-character escapes, by the code of the character after the backslash. */
const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

/** What ends a run of plain string characters: a quote, a backslash or a control character (invalid in JSON). */
const STRING_SPECIAL = /["\\\u0000-\u001f]/g;

const NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MAX_DEPTH = 512;

function isNumberChar(c: number): boolean {
  // 0-9 + - . e E
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 101 || c === 69;
}

export class JsonTokenizer {
  private state: S = S.TopValue;
  private readonly stack: S[] = [];
  private mode: Mode = Mode.Between;
  private token = '';
  private stringIsKey = false;
  /** 0: none; 1: after a backslash; 2: inside \uXXXX, collecting `hex`. */
  private escape = 0;
  private hex = '';
  private offset = 0;
  private ended = false;

  constructor(private readonly handler: JsonHandler) {}

  /** Characters consumed so far. */
  get position(): number {
    return this.offset;
  }

  write(chunk: string): void {
    if (this.ended) throw new Error('write after end');
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.mode) {
        case Mode.String:
          i = this.readString(chunk, i);
          break;
        case Mode.Number: {
          const start = i;
          while (i < n && isNumberChar(chunk.charCodeAt(i))) i++;
          this.token += chunk.slice(start, i);
          this.offset += i - start;
          if (i < n) this.finishNumber();
          break;
        }
        case Mode.Literal: {
          const start = i;
          while (i < n) {
            const c = chunk.charCodeAt(i);
            if (c < 97 || c > 122) break; // a-z
            i++;
          }
          this.token += chunk.slice(start, i);
          this.offset += i - start;
          if (this.token.length > 5) this.fail(`unexpected token "${this.token.slice(0, 12)}"`);
          if (i < n) this.finishLiteral();
          break;
        }
        default: {
          const c = chunk.charCodeAt(i);
          if (c === 32 || c === 10 || c === 13 || c === 9) {
            // whitespace runs are most of a pretty-printed file: skip them here
            const start = i;
            i++;
            while (i < n) {
              const w = chunk.charCodeAt(i);
              if (w !== 32 && w !== 10 && w !== 13 && w !== 9) break;
              i++;
            }
            this.offset += i - start;
          } else {
            this.readStructural(c);
            i++;
          }
        }
      }
    }
  }

  /** Call once after the last chunk; throws when the text was incomplete or empty. */
  end(): void {
    if (this.ended) return;
    if (this.mode === Mode.Number) this.finishNumber();
    else if (this.mode === Mode.Literal) this.finishLiteral();
    if (this.mode === Mode.String) this.fail('unexpected end of input inside a string (truncated?)');
    if (this.state !== S.TopDone) {
      this.fail(this.state === S.TopValue && this.stack.length === 0 ? 'empty input: no JSON value' : 'unexpected end of input (truncated?)');
    }
    this.ended = true;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.offset);
  }

  private readStructural(c: number): void {
    switch (c) {
      case 32: // space
      case 9: // \t
      case 10: // \n
      case 13: // \r
        break;
      case 123: // {
        this.beginValue();
        if (this.stack.length >= MAX_DEPTH) this.fail('nesting too deep');
        this.stack.push(this.state);
        this.state = S.ObjKeyOrEnd;
        this.handler.startObject();
        break;
      case 125: // }
        if (this.state !== S.ObjKeyOrEnd && this.state !== S.ObjCommaOrEnd) this.fail('unexpected "}"');
        this.state = this.stack.pop()!;
        this.handler.endObject();
        this.afterValue();
        break;
      case 91: // [
        this.beginValue();
        if (this.stack.length >= MAX_DEPTH) this.fail('nesting too deep');
        this.stack.push(this.state);
        this.state = S.ArrValueOrEnd;
        this.handler.startArray();
        break;
      case 93: // ]
        if (this.state !== S.ArrValueOrEnd && this.state !== S.ArrCommaOrEnd) this.fail('unexpected "]"');
        this.state = this.stack.pop()!;
        this.handler.endArray();
        this.afterValue();
        break;
      case 58: // :
        if (this.state !== S.ObjColon) this.fail('unexpected ":"');
        this.state = S.ObjValue;
        break;
      case 44: // ,
        if (this.state === S.ObjCommaOrEnd) this.state = S.ObjKey;
        else if (this.state === S.ArrCommaOrEnd) this.state = S.ArrValue;
        else this.fail('unexpected ","');
        break;
      case 34: // "
        if (this.state === S.ObjKeyOrEnd || this.state === S.ObjKey) this.stringIsKey = true;
        else {
          this.beginValue();
          this.stringIsKey = false;
        }
        this.mode = Mode.String;
        this.token = '';
        break;
      default:
        if (c === 45 || (c >= 48 && c <= 57)) {
          this.beginValue();
          this.mode = Mode.Number;
          this.token = String.fromCharCode(c);
        } else if (c === 116 || c === 102 || c === 110) {
          // t f n
          this.beginValue();
          this.mode = Mode.Literal;
          this.token = String.fromCharCode(c);
        } else {
          this.fail(`unexpected character ${JSON.stringify(String.fromCharCode(c))}`);
        }
    }
    this.offset++;
  }

  /** Checks that a value may start here. */
  private beginValue(): void {
    const s = this.state;
    if (s !== S.TopValue && s !== S.ObjValue && s !== S.ArrValueOrEnd && s !== S.ArrValue) {
      this.fail(s === S.TopDone ? 'unexpected data after the JSON value' : s === S.ObjColon ? 'expected ":"' : 'expected "," or a closing bracket');
    }
  }

  private afterValue(): void {
    switch (this.state) {
      case S.TopValue:
        this.state = S.TopDone;
        break;
      case S.ObjValue:
        this.state = S.ObjCommaOrEnd;
        break;
      case S.ArrValueOrEnd:
      case S.ArrValue:
        this.state = S.ArrCommaOrEnd;
        break;
      default:
        this.fail('internal: value in an unexpected state');
    }
  }

  /** Reads string content from chunk[i]; returns where it stopped. */
  private readString(chunk: string, i: number): number {
    const n = chunk.length;
    let start = i;
    while (i < n) {
      if (this.escape === 0) {
        // Jump to the next quote, backslash or control character.
        STRING_SPECIAL.lastIndex = i;
        const m = STRING_SPECIAL.exec(chunk);
        if (!m) break;
        i = m.index;
      }
      const c = chunk.charCodeAt(i);
      if (this.escape === 0) {
        if (c === 34) {
          // closing quote
          this.token += chunk.slice(start, i);
          this.offset += i - start + 1;
          this.mode = Mode.Between;
          const text = this.token;
          this.token = '';
          if (this.stringIsKey) {
            this.state = S.ObjColon;
            this.handler.key(text);
          } else {
            this.handler.value(text);
            this.afterValue();
          }
          return i + 1;
        }
        if (c === 92) {
          this.token += chunk.slice(start, i);
          this.offset += i - start + 1;
          this.escape = 1;
          i++;
          start = i;
          continue;
        }
        if (c < 32) {
          this.offset += i - start;
          this.fail('control character in a string');
        }
        i++;
        continue;
      }
      // inside an escape
      this.offset++;
      if (this.escape === 1) {
        if (c === 117) {
          this.escape = 2;
          this.hex = '';
        } else if (ESCAPES[c] !== undefined) {
          this.token += ESCAPES[c];
          this.escape = 0;
        } else {
          this.fail('bad escape in a string');
        }
      } else {
        const isHex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
        if (!isHex) this.fail('bad \\u escape in a string');
        this.hex += String.fromCharCode(c);
        if (this.hex.length === 4) {
          // Surrogate halves arrive as separate escapes and join in the UTF-16 string, as in JSON.parse.
          this.token += String.fromCharCode(parseInt(this.hex, 16));
          this.escape = 0;
        }
      }
      i++;
      start = i;
    }
    this.token += chunk.slice(start, n);
    this.offset += n - start;
    return n;
  }

  private finishNumber(): void {
    const text = this.token;
    this.token = '';
    this.mode = Mode.Between;
    if (!NUMBER_RE.test(text)) this.fail(`bad number "${text.slice(0, 24)}"`);
    this.handler.value(Number(text));
    this.afterValue();
  }

  private finishLiteral(): void {
    const text = this.token;
    this.token = '';
    this.mode = Mode.Between;
    if (text === 'true') this.handler.value(true);
    else if (text === 'false') this.handler.value(false);
    else if (text === 'null') this.handler.value(null);
    else this.fail(`unexpected token "${text}"`);
    this.afterValue();
  }
}
