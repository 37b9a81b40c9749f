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
