/* Writes docs/rules/README.md, the index of every rule (run: node -r esbuild-register scripts/rules-index.ts). */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers } from '../src/analyzers';

export function rulesIndex(): string {
  const rules = allAnalyzers.flatMap((a) => a.rules.map((r) => r.meta)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = rules.map((m) => `| [${m.id}](${m.id}.md) | ${m.category} | ${m.severity} | ${m.effort} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`);
  return [
    '# Rules',
    '',
    `${rules.length} rules. Each page says what the rule finds, why it matters, how to fix it, with an example.`,
    'Instance-type rules report `gpu-instance`, `x86-instance` or `portable-instance` by the type they find.',
    '',
    '| Rule | Category | Default severity | Effort | Quick fix | What it finds |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(path.resolve(__dirname, '../docs/rules/README.md'), rulesIndex());
}
