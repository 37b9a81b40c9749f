/** Finds the instance type token under the cursor in a line of any file kind. Editor-free. */
import { INSTANCE_TYPE_SCAN_RE } from '../core/catalog';

export interface TokenAt {
  text: string;
  /** 0-based characters in the line; end exclusive. */
  start: number;
  end: number;
}

export function instanceTypeAt(lineText: string, character: number): TokenAt | undefined {
  const re = new RegExp(INSTANCE_TYPE_SCAN_RE.source, INSTANCE_TYPE_SCAN_RE.flags);
  for (const m of lineText.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (character >= start && character <= end) return { text: m[0], start, end };
    if (start > character) break;
  }
  return undefined;
}
