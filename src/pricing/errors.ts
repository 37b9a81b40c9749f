import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

/** A price file (snapshot, cache or user prices) that cannot be used; the message names the file and the place. */
export class PriceFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'PriceFileError';
  }
}

/** `prices["us-east-1"]["p4d.24xlarge"]`: keys with dots stay readable. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out || '(top level)';
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON (or JSON with comments when `lenient`), failing with line and column. */
export function parseJsonText(text: string, file: string, lenient = false): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: lenient, disallowComments: !lenient, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumnAt(text, first.offset);
    throw new PriceFileError(file, `line ${line}, column ${column}: invalid JSON (${printParseErrorCode(first.error)})`);
  }
  return value;
}

/** The first zod issue as "line N: key: message" (line when the key can be found in `text`). */
type Issue = z.core.$ZodIssue;

/**
 * A union's own issue only says "Invalid input" (and a record's "Invalid key"): use the branch issue that got furthest into the
 * value (the longest path), which names the real problem ("us-east-1": expected number).
 */
function mostSpecific(issue: Issue): { path: PropertyKey[]; message: string } {
  // A bad record key: the key's own check says what is wrong with it.
  if (issue.code === 'invalid_key' && issue.issues[0]) return { path: issue.path, message: `bad key: ${issue.issues[0].message}` };
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path: issue.path, message: issue.message };
  let best: { path: PropertyKey[]; message: string } | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const inner = mostSpecific(first);
    if (!best || inner.path.length > best.path.length) best = inner;
  }
  return best ? { path: [...issue.path, ...best.path], message: best.message } : { path: issue.path, message: issue.message };
}

export function describeZodIssue(error: z.ZodError, text?: string): string {
  const first = error.issues[0];
  if (!first) return 'invalid content';
  const issue = mostSpecific(first);
  const keyPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let where = '';
  if (text !== undefined) {
    const node = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, keyPath);
    // For a bad key, point at the key itself rather than its value.
    const at = node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
    if (at !== undefined) where = `line ${lineColumnAt(text, at).line}: `;
  }
  return `${where}${formatKeyPath(keyPath)}: ${issue.message}`;
}
