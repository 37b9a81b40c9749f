import type { ReportDescriptor, RuleContext } from '../../core/rule';
import type { Fix } from '../../core/types';
import { describeInstance, type InstanceSite } from '../shared/instance';

/**
 * Reports an instance type through the shared describer, adding why the workload was assumed
 * (when the code told it) and, for expressions that are not a plain string literal
 * (`InstanceType.of(…)`), a fix that rewrites the whole expression. Returns whether it reported.
 */
export function reportInstanceSite(
  ctx: RuleContext,
  site: InstanceSite,
  opts: { workloadReason?: string; note?: string; fix?: (suggested: string) => Fix | undefined } = {},
): boolean {
  const d: ReportDescriptor | undefined = describeInstance(site);
  if (!d) return false;
  if (site.workload && opts.workloadReason) d.advice += ` Counterpart chosen for ${site.workload}: ${opts.workloadReason}.`;
  if (opts.note) d.advice += ` ${opts.note}`;
  if (opts.fix) {
    const fix = d.suggestedInstanceType ? opts.fix(d.suggestedInstanceType) : undefined;
    d.fixes = fix ? [fix] : undefined;
  }
  ctx.report(d);
  return true;
}
