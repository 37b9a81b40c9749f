import { pricingBasisLabel, type ReportDocument } from './model';
import { escapeHtml as e } from './html-escape';
import { formatHourly, formatUsd } from './money';

/**
 * A standalone HTML report (the editor's "Export Report"). Inert by construction: a content
 * security policy that allows no scripts and no remote resources, and every value escaped.
 */
export function formatHtml(report: ReportDocument): string {
  const s = report.summary;
  const p = report.pricing;
  const maxCost = Math.max(1, ...report.findings.filter((f) => f.cost?.monthlyUsd != null).map((f) => Math.max(f.cost!.monthlyUsd ?? 0, f.cost!.suggestedMonthlyUsd ?? 0)));
  const bar = (v: number | null | undefined, cls: string) =>
    v == null ? '<span class="unknown">unknown</span>' : `<span class="bar ${cls}" style="width:${Math.max(1, Math.round((v / maxCost) * 300))}px"></span> ${e(formatUsd(v))}`;
  const rows = report.findings
    .map(
      (f) => `<tr><td>${e(f.file)}:${f.line}:${f.column}</td><td class="sev-${e(f.severity)}">${e(f.severity)}</td><td>${e(f.category)}</td><td>${e(f.effort)}</td><td><a href="${e(f.docsUrl)}">${e(f.ruleId)}</a></td><td>${e(f.message)}</td><td>${e(f.advice)}</td></tr>`,
    )
    .join('\n');
  const costRows = report.findings
    .filter((f) => f.instanceType)
    .map(
      (f) => `<tr><td>${e(f.file)}:${f.line}</td><td>${e(f.instanceType)}</td><td>${f.cost?.count ?? 1}</td><td>${e(formatHourly(f.cost?.hourlyUsd))}</td><td>${bar(f.cost?.monthlyUsd, 'now')}</td><td>${e(f.suggestedInstanceType ?? '—')}</td><td>${bar(f.cost?.suggestedMonthlyUsd, 'then')}</td></tr>`,
    )
    .join('\n');
  const cats = Object.entries(s.byCategory)
    .filter(([, n]) => n)
    .map(([c, n]) => `<li>${e(c)}: ${n}</li>`)
    .join('');
  const plan = s.migrationPlan.map((x) => `<li><strong>${e(x.title)}</strong> (${x.findings} findings, effort ${e(x.effort)}): ${e(x.detail)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>Accel Advisor report</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}
td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f4f4f4}
.score{font-size:2em;font-weight:bold}.bar{display:inline-block;height:10px}.now{background:#c0392b}.then{background:#27ae60}
.sev-error{color:#c0392b}.sev-warning{color:#b9770e}.sev-info{color:#2471a3}.unknown{color:#888;font-style:italic}
</style></head><body>
<h1>Accel Advisor report</h1>
<p>Scanned <code>${e(report.root)}</code>: ${s.filesScanned} files (${s.filesSkipped} skipped), ${report.findings.length} findings.</p>
<p>Lock-in score: <span class="score">${s.lockInScore}</span>/100</p>
<ul>${cats}</ul>
<h2>Cost</h2>
<p>${e(pricingBasisLabel(p))}</p>
<p>Total: ${e(formatUsd(s.monthlyUsd))}/month now, ${e(formatUsd(s.suggestedMonthlyUsd))}/month with counterparts, difference ${e(formatUsd(s.monthlySavingsUsd))}/month.</p>
<table><thead><tr><th>Where</th><th>Instance</th><th>Count</th><th>Hourly</th><th>Monthly now</th><th>Counterpart</th><th>Counterpart monthly</th></tr></thead><tbody>
${costRows}
</tbody></table>
<h2>Migration plan</h2><ol>${plan}</ol>
<h2>Findings</h2>
<table><thead><tr><th>Location</th><th>Severity</th><th>Category</th><th>Effort</th><th>Rule</th><th>Finding</th><th>Advice</th></tr></thead><tbody>
${rows}
</tbody></table>
${report.errors.length ? `<h2>Files that could not be read or parsed</h2><ul>${report.errors.map((x) => `<li><code>${e(x.file)}</code>: ${e(x.message)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
