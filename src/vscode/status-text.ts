/** The status bar's words. Editor-free. */
import type { ReportDocument } from '../report/model';
import { wholeDollars } from './lens-content';

export function statusText(report: Pick<ReportDocument, 'summary' | 'findings'> | undefined): { text: string; tooltip: string } {
  if (!report) return { text: '$(search) Accel Advisor', tooltip: 'Accel Advisor: scan the workspace for GPU and x86 lock-in' };
  const s = report.summary;
  const savings = s.monthlySavingsUsd;
  const money = savings > 0 ? ` · save ${wholeDollars(savings)}/mo` : savings < 0 ? ` · +${wholeDollars(-savings)}/mo` : '';
  return {
    text: `$(pulse) Lock-in ${s.lockInScore}${money}`,
    tooltip:
      `Accel Advisor: lock-in score ${s.lockInScore}/100 (0 = portable), ${report.findings.length} findings.\n` +
      `Instances: ${wholeDollars(s.monthlyUsd)}/month now, ${wholeDollars(s.suggestedMonthlyUsd)}/month with the suggested counterparts (list prices).\n` +
      'Click to open the report.',
  };
}
