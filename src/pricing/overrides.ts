import * as z from 'zod';
import { INSTANCE_TYPE_RE } from '../core/catalog';
import { NotReadableError, readTextFile } from '../core/read-text';
import { describeZodIssue, parseJsonText, PriceFileError } from './errors';

/**
 * A user price file: negotiated or private prices that replace the snapshot's for the types it
 * lists. Two formats:
 *
 *   CSV:  instanceType,region,onDemandUsdPerHour   (region empty or "*" = every region)
 *   JSON: { "prices": { "p4d.24xlarge": 18.5, "g5.xlarge": { "us-east-1": 0.9, "*": 1.0 } } }
 *
 * `ml.` types may be listed too (SageMaker prices).
 */
export interface PriceOverrides {
  file: string;
  /** type → region (or "*") → USD per hour. */
  prices: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export const ALL_REGIONS = '*';
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const CSV_HEADER = ['instanceType', 'region', 'onDemandUsdPerHour'];

/** The user's price for a type in a region: region-specific first, then "*". */
export function overridePrice(o: PriceOverrides | undefined, instanceType: string, region: string): number | undefined {
  const byRegion = o?.prices.get(instanceType);
  return byRegion?.get(region) ?? byRegion?.get(ALL_REGIONS);
}

function splitCsvLine(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

export function parseOverridesCsv(text: string, file: string): PriceOverrides {
  const prices = new Map<string, Map<string, number>>();
  const seenAt = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerSeen = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = splitCsvLine(line);
    const fail = (msg: string): never => {
      throw new PriceFileError(file, `line ${lineNo}: ${msg}`);
    };
    if (!headerSeen) {
      if (fields.join(',') !== CSV_HEADER.join(',')) fail(`expected the header "${CSV_HEADER.join(',')}"`);
      headerSeen = true;
      return;
    }
    if (fields.length !== 3) fail(`expected 3 fields (${CSV_HEADER.join(', ')}), found ${fields.length}`);
    const [type, regionField, priceField] = fields as [string, string, string];
    if (!INSTANCE_TYPE_RE.test(type)) fail(`"${type}" is not an instance type`);
    const region = regionField === '' ? ALL_REGIONS : regionField;
    if (region !== ALL_REGIONS && !REGION_RE.test(region)) fail(`"${regionField}" is not an AWS region code (or empty / "*" for all regions)`);
    const price = Number(priceField);
    if (priceField === '' || !Number.isFinite(price) || price <= 0) fail(`onDemandUsdPerHour "${priceField}" is not a positive number`);
    const key = `${type} ${region}`;
    const earlier = seenAt.get(key);
    if (earlier !== undefined) fail(`${type} in ${region === ALL_REGIONS ? 'all regions' : region} is already priced on line ${earlier}`);
    seenAt.set(key, lineNo);
    let byRegion = prices.get(type);
    if (!byRegion) prices.set(type, (byRegion = new Map()));
    byRegion.set(region, price);
  });
  if (!headerSeen) throw new PriceFileError(file, `empty price file: expected the header "${CSV_HEADER.join(',')}"`);
  return { file, prices };
}

const positivePrice = z.number().positive('must be a positive number of USD per hour').finite();
const overridesJsonSchema = z
  .object({
    $schema: z.string().optional(),
    prices: z.record(
      z.string().regex(INSTANCE_TYPE_RE, 'not an instance type'),
      z.union([positivePrice, z.record(z.string().regex(new RegExp(`${REGION_RE.source}|^\\*$`), 'not an AWS region code or "*"'), positivePrice)]),
    ),
  })
  .strict();

export function parseOverridesJson(text: string, file: string): PriceOverrides {
  const data = parseJsonText(text, file, true);
  const r = overridesJsonSchema.safeParse(data);
  if (!r.success) throw new PriceFileError(file, describeZodIssue(r.error, text));
  const prices = new Map<string, Map<string, number>>();
  for (const [type, v] of Object.entries(r.data.prices)) {
    prices.set(type, typeof v === 'number' ? new Map([[ALL_REGIONS, v]]) : new Map(Object.entries(v)));
  }
  return { file, prices };
}

/** Parses a price file; JSON when the name ends in .json or the text starts with "{", else CSV. */
export function parsePriceOverrides(text: string, file: string): PriceOverrides {
  const json = /\.jsonc?$/i.test(file) || (!/\.csv$/i.test(file) && text.trimStart().startsWith('{'));
  return json ? parseOverridesJson(text, file) : parseOverridesCsv(text, file);
}

/** Price files list a few thousand rows at most; a larger file (or a device, a pipe) is refused unread. */
const MAX_PRICE_FILE_BYTES = 64 * 1024 * 1024;

/** Reads and validates a user price file; every problem is a PriceFileError naming the file and line or key. */
export async function loadPriceOverrides(file: string): Promise<PriceOverrides> {
  let text: string;
  try {
    text = await readTextFile(file, MAX_PRICE_FILE_BYTES);
  } catch (err) {
    const why = err instanceof NotReadableError ? err.reason : ((err as NodeJS.ErrnoException).code ?? String(err));
    throw new PriceFileError(file, `cannot read the price file (${why})`);
  }
  return parsePriceOverrides(text, file);
}
