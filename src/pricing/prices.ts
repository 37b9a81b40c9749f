import { overridePrice, type PriceOverrides } from './overrides';
import type { PriceSnapshot } from './snapshot';
import { activeSnapshot } from './snapshot-info';

/**
 * Where an hourly price came from: the snapshot's EC2 price, its SageMaker price, the EC2 price
 * of the type under an `ml.` name (no SageMaker price known), or the user's price file.
 */
export type PriceBasis = 'ec2' | 'sagemaker' | 'ec2-underlying' | 'override';

export interface HourlyPrice {
  instanceType: string;
  region: string;
  /** USD per instance-hour; null when unknown (never 0 for unknown). */
  hourlyUsd: number | null;
  basis: PriceBasis | null;
  /** Why the price is missing, or how it was derived. */
  note?: string;
}

export interface PriceSources {
  snapshot?: PriceSnapshot;
  overrides?: PriceOverrides;
}

export const CAPACITY_BLOCKS_NOTE = 'no on-demand price (Capacity Blocks only)';

function has<T>(record: Record<string, T> | undefined, key: string): record is Record<string, T> {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key);
}

function snapshotPrice(table: Record<string, Record<string, number>> | undefined, type: string, region: string): number | undefined {
  const byType = has(table, region) ? table[region] : undefined;
  return has(byType, type) ? byType[type] : undefined;
}

/** The on-demand hourly price of a type (EC2 or `ml.`) in a region. */
export function lookupHourlyPrice(instanceType: string, region: string, sources: PriceSources = {}): HourlyPrice {
  const snapshot = sources.snapshot ?? activeSnapshot();
  const result = (hourlyUsd: number | null, basis: PriceBasis | null, note?: string): HourlyPrice => {
    const r: HourlyPrice = { instanceType, region, hourlyUsd, basis };
    if (note !== undefined) r.note = note;
    return r;
  };

  const own = overridePrice(sources.overrides, instanceType, region);
  if (own !== undefined) return result(own, 'override', `price from ${sources.overrides!.file}`);

  const sagemaker = instanceType.startsWith('ml.');
  const ec2Type = sagemaker ? instanceType.slice(3) : instanceType;
  if (sagemaker) {
    const sm = snapshotPrice(snapshot.sagemakerPrices, instanceType, region);
    if (sm !== undefined) return result(sm, 'sagemaker');
  }

  const underlyingOverride = sagemaker ? overridePrice(sources.overrides, ec2Type, region) : undefined;
  const ec2 = underlyingOverride ?? snapshotPrice(snapshot.prices, ec2Type, region);
  if (ec2 !== undefined) {
    if (!sagemaker) return result(ec2, 'ec2');
    const from = underlyingOverride !== undefined ? `${sources.overrides!.file}` : 'the snapshot';
    return result(ec2, 'ec2-underlying', `EC2 price of ${ec2Type} from ${from}: no SageMaker price known (SageMaker list prices are higher)`);
  }

  if (snapshot.capacityBlockOnly.some((c) => c.type === ec2Type)) return result(null, null, CAPACITY_BLOCKS_NOTE);
  return result(null, null, `no price for ${instanceType} in ${region} in the snapshot`);
}
