/**
 * The "suppress" quick fixes: which comment syntax a file takes and the text edit that adds
 * `accel-advisor-ignore-next-line RULE -- reason` above a line or `accel-advisor-ignore-file RULE
 * -- reason` at the top of the file (syntax: src/core/suppressions.ts). Editor-free.
 *
 * The line form goes on its own line above the finding rather than at the end of it: Dockerfiles
 * have no trailing comments, and a line of its own never changes what the code line means.
 */

/** Languages whose comments start with `#`. */
const HASH = new Set([
  'python', 'yaml', 'terraform', 'terraform-vars', 'hcl', 'dockerfile', 'dockercompose', 'shellscript', 'toml',
  'pip-requirements', 'cmake', 'makefile', 'properties', 'ruby', 'r', 'perl', 'powershell', 'ini',
]);
/** Languages whose comments start with `//`. */
const SLASHES = new Set(['c', 'cpp', 'cuda-cpp', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'jsonc', 'go', 'rust', 'java', 'scala', 'kotlin', 'csharp']);

/** By file name, for documents whose language id is generic (plaintext). */
function byFileName(fileName: string): string | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  if (/^(dockerfile|containerfile)(\..*)?$|\.dockerfile$/.test(base)) return '#';
  if (/^requirements.*\.(txt|in)$|\.(py|pyi|ya?ml|tf|tfvars|hcl|sh|bash|toml|cfg|ini|cmake)$|^(cmakelists\.txt|makefile|pipfile)$/.test(base)) return '#';
  if (/\.(c|cc|cpp|cxx|h|hh|hpp|cu|cuh|ts|tsx|js|jsx|mjs|cjs|jsonc)$/.test(base)) return '//';
  return undefined;
}

/** The line-comment opener for a document, or undefined when it has none (JSON). */
export function commentSyntax(languageId: string, fileName: string): string | undefined {
  if (languageId === 'json') return undefined;
  if (HASH.has(languageId)) return '#';
  if (SLASHES.has(languageId)) return '//';
  return byFileName(fileName);
}

export interface LineSource {
  lineCount: number;
  lineText(line: number): string;
}

export interface InsertEdit {
  /** 0-based line; the text is inserted at character 0 of it (or appended at `character`). */
  line: number;
  character: number;
  newText: string;
}

const REASON = '-- reason: ';

/** Adds the rule to an existing `ignore-next-line` comment on the line above, or inserts one. */
export function lineSuppressionEdit(doc: LineSource, line0: number, ruleId: string, comment: string): InsertEdit {
  const target = doc.lineText(line0);
  const indent = /^[ \t]*/.exec(target)![0];
  if (line0 > 0) {
    const above = doc.lineText(line0 - 1);
    const marker = above.indexOf('accel-advisor-ignore-next-line');
    if (marker >= 0 && above.trimStart().startsWith(comment)) {
      const listStart = marker + 'accel-advisor-ignore-next-line'.length;
      const reason = above.slice(listStart).search(/\s--(\s|$)/);
      const listEnd = reason >= 0 ? listStart + reason : above.trimEnd().length;
      const hasRules = above.slice(listStart, listEnd).trim().length > 0;
      return { line: line0 - 1, character: listEnd, newText: hasRules ? `, ${ruleId}` : ` ${ruleId}` };
    }
  }
  return { line: line0, character: 0, newText: `${indent}${comment} accel-advisor-ignore-next-line ${ruleId} ${REASON}\n` };
}

/** Lines that must stay first: shebangs, Python coding cookies, Dockerfile parser directives. */
function isHeaderLine(text: string): boolean {
  return /^#!/.test(text) || /^#.*coding[:=]/.test(text) || /^#\s*(syntax|escape|check)\s*=/i.test(text);
}

export function fileSuppressionEdit(doc: LineSource, ruleId: string, comment: string): InsertEdit {
  let line = 0;
  while (line < doc.lineCount - 1 && line < 3 && isHeaderLine(doc.lineText(line))) line++;
  return { line, character: 0, newText: `${comment} accel-advisor-ignore-file ${ruleId} ${REASON}\n` };
}
