import type { RuleContext } from '../../core/rule';
import type { Workload } from '../../core/types';
import { reportInstance } from '../shared/instance';
import { joinPath, multiply, resourceKey, walkValue, workloadFromNames } from './facts';
import type { TfExpr } from './syntax';

/**
 * Reports every instance type literal inside one value (a variable default, a local, a module
 * input, a .tfvars value), keyed by its address plus the object path to it, so the same value
 * reached from a variable default and from a .tfvars file is one resource.
 */
export function reportValueInstances(
  ctx: RuleContext,
  value: TfExpr,
  opts: { address: string; where: string; rootPath?: string[]; names?: (string | undefined)[]; workload?: Workload; copies?: number; count?: number; region?: string | (() => string | undefined) },
): void {
  for (const site of walkValue(value, opts.rootPath ?? [], opts.count)) {
    const path = joinPath(site.path);
    reportInstance(ctx, {
      start: site.str.start,
      end: site.str.end,
      text: site.str.value,
      workload: opts.workload ?? workloadFromNames([...(opts.names ?? []), ...site.path]),
      count: multiply(opts.copies, site.count),
      region: opts.region,
      resourceKey: resourceKey(ctx.document, path ? `${opts.address}.${path}` : opts.address),
      where: path ? `${opts.where} (${path})` : opts.where,
    });
  }
}
