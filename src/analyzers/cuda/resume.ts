import { lastAtOrBefore, type ChangedRange } from '../../core/text-diff';

/**
 * Passes over a C/C++ text (the parser mask, the token lexer) that can start again at a line start.
 * A pass records its "checkpoints": line starts where its state is clean (no directive, comment or
 * lookahead running on) and nothing it produced before depends on the text after. After an edit,
 * an open document is passed over again only around the edit: from the last checkpoint at or
 * before it, up to the first checkpoint after it at which the old pass stood at the same place of
 * the unchanged text; from there on, the old pass's output is the new one's, moved.
 */

/** Where a pass over the new text starts, and where it may stop. */
export interface Resume {
  /** The old checkpoint the pass starts from (at or before the edit), and its index. */
  from: number;
  fromIndex: number;
  /** How far the text after the edit moved. */
  delta: number;
  /**
   * At a clean line start `p` of the new text: the index of the old checkpoint at the same place of
   * the unchanged text after the edit (the pass can stop there), or -1.
   */
  stopAt(p: number): number;
}

export function resumeAt(checkpoints: readonly number[], edit: ChangedRange): Resume {
  const fromIndex = lastAtOrBefore(checkpoints, edit.start);
  const delta = edit.newEnd - edit.oldEnd;
  return {
    from: checkpoints[fromIndex],
    fromIndex,
    delta,
    stopAt(p) {
      if (p < edit.newEnd) return -1;
      const k = lastAtOrBefore(checkpoints, p - delta);
      return checkpoints[k] === p - delta ? k : -1;
    },
  };
}

/** The old checkpoints from index `k` on, moved by `delta`, appended to `into`. */
export function appendMoved(into: number[], checkpoints: readonly number[], k: number, delta: number): void {
  for (let j = k; j < checkpoints.length; j++) into.push(checkpoints[j] + delta);
}
