import { parseInstanceType, suggestCounterpart, type InstanceInfo } from '../../core/catalog';
import { detach } from '../../core/detach';
import { TextMemo } from '../../core/text-memo';
import type { ReportDescriptor, RuleContext } from '../../core/rule';
import type { Workload } from '../../core/types';

/** Facts about where an instance type literal sits, as far as the code tells them. */
export interface InstanceSite {
  /** Offsets of the type literal itself (without quotes). */
  start: number;
  end: number;
  /** The literal text, e.g. "ml.p4d.24xlarge". */
  text: string;
  workload?: Workload;
  count?: number;
  /** The region it deploys to; a function when finding it out costs (read only for real instance types). */
  region?: string | (() => string | undefined);
  /** Identifies the deployed resource, e.g. "terraform:aws_instance.trainer" (for de-duplicated totals). */
  resourceKey?: string;
  /** Short description of the place, e.g. "aws_instance.trainer" or "SageMaker estimator". */
  where?: string;
}

function describeSpecs(info: InstanceInfo): string {
  const parts: string[] = [];
  if (info.vcpus !== undefined) parts.push(`${info.vcpus} vCPU`);
  if (info.memoryGiB !== undefined) parts.push(`${info.memoryGiB} GiB`);
  const acc = info.accelerator;
  if (acc) parts.push(`${acc.count}× ${acc.maker} ${acc.model}${acc.memoryGiB ? ` (${acc.memoryGiB} GiB)` : ''}`);
  if (!info.known) parts.push('specs unknown: not in the bundled catalog');
  return parts.join(', ');
}

interface TypeFacts {
  info: InstanceInfo;
  category: NonNullable<InstanceInfo['category']>;
  counterpart: ReturnType<typeof suggestCounterpart>;
  suggested: string | undefined;
  specs: string;
  kind: string;
  advice: string;
}

/**
 * What the catalog says about a type for a workload, remembered: a long Terraform or YAML file
 * names the same few types hundreds of times, and the counterpart search is the costly part of
 * reporting one (a 5,000-line file: 26 of 120 ms per edit).
 */
const factsMemo = new TextMemo<TypeFacts | null>(4096);

function typeFacts(text: string, workload: Workload | undefined): TypeFacts | undefined {
  const key = `${text}\0${workload ?? ''}`;
  const known = factsMemo.lookup(key);
  if (known) return known.value ?? undefined;
  const info = parseInstanceType(detach(text)); // remembered: keep no document alive
  let facts: TypeFacts | null = null;
  if (info && info.class !== 'other' && info.category) {
    const counterpart = info.class === 'portable' ? undefined : suggestCounterpart(info, workload);
    const suggested = counterpart && (info.sagemaker ? `ml.${counterpart.type}` : counterpart.type);
    const kind = info.class === 'gpu' ? 'GPU instance' : info.class === 'x86' ? 'x86 instance' : 'Instance';
    let advice: string;
    if (info.class === 'portable') {
      advice = 'Already on AWS silicon (Trainium, Inferentia or Graviton): nothing to migrate; listed so cost totals are complete.';
    } else if (counterpart) {
      advice = `Consider ${suggested}${counterpart.info.accelerator ? ` (${describeSpecs(counterpart.info)})` : ''}: ${counterpart.reason}${counterpart.assumption ? ` (${counterpart.assumption})` : ''}`;
    } else {
      advice = info.class === 'gpu' ? 'Move the workload to Trainium (training) or Inferentia (inference) once its code is portable.' : 'Move to the Graviton family of the same size once the software stack builds for arm64.';
    }
    facts = { info, category: info.category, counterpart, suggested, specs: describeSpecs(info), kind, advice };
  }
  factsMemo.remember(key, facts);
  return facts ?? undefined;
}

/**
 * Builds the report for an instance type literal: category from the catalog's class, counterpart
 * from the workload, advice that names the counterpart. Returns undefined for strings that are not
 * well-formed instance types, or types the product does not report (x86 families without a
 * Graviton counterpart).
 */
export function describeInstance(site: InstanceSite): ReportDescriptor | undefined {
  const facts = typeFacts(site.text, site.workload);
  if (!facts) return undefined;
  const { info, category, counterpart, suggested, specs, kind, advice } = facts;
  const where = site.where ? ` in ${site.where}` : '';
  const d: ReportDescriptor = {
    start: site.start,
    end: site.end,
    category,
    message: `${kind} ${site.text}${specs ? ` (${specs})` : ''}${where}.`,
    advice,
    severity: info.class === 'portable' ? 'info' : 'warning',
    effort: info.class === 'portable' ? 'none' : info.class === 'x86' ? 'low' : 'medium',
    instanceType: site.text,
  };
  if (counterpart && suggested) {
    d.suggestedInstanceType = suggested;
    d.suggestionReason = counterpart.reason;
    d.fixes = [{ title: `Replace ${site.text} with ${suggested}`, edits: [{ start: site.start, end: site.end, newText: suggested }] }];
  }
  if (site.workload) d.workload = site.workload;
  if (site.count !== undefined) d.count = site.count;
  const region = typeof site.region === 'function' ? site.region() : site.region;
  if (region) d.region = region;
  if (site.resourceKey) d.resourceKey = site.resourceKey;
  return d;
}

/** Reports an instance type literal if it is one; returns whether it reported. */
export function reportInstance(ctx: RuleContext, site: InstanceSite): boolean {
  const d = describeInstance(site);
  if (!d) return false;
  ctx.report(d);
  return true;
}
