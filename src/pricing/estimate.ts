import * as path from 'node:path';
import type { CostEstimate } from '../core/types';
import type { PriceOverrides } from './overrides';
import { lookupHourlyPrice, type HourlyPrice } from './prices';
import type { PriceSnapshot } from './snapshot';
import { activeSnapshot } from './snapshot-info';

export interface PricingOptions {
  region: string;
  /** Hours per month; 730 by default in configuration. */
  hoursPerMonth: number;
  /** Fraction 0 ≤ d < 1 taken off both sides (negotiated rates). */
  discount: number;
  overrides?: PriceOverrides;
  /** Defaults to the active snapshot (snapshot-info.ts): the embedded one unless a refreshed one was selected. */
  snapshot?: PriceSnapshot;
}

function checkOptions(opts: PricingOptions, count: number): void {
  if (!opts.region) throw new RangeError('pricing: region is empty');
  if (!Number.isFinite(opts.hoursPerMonth) || opts.hoursPerMonth <= 0) throw new RangeError(`pricing: hoursPerMonth ${opts.hoursPerMonth} is not a positive number`);
  if (!Number.isFinite(opts.discount) || opts.discount < 0 || opts.discount >= 1) throw new RangeError(`pricing: discount ${opts.discount} is not a fraction in [0, 1)`);
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`pricing: count ${count} is not a non-negative number`);
}

/**
 * Drops binary floating-point noise (0.1 + 0.2 → 0.3) at a millionth of a cent, far below any
 * displayed figure: money is rounded to cents only when shown.
 */
function clean(x: number): number {
  return Number(x.toFixed(8));
}

/** Monthly cost: hourly × hours × count × (1 − discount), always multiplied in this order. */
export function monthlyCost(hourlyUsd: number, hoursPerMonth: number, count: number, discount: number): number {
  return clean(hourlyUsd * hoursPerMonth * count * (1 - discount));
}

function describe(p: HourlyPrice): string | undefined {
  return p.note === undefined ? undefined : `${p.instanceType}: ${p.note}`;
}

/**
 * What `count` instances of a type cost per month in a region, what its suggested counterpart
 * would cost, and the difference (monthly − suggested monthly; negative when the counterpart costs
 * more, shown as is). Unknown prices are null, never 0. `hourlyUsd` is the list (or user) price
 * per instance, before the discount.
 */
export function estimateCost(instanceType: string, suggested: string | undefined, count: number, opts: PricingOptions): CostEstimate {
  checkOptions(opts, count);
  const sources = { snapshot: opts.snapshot ?? activeSnapshot(), ...(opts.overrides ? { overrides: opts.overrides } : {}) };
  const current = lookupHourlyPrice(instanceType, opts.region, sources);
  const target = suggested === undefined ? undefined : lookupHourlyPrice(suggested, opts.region, sources);

  const monthly = current.hourlyUsd === null ? null : monthlyCost(current.hourlyUsd, opts.hoursPerMonth, count, opts.discount);
  const suggestedHourly = target?.hourlyUsd ?? null;
  const suggestedMonthly = suggestedHourly === null ? null : monthlyCost(suggestedHourly, opts.hoursPerMonth, count, opts.discount);
  const estimate: CostEstimate = {
    region: opts.region,
    count,
    hourlyUsd: current.hourlyUsd,
    monthlyUsd: monthly,
    suggestedHourlyUsd: suggestedHourly,
    suggestedMonthlyUsd: suggestedMonthly,
    monthlySavingsUsd: monthly === null || suggestedMonthly === null ? null : clean(monthly - suggestedMonthly),
  };
  const notes = [describe(current), target && describe(target)].filter((n): n is string => !!n);
  if (notes.length > 0) estimate.note = notes.join('; ');
  return estimate;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** "on-demand, Linux, us-east-1, as of 2026-07-20 (SkyPilot catalog snapshot)", plus discount and user prices when set. */
export function pricingLabel(opts: Pick<PricingOptions, 'region' | 'discount' | 'overrides' | 'snapshot'>): string {
  const s = opts.snapshot ?? activeSnapshot();
  let label = `on-demand, Linux, ${opts.region}, as of ${s.asOf} (${s.label})`;
  if (opts.discount > 0) label += `, ${percent(opts.discount)} discount`;
  if (opts.overrides) label += `, user prices from ${path.basename(opts.overrides.file)}`;
  return label;
}
