import { detach } from './detach';

/**
 * A memo keyed by text, for work that outlives the document it came from (parts of open
 * documents, names, instance types). Keys are stored detached (see detach.ts), so a remembered
 * key never keeps a whole document alive. Once the memo holds more than `maxEntries` entries or
 * `maxChars` characters of keys, the oldest entries go first, except that an entry used since it
 * was stored is spared once and counts as new ("second chance", an approximation of least
 * recently used that keeps a lookup to one map read: re-inserting on every hit cost ~0.6 µs, 15 ms
 * per edit of a 5k-line CUDA file).
 */
/**
 * A part of a document remembered at offset 0 (a YAML document, a Terraform block, a
 * CloudFormation resource), with the copy of it last handed out and that copy's offset.
 */
export interface Placed<T> {
  part: T;
  at?: number;
  copy?: T;
}

/**
 * The part moved to `start`. A part that has not moved since the last edit (one before it) is
 * handed out as the very same objects: nothing to copy, and what rules worked out from those
 * objects (kept by object) is still known.
 */
export function placeAt<T>(placed: Placed<T>, start: number, move: (part: T, by: number) => T): T {
  if (placed.at !== start || placed.copy === undefined) {
    placed.copy = move(placed.part, start);
    placed.at = start;
  }
  return placed.copy;
}

export class TextMemo<V> {
  private readonly entries = new Map<string, { key: string; value: V; used: boolean }>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  /** The remembered value (which may itself be undefined or null), or undefined when unknown. */
  lookup(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.used = true;
    return entry;
  }

  /** Remembers `value` for `key`; `detached` says the key is already a detached copy. */
  remember(key: string, value: V, detached = false): void {
    const own = detached ? key : detach(key);
    const old = this.entries.get(own);
    if (old) this.chars -= old.key.length;
    this.entries.delete(own);
    this.entries.set(own, { key: own, value, used: false });
    this.chars += own.length;
    while (this.entries.size > this.maxEntries || (this.chars > this.maxChars && this.entries.size > 1)) {
      const oldest = this.entries.values().next().value as { key: string; value: V; used: boolean };
      this.entries.delete(oldest.key);
      if (oldest.used) {
        oldest.used = false;
        this.entries.set(oldest.key, oldest);
      } else {
        this.chars -= oldest.key.length;
      }
    }
  }
}
