import { pricingBasisLabel, type ReportDocument } from './model';
import { describeSavings, formatUsd } from './money';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

/**
 * File names, code and configuration values can carry control characters (ANSI escapes that
 * recolour, retitle or clear the terminal, CR/LF that forge lines): show them as visible escapes.
 */
export function terminalSafe(value: unknown): string {
  // C0/C1 controls and the bidirectional overrides that can reorder what a terminal shows ("Trojan source").
  return String(value ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const code = c.charCodeAt(0);
    return named[c] ?? (code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`);
  });
}

/** Terminal output: findings grouped by file, then a summary. Colour only when asked (a TTY). */
export function formatText(report: ReportDocument, opts: TextOptions): string {
  const t = terminalSafe;
  const paint = (code: keyof typeof CODES, s: string) => (opts.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const sev = { error: paint('red', 'error'), warning: paint('yellow', 'warning'), info: paint('cyan', 'info') };
  const lines: string[] = [];
  let currentFile = '';
  for (const f of report.findings) {
    if (f.file !== currentFile) {
      if (currentFile) lines.push('');
      currentFile = f.file;
      lines.push(paint('bold', t(f.file)));
    }
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${sev[f.severity].padEnd(opts.color ? 16 : 7)} ${t(f.message)}  ${paint('dim', t(f.ruleId))}`);
    lines.push(`  ${''.padEnd(8)} ${''.padEnd(7)} ${paint('dim', `→ ${t(f.advice)}`)}`);
    if (f.cost && f.cost.monthlyUsd !== null) {
      const c = f.cost;
      const now = `${formatUsd(c.monthlyUsd)}/mo`;
      const then = c.suggestedMonthlyUsd !== null ? ` → ${t(f.suggestedInstanceType)} ${formatUsd(c.suggestedMonthlyUsd)}/mo (${describeSavings(c.monthlySavingsUsd)})` : '';
      lines.push(`  ${''.padEnd(8)} ${''.padEnd(7)} ${paint('green', `$ ${c.count}× ${t(f.instanceType)} ${now}${then}, ${t(c.region)}`)}`);
    } else if (f.cost && f.cost.note) {
      lines.push(`  ${''.padEnd(8)} ${''.padEnd(7)} ${paint('dim', `$ ${t(f.cost.note)}`)}`);
    }
  }
  if (report.errors.length) {
    lines.push('', paint('bold', 'Files that could not be read or parsed'));
    for (const e of report.errors) lines.push(`  ${t(e.file)}: ${t(e.message)}`);
  }
  const s = report.summary;
  const total = report.findings.length;
  const counts = Object.entries(s.byCategory)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  lines.push(
    '',
    paint('bold', `${total} finding${total === 1 ? '' : 's'}`) +
      ` in ${s.filesScanned} file${s.filesScanned === 1 ? '' : 's'} scanned (${s.filesSkipped} skipped)${counts ? `: ${counts}` : ''}`,
    `Lock-in score: ${paint('bold', `${s.lockInScore}/100`)}`,
  );
  if (s.monthlyUsd > 0 || s.unpricedInstances > 0) {
    lines.push(
      `Monthly cost of instances found: ${formatUsd(s.monthlyUsd)}; with suggested counterparts: ${formatUsd(s.suggestedMonthlyUsd)}; difference ${formatUsd(s.monthlySavingsUsd)}` +
        (s.unpricedInstances ? ` (${s.unpricedInstances} without a known price)` : ''),
      paint('dim', `Prices: ${t(pricingBasisLabel(report.pricing))}`),
    );
  }
  if (s.migrationPlan.length) {
    lines.push('', paint('bold', 'Migration plan'));
    for (const p of s.migrationPlan) lines.push(`  ${p.step}. ${p.title} — ${p.findings} finding${p.findings === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}, effort ${p.effort}`);
  }
  return `${lines.join('\n')}\n`;
}
