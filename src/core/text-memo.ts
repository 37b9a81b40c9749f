import { detach } from './detach';

/**
 * A memo keyed by text, for work that outlives the document it came from (parts of open
 * documents, names, instance types). Keys are stored detached (see detach.ts), so a remembered
 * key never keeps a whole document alive; the least recently used entries go first once the memo
 * holds more than `maxEntries` entries or `maxChars` characters of keys.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, { key: string; value: V }>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  /** The remembered value (which may itself be undefined or null), or undefined when unknown. */
  lookup(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used goes last, under its stored (detached) key.
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    return entry;
  }

  /** Remembers `value` for `key`; `detached` says the key is already a detached copy. */
  remember(key: string, value: V, detached = false): void {
    const own = detached ? key : detach(key);
    const old = this.entries.get(own);
    if (old) this.chars -= old.key.length;
    this.entries.delete(own);
    this.entries.set(own, { key: own, value });
    this.chars += own.length;
    while (this.entries.size > this.maxEntries || (this.chars > this.maxChars && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}
