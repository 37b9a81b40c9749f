import type { JsonHandler, JsonScalar } from './json-tokenizer';

export type JsonValue = JsonScalar | JsonValue[] | { [key: string]: JsonValue };
export type ValueKind = 'object' | 'array' | 'scalar';

/**
 * What to do with the value that starts at `path` (object keys, array indexes as strings):
 * build it whole and hand it over ('collect'), walk into it and ask again for its children
 * ('descend'), or pass over it without building anything ('skip').
 */
export type Selector = (path: readonly string[], kind: ValueKind) => 'collect' | 'descend' | 'skip';

export interface SelectHandlers {
  select: Selector;
  /** A collected value, complete. */
  collected(path: readonly string[], value: JsonValue): void;
  /** A container that was descended into has closed. */
  closed?(path: readonly string[]): void;
}

interface WalkFrame {
  array: boolean;
  /** The current key (objects) or index (arrays). */
  key: string;
  index: number;
}

interface BuildFrame {
  container: JsonValue[] | { [key: string]: JsonValue };
  key: string;
}

function attach(frame: BuildFrame, value: JsonValue): void {
  if (Array.isArray(frame.container)) frame.container.push(value);
  else if (frame.key === '__proto__') {
    Object.defineProperty(frame.container, frame.key, { value, enumerable: true, writable: true, configurable: true });
  } else frame.container[frame.key] = value;
}

/**
 * Turns tokenizer events into the few values a reader wants, building only those: the rest of a
 * multi-gigabyte document streams past without being kept.
 */
export class JsonSelector implements JsonHandler {
  private readonly walk: WalkFrame[] = [];
  private skipDepth = 0;
  private build: BuildFrame[] = [];
  private buildPath: readonly string[] = [];

  constructor(private readonly h: SelectHandlers) {}

  private path(): string[] {
    return this.walk.map((f) => (f.array ? String(f.index) : f.key));
  }

  /** After a child value of the walked container is done. */
  private childDone(): void {
    const top = this.walk[this.walk.length - 1];
    if (top?.array) top.index++;
  }

  private startContainer(array: boolean): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (this.build.length > 0) {
      const container = array ? [] : {};
      attach(this.build[this.build.length - 1]!, container);
      this.build.push({ container, key: '' });
      return;
    }
    const path = this.path();
    const decision = this.h.select(path, array ? 'array' : 'object');
    if (decision === 'skip') this.skipDepth = 1;
    else if (decision === 'collect') {
      this.buildPath = path;
      this.build.push({ container: array ? [] : {}, key: '' });
    } else this.walk.push({ array, key: '', index: 0 });
  }

  private endContainer(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (this.skipDepth === 0) this.childDone();
      return;
    }
    if (this.build.length > 0) {
      const done = this.build.pop()!;
      if (this.build.length === 0) {
        this.h.collected(this.buildPath, done.container);
        this.childDone();
      }
      return;
    }
    // The closing container's own path: every walked frame's key except its own (which names its child).
    const path = this.path().slice(0, -1);
    this.walk.pop();
    this.h.closed?.(path);
    this.childDone();
  }

  startObject(): void {
    this.startContainer(false);
  }
  startArray(): void {
    this.startContainer(true);
  }
  endObject(): void {
    this.endContainer();
  }
  endArray(): void {
    this.endContainer();
  }

  key(name: string): void {
    if (this.skipDepth > 0) return;
    if (this.build.length > 0) {
      this.build[this.build.length - 1]!.key = name;
      return;
    }
    const top = this.walk[this.walk.length - 1];
    if (top) top.key = name;
  }

  value(v: JsonScalar): void {
    if (this.skipDepth > 0) return;
    if (this.build.length > 0) {
      attach(this.build[this.build.length - 1]!, v);
      return;
    }
    const path = this.path();
    if (this.h.select(path, 'scalar') === 'collect') this.h.collected(path, v);
    this.childDone();
  }
}
