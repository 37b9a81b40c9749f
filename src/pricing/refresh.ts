import * as z from 'zod';
import { catalogFamilies } from '../core/catalog';
import { writeFileAtomic } from '../core/atomic-write';
import { cachedSnapshotPath } from './cache';
import { DownloadError, downloadSmallText, downloadText, type FetchLike } from './download';
import { JsonSyntaxError } from './json-tokenizer';
import { OfferFileError, OfferFileReader } from './offer-file';
import { embeddedSnapshot, priceSnapshotSchema, type PriceSnapshot } from './snapshot';

export { loadActiveSnapshot, defaultCacheDir, cachedSnapshotPath } from './cache';

/**
 * `pricing refresh`: reads AWS's public Price List bulk files (no credentials) — the offer index,
 * the AmazonEC2 region index, then one offer file per region, streamed — and writes a new snapshot
 * into the cache folder atomically. Any failure leaves the previous snapshot as it was.
 */
export const DEFAULT_PRICING_BASE_URL = 'https://pricing.us-east-1.amazonaws.com';
/** The us-east-1 EC2 offer file is several GB; the cap only guards against endless downloads. */
export const DEFAULT_MAX_BYTES = 16 * 1024 ** 3;
const INDEX_MAX_BYTES = 64 * 1024 ** 2;

export interface RefreshOptions {
  baseUrl?: string;
  /** Default: the regions of the embedded snapshot. */
  regions?: string[];
  cacheDir: string;
  fetchImpl?: FetchLike;
  /** Per download. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Progress lines (for stderr). */
  onProgress?: (message: string) => void;
}

export interface RefreshResult {
  file: string;
  snapshot: PriceSnapshot;
  regions: string[];
  priceCount: number;
}

export class RefreshError extends Error {
  constructor(message: string) {
    super(`price refresh failed, previous prices kept: ${message}`);
    this.name = 'RefreshError';
  }
}

const offerIndexSchema = z.object({
  offers: z.object({ AmazonEC2: z.object({ currentRegionIndexUrl: z.string().min(1) }) }),
});
const regionIndexSchema = z.object({
  regions: z.record(z.string(), z.object({ currentVersionUrl: z.string().min(1) })),
});

/** AWS's index files give absolute paths ("/offers/v1.0/…"): keep a mirror's path prefix. */
export function resolvePriceListUrl(baseUrl: string, ref: string): string {
  if (/^https?:\/\//i.test(ref)) return ref;
  return `${baseUrl.replace(/\/+$/, '')}/${ref.replace(/^\/+/, '')}`;
}

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(top level)'}: ${i.message}` : 'invalid';
}

async function fetchJson<T>(url: string, schema: z.ZodType<T>, what: string, opts: { fetchImpl: FetchLike; maxBytes: number; signal?: AbortSignal }): Promise<T> {
  const text = await downloadSmallText(url, opts);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RefreshError(`${url}: malformed JSON in the ${what} (${(err as Error).message})`);
  }
  const r = schema.safeParse(data);
  if (!r.success) throw new RefreshError(`${url}: not a valid ${what}: ${firstIssue(r.error)}`);
  return r.data;
}

async function readRegionOffer(url: string, region: string, families: ReadonlySet<string>, opts: { fetchImpl: FetchLike; maxBytes: number; signal?: AbortSignal }) {
  const reader = new OfferFileReader(region, families);
  try {
    await downloadText(url, opts, (chunk) => reader.write(chunk));
    return reader.end();
  } catch (err) {
    if (err instanceof DownloadError || err instanceof RefreshError) throw err;
    if (err instanceof JsonSyntaxError) throw new RefreshError(`${url}: malformed or truncated JSON: ${err.message}`);
    if (err instanceof OfferFileError) throw new RefreshError(`${url}: ${err.message}`);
    throw err;
  }
}

export async function refreshPrices(options: RefreshOptions): Promise<RefreshResult> {
  const baseUrl = options.baseUrl ?? DEFAULT_PRICING_BASE_URL;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchImpl: FetchLike = options.fetchImpl ?? ((url, init) => fetch(url, init));
  const net = { fetchImpl, maxBytes, ...(options.signal ? { signal: options.signal } : {}) };
  const indexNet = { ...net, maxBytes: Math.min(maxBytes, INDEX_MAX_BYTES) };
  const progress = options.onProgress ?? (() => undefined);
  const builtIn = embeddedSnapshot();
  const regions = [...new Set(options.regions ?? Object.keys(builtIn.prices))].sort();
  if (regions.length === 0) throw new RefreshError('no regions to refresh');

  try {
    const indexUrl = resolvePriceListUrl(baseUrl, '/offers/v1.0/aws/index.json');
    progress(`reading ${indexUrl}`);
    const offerIndex = await fetchJson(indexUrl, offerIndexSchema, 'offer index', indexNet);
    const regionIndexUrl = resolvePriceListUrl(baseUrl, offerIndex.offers.AmazonEC2.currentRegionIndexUrl);
    progress(`reading ${regionIndexUrl}`);
    const regionIndex = await fetchJson(regionIndexUrl, regionIndexSchema, 'EC2 region index', indexNet);
    const missing = regions.filter((r) => !Object.prototype.hasOwnProperty.call(regionIndex.regions, r));
    if (missing.length > 0) throw new RefreshError(`${regionIndexUrl}: no offer file for ${missing.join(', ')}`);

    const families = catalogFamilies();
    const prices: Record<string, Record<string, number>> = {};
    const dates: string[] = [];
    for (const region of regions) {
      const url = resolvePriceListUrl(baseUrl, regionIndex.regions[region]!.currentVersionUrl);
      progress(`reading ${url}`);
      const offer = await readRegionOffer(url, region, families, net);
      if (offer.prices.size === 0) throw new RefreshError(`${url}: no on-demand Linux prices for the product's instance families in ${region}`);
      const byType: Record<string, number> = {};
      for (const type of [...offer.prices.keys()].sort()) byType[type] = offer.prices.get(type)!;
      prices[region] = byType;
      dates.push(offer.publicationDate);
      progress(`${region}: ${offer.prices.size} prices, published ${offer.publicationDate}`);
    }

    const priced = new Set(Object.values(prices).flatMap((byType) => Object.keys(byType)));
    const asOf = dates.sort()[0]!;
    const snapshot: PriceSnapshot = {
      schemaVersion: 1,
      label: 'AWS Price List',
      source: `AWS Price List bulk files (${baseUrl}), AmazonEC2 offer files for ${regions.length} region${regions.length === 1 ? '' : 's'}`,
      asOf,
      asOfNote: `publicationDate of the offer files (the earliest of ${dates.length}); refreshed by accel-advisor pricing refresh`,
      currency: 'USD',
      priceBasis: builtIn.priceBasis,
      sagemaker: { pricesIncluded: false, note: 'The AmazonEC2 offer files hold no SageMaker prices: ml.* types are priced with the EC2 price of the underlying type.' },
      capacityBlockOnly: builtIn.capacityBlockOnly.filter((c) => !priced.has(c.type)),
      prices,
    };
    const checked = priceSnapshotSchema.safeParse(snapshot);
    if (!checked.success) throw new RefreshError(`the new snapshot does not validate: ${firstIssue(checked.error)}`);

    const file = cachedSnapshotPath(options.cacheDir);
    try {
      await writeFileAtomic(file, JSON.stringify(checked.data, null, 1) + '\n');
    } catch (err) {
      throw new RefreshError(`cannot write ${file}: ${(err as Error).message}`);
    }
    const priceCount = Object.values(prices).reduce((n, byType) => n + Object.keys(byType).length, 0);
    return { file, snapshot: checked.data, regions, priceCount };
  } catch (err) {
    if (err instanceof RefreshError) throw err;
    if (err instanceof DownloadError) throw new RefreshError(err.message);
    if ((err as Error)?.name === 'AbortError') throw err; // cancellation is not an error to report
    throw new RefreshError((err as Error)?.message ?? String(err));
  }
}
