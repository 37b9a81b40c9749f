import { pricingBasisLabel, type ReportDocument } from './model';
import { formatHourly, formatUsd } from './money';

/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks, no code spans leaking. */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\[/g, '\\[')
    .replace(/\]/g, '\\]')
    .replace(/\*/g, '\\*')
    .replace(/_/g, '\\_')
    .replace(/[\r\n]+/g, ' ');
}

export function formatMarkdown(report: ReportDocument): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# Accel Advisor report', '');
  out.push(`Scanned \`${mdCell(report.root)}\`: ${s.filesScanned} files (${s.filesSkipped} skipped), ${report.findings.length} findings.`, '');
  out.push(`**Lock-in score: ${s.lockInScore}/100** (0 = portable, 100 = deeply locked in)`, '');

  out.push('## Findings by category', '', '| Category | Findings |', '|---|---:|');
  for (const [c, n] of Object.entries(s.byCategory)) if (n) out.push(`| ${c} | ${n} |`);
  out.push('');

  const priced = report.findings.filter((f) => f.instanceType);
  if (priced.length) {
    const p = report.pricing;
    out.push('## Cost', '');
    out.push(`Prices: ${mdCell(pricingBasisLabel(p))}.`, '');
    out.push('| File | Instance | Count | Hourly | Monthly | Counterpart | Counterpart monthly | Savings/month |', '|---|---|---:|---:|---:|---|---:|---:|');
    for (const f of priced) {
      const c = f.cost;
      out.push(
        `| ${mdCell(f.file)}:${f.line} | ${mdCell(f.instanceType!)} | ${c?.count ?? 1} | ${formatHourly(c?.hourlyUsd)} | ${formatUsd(c?.monthlyUsd)}${f.countedElsewhere ? ' (counted once)' : ''} | ${mdCell(f.suggestedInstanceType ?? '—')} | ${c?.suggestedMonthlyUsd != null ? formatUsd(c.suggestedMonthlyUsd) : '—'} | ${c?.monthlySavingsUsd != null ? formatUsd(c.monthlySavingsUsd) : '—'} |`,
      );
    }
    out.push('', `**Total: ${formatUsd(s.monthlyUsd)}/month now, ${formatUsd(s.suggestedMonthlyUsd)}/month with the counterparts, difference ${formatUsd(s.monthlySavingsUsd)}/month.**${s.unpricedInstances ? ` ${s.unpricedInstances} instance finding(s) have no known price and are not in the totals.` : ''}`, '');
  }

  out.push('## Effort', '', '| Effort | Findings | Files |', '|---|---:|---:|');
  for (const r of s.effortTable) out.push(`| ${r.effort} | ${r.findings} | ${r.files} |`);
  out.push('');

  if (Object.keys(s.cudaStats.total).length) {
    out.push('## CUDA references by kind', '', '| Kind | References |', '|---|---:|');
    for (const [k, n] of Object.entries(s.cudaStats.total)) out.push(`| ${k} | ${n} |`);
    if (s.cudaStats.mechanicalShare !== null) out.push('', `${Math.round(s.cudaStats.mechanicalShare * 100)}% of CUDA references migrate mechanically (effort none or low).`);
    out.push('');
  }

  if (s.migrationPlan.length) {
    out.push('## Migration plan', '');
    for (const p of s.migrationPlan) out.push(`${p.step}. **${p.title}** (${p.findings} findings in ${p.files} files, effort ${p.effort}): ${p.detail}`);
    out.push('');
  }

  out.push('## Findings', '', '| Location | Severity | Rule | Finding | Advice |', '|---|---|---|---|---|');
  for (const f of report.findings) {
    out.push(`| ${mdCell(f.file)}:${f.line}:${f.column} | ${f.severity} | [${mdCell(f.ruleId)}](${encodeURI(f.docsUrl)}) | ${mdCell(f.message)} | ${mdCell(f.advice)} |`);
  }
  out.push('');
  if (report.errors.length) {
    out.push('## Files that could not be read or parsed', '');
    for (const e of report.errors) out.push(`- \`${mdCell(e.file)}\`: ${mdCell(e.message)}`);
    out.push('');
  }
  return out.join('\n');
}
