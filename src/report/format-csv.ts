import type { ReportDocument } from './model';

/** RFC 4180 field; also neutralises spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = [
  'file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'category', 'blocks', 'severity', 'effort', 'message', 'advice',
  'instanceType', 'suggestedInstanceType', 'region', 'count', 'hourlyUsd', 'monthlyUsd', 'suggestedHourlyUsd', 'suggestedMonthlyUsd', 'monthlySavingsUsd', 'docsUrl',
] as const;

export function formatCsv(report: ReportDocument): string {
  const rows = [COLUMNS.join(',')];
  for (const f of report.findings) {
    const c = f.cost;
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, ruleId: f.ruleId,
      category: f.category, blocks: f.blocks, severity: f.severity, effort: f.effort, message: f.message, advice: f.advice,
      instanceType: f.instanceType, suggestedInstanceType: f.suggestedInstanceType, region: c?.region, count: c?.count,
      hourlyUsd: c?.hourlyUsd, monthlyUsd: c?.monthlyUsd, suggestedHourlyUsd: c?.suggestedHourlyUsd,
      suggestedMonthlyUsd: c?.suggestedMonthlyUsd, monthlySavingsUsd: c?.monthlySavingsUsd, docsUrl: f.docsUrl,
    };
    rows.push(COLUMNS.map((k) => csvField(values[k])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
