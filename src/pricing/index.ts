/** Pricing: the price snapshot, lookups, cost estimates, user price files and refresh from AWS. */
export { estimateCost, monthlyCost, pricingLabel, type PricingOptions } from './estimate';
export { PriceFileError } from './errors';
export { ALL_REGIONS, loadPriceOverrides, overridePrice, parsePriceOverrides, type PriceOverrides } from './overrides';
export { CAPACITY_BLOCKS_NOTE, lookupHourlyPrice, type HourlyPrice, type PriceBasis, type PriceSources } from './prices';
export { embeddedSnapshot, loadSnapshotFile, parseSnapshotText, priceSnapshotSchema, snapshotRegions, type PriceSnapshot } from './snapshot';
export { activeSnapshot, activeSnapshotInfo, setActiveSnapshot, type SnapshotInfo } from './snapshot-info';
export { writeFileAtomic } from '../core/atomic-write';
export { CACHED_SNAPSHOT_NAME, cachedSnapshotPath, defaultCacheDir, loadActiveSnapshot, type ActiveSnapshotOptions } from './cache';
export { DEFAULT_MAX_BYTES, DEFAULT_PRICING_BASE_URL, refreshPrices, RefreshError, type RefreshOptions, type RefreshResult } from './refresh';
