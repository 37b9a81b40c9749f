/**
 * What the editor's report panel shows, derived from a ReportDocument: plain JSON that the
 * webview script (media/report.js) renders with textContent only. Kept compact because it is
 * posted to the webview and must stay fast with 10,000 findings.
 */
import { pricingBasisLabel, type ReportDocument } from './model';
import type { PlanStep } from './plan';

export interface FindingRow {
  /** Index in the report's findings. */
  i: number;
  ruleId: string;
  category: string;
  severity: string;
  effort: string;
  /** Target the finding blocks: "trainium", "graviton" or "none". */
  target: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  advice: string;
  instanceType?: string;
  suggested?: string;
  monthly?: number | null;
  suggestedMonthly?: number | null;
}

export interface CostBar {
  label: string;
  file: string;
  line: number;
  instanceType: string;
  suggested?: string;
  count: number;
  monthly: number;
  /** null when the counterpart has no price. */
  suggestedMonthly: number | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface ReportViewModel {
  root: string;
  toolVersion: string;
  pricing: { label: string; region: string; hoursPerMonth: number; discount: number };
  score: number;
  totals: { monthly: number; suggested: number; savings: number; unpriced: number };
  files: { scanned: number; skipped: number; withFindings: number };
  counts: { category: Count[]; severity: Count[]; effort: Count[] };
  /** Most expensive resources first; the rest folded into one "other" bar. */
  costBars: CostBar[];
  plan: PlanStep[];
  findings: FindingRow[];
  facets: { category: string[]; severity: string[]; target: string[]; file: string[] };
  errors: { file: string; message: string }[];
}

const MAX_BARS = 15;

function counts(record: Record<string, number>): Count[] {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, count }));
}

export function buildViewModel(report: ReportDocument): ReportViewModel {
  const rows: FindingRow[] = report.findings.map((f, i) => {
    const r: FindingRow = {
      i,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      effort: f.effort,
      target: f.blocks ?? 'none',
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
      advice: f.advice,
    };
    if (f.instanceType) {
      r.instanceType = f.instanceType;
      if (f.suggestedInstanceType) r.suggested = f.suggestedInstanceType;
      r.monthly = f.cost?.monthlyUsd ?? null;
      r.suggestedMonthly = f.cost?.suggestedMonthlyUsd ?? null;
    }
    return r;
  });

  const bars: CostBar[] = [];
  for (const f of report.findings) {
    if (!f.instanceType || f.countedElsewhere || !f.cost || f.cost.monthlyUsd === null) continue;
    bars.push({
      label: `${f.instanceType} · ${f.file}:${f.line}`,
      file: f.file,
      line: f.line,
      instanceType: f.instanceType,
      ...(f.suggestedInstanceType ? { suggested: f.suggestedInstanceType } : {}),
      count: f.cost.count,
      monthly: f.cost.monthlyUsd,
      suggestedMonthly: f.suggestedInstanceType ? f.cost.suggestedMonthlyUsd : f.cost.monthlyUsd,
    });
  }
  bars.sort((a, b) => b.monthly - a.monthly || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  let costBars = bars;
  if (bars.length > MAX_BARS) {
    const rest = bars.slice(MAX_BARS - 1);
    costBars = bars.slice(0, MAX_BARS - 1);
    costBars.push({
      label: `${rest.length} other resources`,
      file: '',
      line: 0,
      instanceType: '',
      count: rest.reduce((n, b) => n + b.count, 0),
      monthly: rest.reduce((n, b) => n + b.monthly, 0),
      suggestedMonthly: rest.reduce((n, b) => n + (b.suggestedMonthly ?? b.monthly), 0),
    });
  }

  const distinct = (xs: string[]) => [...new Set(xs)].sort();
  const s = report.summary;
  const p = report.pricing;
  return {
    root: report.root,
    toolVersion: report.tool.version,
    pricing: { label: pricingBasisLabel(p), region: p.region, hoursPerMonth: p.hoursPerMonth, discount: p.discount },
    score: s.lockInScore,
    totals: { monthly: s.monthlyUsd, suggested: s.suggestedMonthlyUsd, savings: s.monthlySavingsUsd, unpriced: s.unpricedInstances },
    files: { scanned: s.filesScanned, skipped: s.filesSkipped, withFindings: new Set(report.findings.map((f) => f.file)).size },
    counts: { category: counts(s.byCategory), severity: counts(s.bySeverity), effort: counts(s.byEffort) },
    costBars,
    plan: s.migrationPlan,
    findings: rows,
    facets: {
      category: distinct(rows.map((r) => r.category)),
      severity: ['error', 'warning', 'info'].filter((x) => rows.some((r) => r.severity === x)),
      target: distinct(rows.map((r) => r.target)),
      file: distinct(rows.map((r) => r.file)),
    },
    errors: report.errors.slice(0, 200),
  };
}
