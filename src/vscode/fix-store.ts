/**
 * What the quick fixes need to know about the findings on screen, per document and version
 * (after vscode-eslint's CodeActionsProvider): a fix is looked up by a stable key made from the
 * diagnostic's rule and range, and only for the document version it was computed for, so a fix
 * computed for older text is never applied to newer text. Editor-free.
 */
import type { Finding, Fix } from '../core/types';

export interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The key of a finding as shown: rule id and 0-based range. */
export function fixKey(ruleId: string, range: RangeLike): string {
  return `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** A finding's range as the editor shows it (0-based, from the 1-based contract fields). */
export function findingRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): RangeLike {
  return { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } };
}

export interface StoredFinding {
  ruleId: string;
  docsUrl: string;
  /** Fixes with offsets into the document the entry was recorded for. */
  fixes: Fix[];
  instanceType?: string;
  suggestedInstanceType?: string;
}

interface Entry {
  version: number;
  byKey: Map<string, StoredFinding>;
}

export class FixStore {
  private readonly docs = new Map<string, Entry>();

  /** Records what was published for a document version (replaces what was there). */
  record(uri: string, version: number, items: Iterable<{ key: string; finding: StoredFinding }>): void {
    const byKey = new Map<string, StoredFinding>();
    for (const { key, finding } of items) byKey.set(key, finding);
    this.docs.set(uri, { version, byKey });
  }

  /** The finding behind a diagnostic, only if recorded for exactly this version. */
  get(uri: string, version: number, key: string): StoredFinding | undefined {
    const e = this.docs.get(uri);
    if (!e || e.version !== version) return undefined;
    return e.byKey.get(key);
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }

  clear(): void {
    this.docs.clear();
  }
}
