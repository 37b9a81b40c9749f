import type { SourceDocument } from './document';

/**
 * Inline suppressions (contract): `accel-advisor-ignore RULE[,RULE] -- reason` on the line,
 * `accel-advisor-ignore-next-line RULE -- reason` on the line above, and
 * `accel-advisor-ignore-file RULE -- reason` anywhere for the whole file. No rule id = all rules.
 * The marker counts only inside a comment: some comment opener must precede it on its line.
 */
const MARKER_RE = /accel-advisor-ignore(-next-line|-file)?\b([^\n\r]*)/g;
const COMMENT_OPENERS = ['#', '//', '/*', '<!--', '--', ';', '%'];

/** Rule ids suppressed; `'*'` means all. */
type RuleSet = Set<string>;

export interface Suppressions {
  isSuppressed(ruleId: string, line0: number): boolean;
}

function parseRuleList(rest: string): RuleSet {
  const beforeReason = rest.split(/\s--\s|\s--$|\*\/|-->/)[0];
  const ids = beforeReason
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9-]+\/[a-z0-9-]+$/.test(s));
  return new Set(ids.length ? ids : ['*']);
}

function add(map: Map<number, RuleSet>, line: number, rules: RuleSet): void {
  const existing = map.get(line);
  if (existing) for (const r of rules) existing.add(r);
  else map.set(line, new Set(rules));
}

const matches = (set: RuleSet | undefined, ruleId: string) => !!set && (set.has('*') || set.has(ruleId));

export function parseSuppressions(doc: SourceDocument): Suppressions {
  const text = doc.text;
  if (!text.includes('accel-advisor-ignore')) return { isSuppressed: () => false };
  const byLine = new Map<number, RuleSet>();
  const fileWide: RuleSet = new Set();
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m; m = MARKER_RE.exec(text)) {
    const pos = doc.positionAt(m.index);
    const before = doc.lineText(pos.line).slice(0, pos.character);
    if (!COMMENT_OPENERS.some((o) => before.includes(o))) continue;
    const rules = parseRuleList(m[2]);
    if (m[1] === '-file') for (const r of rules) fileWide.add(r);
    else add(byLine, m[1] === '-next-line' ? pos.line + 1 : pos.line, rules);
  }
  return {
    isSuppressed: (ruleId, line0) => matches(fileWide, ruleId) || matches(byLine.get(line0), ruleId),
  };
}
