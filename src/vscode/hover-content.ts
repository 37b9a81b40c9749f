/**
 * The hover card for an instance type: what it is, what it costs in the configured region, its
 * counterpart with the same facts, the savings, and where the prices come from. Returns Markdown
 * in which every value is escaped. Editor-free.
 */
import { parseInstanceType, suggestCounterpart, type InstanceInfo } from '../core/catalog';
import type { Workload } from '../core/types';
import { estimateCost, pricingLabel, type PricingOptions } from '../pricing/estimate';
import { formatHourly, formatUsd } from '../report/money';

/** Escapes text for Markdown (and the HTML VS Code's Markdown allows). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function accelerators(info: InstanceInfo): string {
  const a = info.accelerator;
  if (!a) return 'none';
  const mem = a.memoryGiB ? ` (${a.memoryGiB} GiB each)` : '';
  return `${a.count}× ${a.maker} ${a.model}${mem}`;
}

function spec(v: number | undefined, unit = ''): string {
  return v === undefined ? 'unknown' : `${v.toLocaleString('en-US')}${unit}`;
}

const KIND: Record<string, string> = { gpu: 'GPU instance', x86: 'x86 instance', portable: 'AWS silicon (Trainium, Inferentia or Graviton)', other: 'instance' };

export interface HoverInput {
  instanceType: string;
  /** The counterpart the analyzer chose with context (workload); otherwise the catalog's default. */
  suggested?: string;
  workload?: Workload;
  pricing: Omit<PricingOptions, 'region'> & { region: string };
}

/** Markdown for the hover; undefined when the text is not an instance type. */
export function instanceHoverMarkdown(input: HoverInput): string | undefined {
  const info = parseInstanceType(input.instanceType);
  if (!info) return undefined;
  let suggested = input.suggested;
  let reason: string | undefined;
  let assumption: string | undefined;
  if (!suggested && info.class !== 'portable' && info.class !== 'other') {
    const c = suggestCounterpart(info, input.workload);
    if (c) {
      suggested = info.sagemaker ? `ml.${c.type}` : c.type;
      reason = c.reason;
      assumption = c.assumption;
    }
  }
  const target = suggested ? parseInstanceType(suggested) : undefined;
  const cost = estimateCost(info.name, suggested, 1, input.pricing);
  const hours = input.pricing.hoursPerMonth;
  const e = escapeMarkdown;

  const lines: string[] = [];
  lines.push(`**${e(info.name)}** — ${e(KIND[info.class] ?? 'instance')}${info.known ? '' : ' _(specs unknown: not in the catalog)_'}`, '');
  const cols = target ? [info, target] : [info];
  lines.push(`| | ${cols.map((c) => e(c.name)).join(' | ')} |`);
  lines.push(`|---|${cols.map(() => '---:').join('|')}|`);
  const row = (label: string, f: (c: InstanceInfo) => string) => lines.push(`| ${label} | ${cols.map((c) => e(f(c))).join(' | ')} |`);
  row('vCPUs', (c) => spec(c.vcpus));
  row('Memory', (c) => spec(c.memoryGiB, ' GiB'));
  row('Accelerators', accelerators);
  row('Architecture', (c) => c.architecture);
  const price = (hourly: number | null, monthly: number | null) => [formatHourly(hourly), formatUsd(monthly)];
  const mine = price(cost.hourlyUsd, cost.monthlyUsd);
  const theirs = price(cost.suggestedHourlyUsd, cost.suggestedMonthlyUsd);
  lines.push(`| Per hour | ${[mine[0], ...(target ? [theirs[0]] : [])].map(e).join(' | ')} |`);
  lines.push(`| Per month (${e(String(hours))} h) | ${[mine[1], ...(target ? [theirs[1]] : [])].map(e).join(' | ')} |`);
  lines.push('');
  if (target && cost.monthlySavingsUsd !== null && cost.monthlyUsd) {
    const pct = (cost.monthlySavingsUsd / cost.monthlyUsd) * 100;
    const verb = cost.monthlySavingsUsd >= 0 ? 'Saves' : 'Costs more';
    lines.push(`${verb}: **${e(formatUsd(Math.abs(cost.monthlySavingsUsd)))}/month** (${e(Math.abs(pct).toFixed(1))}%) per instance with ${e(target.name)}, at list prices.`, '');
  } else if (target) {
    lines.push(`Savings unknown: ${e(cost.note ?? 'a price is missing')}.`, '');
  } else if (info.class === 'portable') {
    lines.push('Already on AWS silicon: nothing to migrate.', '');
  }
  if (reason) lines.push(`_Why ${e(target?.name ?? '')}:_ ${e(reason)}${assumption ? ` (${e(assumption)})` : ''}`, '');
  if (cost.note && cost.monthlySavingsUsd !== null) lines.push(`_Note:_ ${e(cost.note)}`, '');
  lines.push(`_Prices: ${e(pricingLabel(input.pricing))}._`);
  return lines.join('\n');
}
