import type { ScanError } from '../core/types';

/**
 * The errors of open documents, remembered per document, so that the log says them when they
 * change and not on every keystroke: a Terraform file is broken while a block is being typed,
 * and each edit is analysed again.
 */
export class DocumentErrors {
  private readonly said = new Map<string, string>();

  /** The lines to log for this analysis of the document (none if they are what was said last). */
  toLog(key: string, errors: readonly ScanError[]): string[] {
    const lines = errors.map((e) => `${e.file}: ${e.message}`);
    const now = lines.join('\n');
    if (!now) {
      this.said.delete(key);
      return [];
    }
    if (this.said.get(key) === now) return [];
    this.said.set(key, now);
    return lines;
  }

  /** The document closed: what it said is forgotten (reopened, it says it again). */
  forget(key: string): void {
    this.said.delete(key);
  }
}
