import type { SourceDocument } from './document';
import { OpenStates } from './open-documents';
import { changedRange } from './text-diff';

/** The deepest nesting of ( [ { in the text, counting stops once past `limit`. */
export function bracketDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/** Openers and closers in text[from, to). */
function brackets(text: string, from: number, to: number): { open: number; close: number } {
  let open = 0;
  let close = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) open++;
    else if (c === 41 || c === 93 || c === 125) close++;
  }
  return { open, close };
}

/**
 * What an open document's last version was known to nest at most (an upper bound). After an
 * edit, the new text nests at most that plus the openers typed and the closers deleted (each
 * moves the depth of what follows by one at most), so a 20,000-line document is scanned again
 * only when that bound passes the limit, not on every keystroke.
 */
const known = new OpenStates<{ text: string; atMost: number }>(16);

/** Whether the document nests ( [ { deeper than `limit`. */
export function nestsDeeperThan(doc: SourceDocument, limit: number): boolean {
  const key = doc.cacheKey;
  const text = doc.text;
  const prev = key === undefined ? undefined : known.take(key);
  let atMost: number | undefined;
  if (prev) {
    const c = changedRange(prev.text, text);
    const bound = prev.atMost + brackets(text, c.start, c.newEnd).open + brackets(prev.text, c.start, c.oldEnd).close;
    if (bound <= limit) atMost = bound;
  }
  atMost ??= bracketDepth(text, limit);
  if (key !== undefined) known.keep(key, { text, atMost });
  return atMost > limit;
}
