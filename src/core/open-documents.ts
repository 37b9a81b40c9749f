/**
 * What parsers keep per open document (syntax trees for incremental re-parsing, keyed by the
 * document's cache key) is forgotten here when the editor closes the document.
 */
const forgetters: ((cacheKey: string) => void)[] = [];

/** Registers what to forget for a closed document. */
export function onDocumentReleased(forget: (cacheKey: string) => void): void {
  forgetters.push(forget);
}

/** Forgets everything kept for an open document. */
export function releaseDocument(cacheKey: string): void {
  for (const forget of forgetters) forget(cacheKey);
}

/**
 * What one parser keeps for open documents, by cache key: the most recently used few, within a
 * budget of text (each state weighs its text's length; what is kept is usually a multiple of it),
 * forgotten when the editor closes the document. The newest state always stays.
 */
export class OpenStates<S extends { text: string }> {
  private readonly states = new Map<string, S>();

  constructor(
    private readonly maxStates: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {
    onDocumentReleased((cacheKey) => this.states.delete(cacheKey));
  }

  /** The state kept for `key`, taken out: a caller that fails half-way leaves nothing stale behind. */
  take(key: string): S | undefined {
    const state = this.states.get(key);
    this.states.delete(key);
    return state;
  }

  /** Keeps `state` for `key` as the most recent; the least recent go while over the budget. */
  keep(key: string, state: S): void {
    this.states.delete(key);
    this.states.set(key, state);
    let chars = 0;
    for (const s of this.states.values()) chars += s.text.length;
    for (const [oldestKey, oldest] of this.states) {
      if (this.states.size <= 1 || (this.states.size <= this.maxStates && chars <= this.maxChars)) break;
      this.states.delete(oldestKey);
      chars -= oldest.text.length;
    }
  }
}
