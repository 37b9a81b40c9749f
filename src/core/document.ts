import { lastAtOrBefore } from './text-diff';

/** A text document being analysed, with offset ↔ position conversion (UTF-16 code units, 0-based). */
export interface Position {
  line: number;
  character: number;
}

export class SourceDocument {
  private lineStarts: number[] | undefined;

  constructor(
    /** Relative to the scan root, forward slashes (or an editor's path for unsaved documents). */
    readonly relPath: string,
    readonly text: string,
    /** Absolute path when the document is a file on disk. */
    readonly absPath?: string,
    /** Identifies an open editor document across edits, so parsers can reuse the previous tree. */
    readonly cacheKey?: string,
  ) {}

  /** Lower-cased base name, e.g. "dockerfile" or "requirements-dev.txt". */
  get baseName(): string {
    const i = this.relPath.lastIndexOf('/');
    return this.relPath.slice(i + 1).toLowerCase();
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      if (!t.includes('\r')) {
        // Newlines only (most files): native search, ~4× faster than stepping through characters.
        for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      } else {
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (c === 10) starts.push(i + 1);
          else if (c === 13) {
            if (t.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
          }
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(starts, o);
    return { line, character: o - starts[line] };
  }

  offsetAt(pos: Position): number {
    const starts = this.starts();
    if (pos.line >= starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const starts = this.starts();
    if (line + 1 >= starts.length) return this.text.length;
    let end = starts[line + 1];
    const t = this.text;
    if (end > 0 && t.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && t.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    const starts = this.starts();
    if (line < 0 || line >= starts.length) return '';
    return this.text.slice(starts[line], this.lineEnd(line));
  }
}
