/** Code lens titles for resources that hold instance types (Infracost-style). Editor-free. */
import type { CostEstimate, Finding } from '../core/types';

/** "$32,059": whole dollars, for a glance; the hover and report show cents. */
export function wholeDollars(n: number): string {
  const sign = n < 0 ? '−' : '';
  return `${sign}$${Math.round(Math.abs(n)).toLocaleString('en-US')}`;
}

export function lensTitle(f: Pick<Finding, 'instanceType' | 'suggestedInstanceType'>, cost: CostEstimate | null | undefined): string {
  if (!cost) return `${f.instanceType}: price unknown`;
  const count = cost.count !== 1 ? `${cost.count} × ` : '';
  const now = cost.monthlyUsd === null ? (cost.note?.includes('Capacity Blocks') ? 'no on-demand price' : 'price unknown') : `${wholeDollars(cost.monthlyUsd)}/mo`;
  let title = `${count}${f.instanceType} ${now}`;
  if (f.suggestedInstanceType) {
    const then = cost.suggestedMonthlyUsd === null ? 'price unknown' : `${wholeDollars(cost.suggestedMonthlyUsd)}/mo`;
    title += ` · ${f.suggestedInstanceType} ${then}`;
    if (cost.monthlySavingsUsd !== null && cost.monthlySavingsUsd !== 0) {
      title += cost.monthlySavingsUsd > 0 ? ` (save ${wholeDollars(cost.monthlySavingsUsd)})` : ` (+${wholeDollars(-cost.monthlySavingsUsd)})`;
    }
  }
  return title;
}

export interface LensSpec {
  line: number;
  title: string;
  file: string;
  /** 1-based, as in the report. */
  reportLine: number;
}

/** One lens per instance finding, first one per line and resource. */
export function lensesFor(findings: readonly Finding[]): LensSpec[] {
  const seen = new Set<string>();
  const out: LensSpec[] = [];
  for (const f of findings) {
    if (!f.instanceType) continue;
    const key = `${f.line}:${f.resourceKey ?? f.instanceType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line: f.line - 1, title: lensTitle(f, f.cost), file: f.file, reportLine: f.line });
  }
  return out;
}
