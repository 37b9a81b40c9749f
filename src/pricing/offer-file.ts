import { JsonSelector, type JsonValue, type ValueKind } from './json-select';
import { JsonTokenizer } from './json-tokenizer';

/**
 * Reads one region's AmazonEC2 offer file (AWS Price List bulk format) as a stream and keeps the
 * on-demand Linux price of each instance type the product knows:
 *
 *   { "offerCode": "AmazonEC2", "publicationDate": "…",
 *     "products": { "<sku>": { "productFamily": "Compute Instance", "attributes": { … } } },
 *     "terms": { "OnDemand": { "<sku>": { "<sku>.<term>": { "priceDimensions": {
 *         "<…>": { "unit": "Hrs", "pricePerUnit": { "USD": "21.9576420000" } } } } } } } }
 *
 * Products kept: productFamily "Compute Instance", operatingSystem Linux, tenancy Shared,
 * preInstalledSw NA, capacitystatus Used, in the requested region (not a Local Zone), not a
 * Capacity Block offer, of a family the catalog knows. Everything else streams past unbuilt.
 */
export class OfferFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfferFileError';
  }
}

export interface OfferPrices {
  publicationDate: string;
  /** instance type → USD per hour. */
  prices: Map<string, number>;
}

type Obj = { [key: string]: JsonValue };

function isObj(v: JsonValue | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** The hourly USD price in one SKU's OnDemand terms, or undefined. */
function hourlyUsdOf(terms: JsonValue): number | undefined {
  if (!isObj(terms)) return undefined;
  let best: number | undefined;
  for (const term of Object.values(terms)) {
    if (!isObj(term) || !isObj(term.priceDimensions)) continue;
    for (const dim of Object.values(term.priceDimensions)) {
      if (!isObj(dim) || str(dim, 'unit') !== 'Hrs' || !isObj(dim.pricePerUnit)) continue;
      const usd = str(dim.pricePerUnit, 'USD');
      const n = usd === undefined ? NaN : Number(usd);
      // A zero or unparsable price is not a price: the type stays unknown, never $0.
      if (Number.isFinite(n) && n > 0) best = best === undefined ? n : Math.max(best, n);
    }
  }
  return best;
}

export class OfferFileReader {
  private readonly tokenizer: JsonTokenizer;
  private publicationDate: string | undefined;
  private offerCode: string | undefined;
  private productsSeen = false;
  private productsDone = false;
  private onDemandSeen = false;
  /** sku → instance type, for products that pass the filter. */
  private readonly wanted = new Map<string, string>();
  /** sku → price; before the products are read (unusual order), every SKU is kept. */
  private readonly skuPrices = new Map<string, number>();
  private schemaProblem: string | undefined;

  constructor(
    private readonly region: string,
    private readonly knownFamilies: ReadonlySet<string>,
  ) {
    const selector = new JsonSelector({
      select: (path, kind) => this.select(path, kind),
      collected: (path, value) => this.collected(path, value),
      closed: (path) => {
        if (path.length === 1 && path[0] === 'products') this.productsDone = true;
      },
    });
    this.tokenizer = new JsonTokenizer(selector);
  }

  private select(path: readonly string[], kind: ValueKind): 'collect' | 'descend' | 'skip' {
    const [a, b, c] = path;
    switch (path.length) {
      case 0:
        if (kind !== 'object') this.schemaProblem ??= 'the document is not a JSON object';
        return kind === 'object' ? 'descend' : 'skip';
      case 1:
        if (a === 'publicationDate' || a === 'offerCode') return 'collect';
        if (a === 'products' || a === 'terms') {
          if (kind !== 'object') {
            this.schemaProblem ??= `"${a}" is not an object`;
            return 'skip';
          }
          if (a === 'products') this.productsSeen = true;
          return 'descend';
        }
        return 'skip';
      case 2:
        if (a === 'products') return 'collect';
        if (a === 'terms' && b === 'OnDemand') {
          if (kind !== 'object') {
            this.schemaProblem ??= '"terms.OnDemand" is not an object';
            return 'skip';
          }
          this.onDemandSeen = true;
          return 'descend';
        }
        return 'skip';
      case 3:
        if (a === 'terms' && b === 'OnDemand') return this.productsDone && !this.wanted.has(c!) ? 'skip' : 'collect';
        return 'skip';
      default:
        return 'skip';
    }
  }

  private collected(path: readonly string[], value: JsonValue): void {
    if (path.length === 1) {
      if (path[0] === 'publicationDate' && typeof value === 'string') this.publicationDate = value;
      if (path[0] === 'offerCode' && typeof value === 'string') this.offerCode = value;
      return;
    }
    if (path[0] === 'products') {
      this.considerProduct(path[1]!, value);
      return;
    }
    const price = hourlyUsdOf(value);
    if (price !== undefined) this.skuPrices.set(path[2]!, price);
  }

  private considerProduct(sku: string, product: JsonValue): void {
    if (!isObj(product) || !isObj(product.attributes)) return;
    const at = product.attributes;
    if (str(product, 'productFamily') !== 'Compute Instance') return;
    const type = str(at, 'instanceType');
    if (!type) return;
    if (str(at, 'operatingSystem') !== 'Linux' || str(at, 'tenancy') !== 'Shared') return;
    if (str(at, 'preInstalledSw') !== 'NA' || str(at, 'capacitystatus') !== 'Used') return;
    const regionCode = str(at, 'regionCode');
    if (regionCode !== undefined && regionCode !== this.region) return;
    const locationType = str(at, 'locationType');
    if (locationType !== undefined && locationType !== 'AWS Region') return;
    const market = str(at, 'marketoption');
    if (market !== undefined && market !== 'OnDemand') return;
    const family = type.slice(0, type.indexOf('.'));
    if (!this.knownFamilies.has(family)) return;
    this.wanted.set(sku, type);
  }

  write(chunk: string): void {
    this.tokenizer.write(chunk);
  }

  /** Finishes the document and returns its prices; throws OfferFileError when it is not an EC2 offer file. */
  end(): OfferPrices {
    this.tokenizer.end();
    if (this.schemaProblem) throw new OfferFileError(`not an AWS offer file: ${this.schemaProblem}`);
    if (this.offerCode !== 'AmazonEC2') throw new OfferFileError(`not an AmazonEC2 offer file (offerCode ${JSON.stringify(this.offerCode ?? null)})`);
    if (!this.productsSeen) throw new OfferFileError('no "products" object');
    if (!this.onDemandSeen) throw new OfferFileError('no "terms.OnDemand" object');
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(this.publicationDate ?? '');
    if (!date) throw new OfferFileError(`missing or malformed publicationDate (${JSON.stringify(this.publicationDate ?? null)})`);
    const prices = new Map<string, number>();
    for (const [sku, type] of this.wanted) {
      const price = this.skuPrices.get(sku);
      if (price === undefined) continue;
      // Two SKUs for one type (should not happen after the filter): keep the higher, deterministically.
      prices.set(type, Math.max(price, prices.get(type) ?? 0));
    }
    return { publicationDate: date[1]!, prices };
  }
}
