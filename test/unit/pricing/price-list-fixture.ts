/** Small files in the AWS Price List bulk format, for refresh tests. */

export const OFFER_INDEX_PATH = '/offers/v1.0/aws/index.json';
export const REGION_INDEX_PATH = '/offers/v1.0/aws/AmazonEC2/current/region_index.json';
export const offerPath = (region: string) => `/offers/v1.0/aws/AmazonEC2/20260801000000/${region}/index.json`;

export function offerIndex(): string {
  return JSON.stringify({
    formatVersion: 'v1.0',
    disclaimer: 'test',
    publicationDate: '2026-08-01T00:00:00Z',
    offers: {
      AmazonEC2: {
        offerCode: 'AmazonEC2',
        versionIndexUrl: '/offers/v1.0/aws/AmazonEC2/index.json',
        currentVersionUrl: '/offers/v1.0/aws/AmazonEC2/current/index.json',
        currentRegionIndexUrl: REGION_INDEX_PATH,
      },
    },
  });
}

export function regionIndex(regions: string[]): string {
  return JSON.stringify({
    formatVersion: 'v1.0',
    publicationDate: '2026-08-01T00:00:00Z',
    regions: Object.fromEntries(regions.map((r) => [r, { regionCode: r, currentVersionUrl: offerPath(r) }])),
  });
}

interface Product {
  sku: string;
  type: string;
  usd: string;
  family?: string;
  attributes?: Record<string, string>;
}

function product(region: string, p: Product) {
  return {
    sku: p.sku,
    productFamily: p.family ?? 'Compute Instance',
    attributes: {
      servicecode: 'AmazonEC2',
      location: 'Somewhere',
      locationType: 'AWS Region',
      instanceType: p.type,
      regionCode: region,
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
      licenseModel: 'No License required',
      marketoption: 'OnDemand',
      usagetype: `BoxUsage:${p.type}`,
      ...p.attributes,
    },
  };
}

function onDemand(p: Product) {
  return {
    [`${p.sku}.JRTCKXETXF`]: {
      offerTermCode: 'JRTCKXETXF',
      sku: p.sku,
      effectiveDate: '2026-08-01T00:00:00Z',
      priceDimensions: {
        [`${p.sku}.JRTCKXETXF.6YS6EN2CT7`]: {
          rateCode: `${p.sku}.JRTCKXETXF.6YS6EN2CT7`,
          description: `$${p.usd} per On Demand Linux ${p.type} Instance Hour`,
          beginRange: '0',
          endRange: 'Inf',
          unit: 'Hrs',
          pricePerUnit: { USD: p.usd },
          appliesTo: [],
        },
      },
      termAttributes: {},
    },
  };
}

/** An offer file with products that must be kept and products each filter must drop. */
export function offerFile(region: string, publicationDate: string, prices: { p4d: string; m5: string; trn1: string }): string {
  const products: Product[] = [
    { sku: 'KEEP1', type: 'p4d.24xlarge', usd: prices.p4d },
    { sku: 'KEEP2', type: 'm5.large', usd: prices.m5 },
    { sku: 'KEEP3', type: 'trn1.32xlarge', usd: prices.trn1 },
    { sku: 'WIN', type: 'p4d.24xlarge', usd: '99', attributes: { operatingSystem: 'Windows' } },
    { sku: 'DED', type: 'p4d.24xlarge', usd: '98', attributes: { tenancy: 'Dedicated' } },
    { sku: 'SQL', type: 'm5.large', usd: '97', attributes: { preInstalledSw: 'SQL Web' } },
    { sku: 'ODCR', type: 'm5.large', usd: '96', attributes: { capacitystatus: 'UnusedCapacityReservation' } },
    { sku: 'LZ', type: 'm5.large', usd: '95', attributes: { regionCode: `${region}-atl-2`, locationType: 'AWS Local Zone' } },
    { sku: 'CB', type: 'p4d.24xlarge', usd: '94', attributes: { marketoption: 'CapacityBlock' } },
    { sku: 'UNKNOWNFAM', type: 'zz9.large', usd: '93' },
    { sku: 'EBS', type: 'm5.large', usd: '92', family: 'Storage' },
    { sku: 'ZERO', type: 'c5.large', usd: '0.0000000000' },
  ];
  return JSON.stringify(
    {
      formatVersion: 'v1.0',
      disclaimer: 'test',
      offerCode: 'AmazonEC2',
      version: '20260801000000',
      publicationDate,
      products: Object.fromEntries(products.map((p) => [p.sku, product(region, p)])),
      terms: {
        OnDemand: Object.fromEntries(products.map((p) => [p.sku, onDemand(p)])),
        Reserved: Object.fromEntries(products.map((p) => [p.sku, onDemand({ ...p, usd: '0.001' })])),
      },
      attributesList: {},
    },
    null,
    1,
  );
}
