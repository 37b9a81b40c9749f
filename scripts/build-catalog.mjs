#!/usr/bin/env node
// Generates the bundled instance catalog and the embedded price snapshot from the shared,
// sourced CSV (../shared/data/ec2-catalog/instances.csv; see its SOURCE.md). Every spec and
// price comes from the CSV: nothing here is typed by hand except provenance text.
//
//   node scripts/build-catalog.mjs [path/to/instances.csv] [--check] [--out-dir DIR]
//
// --check regenerates in memory and fails (exit 1) when the committed files differ.
// --out-dir writes both files into DIR instead of src/ (used by tests).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CATALOG_OUT = resolve(projectRoot, 'src/core/catalog/catalog-data.json');
const SNAPSHOT_OUT = resolve(projectRoot, 'src/pricing/price-snapshot.json');
const EXPECTED_HEADER = 'instanceType,region,vcpus,memoryGiB,acceleratorName,acceleratorCount,onDemandUsdPerHour';

const SOURCE =
  'SkyPilot catalog v8 (skypilot-org/skypilot-catalog commit 00148f2af3672e2229b4f7bf8157d5a3f36e3c35, ' +
  'catalogs/v8/aws/vms.csv), AWS on-demand Linux list prices';
const AS_OF = '2026-07-20';
const AS_OF_NOTE =
  'The SkyPilot file carries no date and its commit date could not be read. Its us-east-1 prices match ' +
  "Karpenter's generated price table (aws/karpenter-provider-aws commit 6fc13b5236fd04fd16ff3f9dc7490d0813994099, " +
  'generated at 2026-07-20T13:44:30Z) for 272 of 278 shared types (the 6 differences are .metal sizes), and they ' +
  'include the June 2025 P4/P5 price cut, so the prices are dated by that cross-check. See ' +
  '../shared/data/ec2-catalog/SOURCE.md, "Date evidence".';

// Provenance, not prices: types that the source lists without any on-demand price
// (SOURCE.md, caveat 1). Pricing reports them as "no on-demand price", never as zero.
const CAPACITY_BLOCK_ONLY = [
  {
    type: 'p5e.48xlarge',
    reason: 'Rows exist in the source for 6 regions but every Price is empty (Capacity Blocks only); SOURCE.md caveat 1.',
  },
  {
    type: 'trn2.3xlarge',
    reason: 'Listed in the source for ap-southeast-4 with no on-demand price (Capacity Blocks only); SOURCE.md caveat 1.',
  },
  {
    type: 'trn2.48xlarge',
    reason: 'Listed in the source for us-east-2 with no on-demand price (Capacity Blocks only); SOURCE.md caveat 1.',
  },
];

const SAGEMAKER = {
  pricesIncluded: false,
  note:
    'The source covers EC2 only: no SageMaker (ml.*) prices. ml.* types are priced with the EC2 price of the ' +
    'underlying type and labelled as such (SageMaker list prices are higher).',
};

function parseArgs(argv) {
  const args = { csv: resolve(projectRoot, '../shared/data/ec2-catalog/instances.csv'), check: false, outDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--out-dir') {
      if (!argv[i + 1]) throw new Error('--out-dir needs a folder');
      args.outDir = resolve(argv[++i]);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.csv = resolve(a);
  }
  return args;
}

/** Splits one CSV line; supports double-quoted fields (the shared file has none, but be safe). */
function splitCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

function positiveNumber(text, where) {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new Error(`${where}: "${text}" is not a positive number`);
  return n;
}

function readRows(csvPath) {
  const text = readFileSync(csvPath, 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines[0] !== EXPECTED_HEADER) throw new Error(`${csvPath}:1: expected header "${EXPECTED_HEADER}"`);
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const where = `${csvPath}:${i + 1}`;
    const f = splitCsvLine(lines[i]);
    if (f.length !== 7) throw new Error(`${where}: expected 7 fields, found ${f.length}`);
    const [instanceType, region, vcpus, memoryGiB, acceleratorName, acceleratorCount, price] = f;
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(instanceType)) throw new Error(`${where}: bad instance type "${instanceType}"`);
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`${where}: bad region "${region}"`);
    if ((acceleratorName === '') !== (acceleratorCount === '')) throw new Error(`${where}: accelerator name and count must both be set or both empty`);
    rows.push({
      where,
      instanceType,
      region,
      vcpus: positiveNumber(vcpus, where),
      memoryGiB: positiveNumber(memoryGiB, where),
      acceleratorName: acceleratorName || undefined,
      acceleratorCount: acceleratorCount === '' ? undefined : positiveNumber(acceleratorCount, where),
      price: positiveNumber(price, where),
    });
  }
  return rows;
}

function buildData(rows) {
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const types = new Map();
  const prices = {};
  for (const r of rows) {
    const spec = { vcpus: r.vcpus, memoryGiB: r.memoryGiB, acceleratorName: r.acceleratorName, acceleratorCount: r.acceleratorCount };
    const prev = types.get(r.instanceType);
    if (prev) {
      for (const k of Object.keys(spec)) {
        if (prev.spec[k] !== spec[k]) throw new Error(`${r.where}: ${r.instanceType} ${k} differs between regions (${prev.spec[k]} vs ${spec[k]})`);
      }
      if (prev.regions.has(r.region)) throw new Error(`${r.where}: duplicate row for ${r.instanceType} in ${r.region}`);
      prev.regions.add(r.region);
    } else {
      types.set(r.instanceType, { spec, regions: new Set([r.region]) });
    }
    (prices[r.region] ??= {})[r.instanceType] = r.price;
  }
  const catalogTypes = {};
  for (const [name, { spec, regions: rs }] of types) {
    const entry = { vcpus: spec.vcpus, memoryGiB: spec.memoryGiB, regions: [...rs].map((r) => regionIndex.get(r)).sort((a, b) => a - b) };
    if (spec.acceleratorName) {
      entry.acceleratorName = spec.acceleratorName;
      entry.acceleratorCount = spec.acceleratorCount;
    }
    catalogTypes[name] = entry;
  }
  const catalog = {
    generatedBy: 'scripts/build-catalog.mjs from ../shared/data/ec2-catalog/instances.csv: do not edit by hand',
    source: SOURCE,
    regions,
    regionsNote: 'Each type lists the indexes (into "regions") of the regions where the source has an on-demand price for it.',
    types: catalogTypes,
  };
  const snapshot = {
    schemaVersion: 1,
    generatedBy: 'scripts/build-catalog.mjs from ../shared/data/ec2-catalog/instances.csv: do not edit by hand',
    label: 'SkyPilot catalog snapshot',
    source: SOURCE,
    asOf: AS_OF,
    asOfNote: AS_OF_NOTE,
    currency: 'USD',
    priceBasis: 'on-demand, Linux, shared tenancy, USD per instance-hour',
    sagemaker: SAGEMAKER,
    capacityBlockOnly: CAPACITY_BLOCK_ONLY.filter((c) => !types.has(c.type)),
    prices,
  };
  return { catalog, snapshot, typeCount: types.size, rowCount: rows.length, regionCount: regions.length };
}

/**
 * JSON with keys sorted at every level (so output never depends on row order), indented down to
 * `inlineDepth` and written on one line below it, which keeps the files diffable and compact.
 */
export function canonicalJson(value, inlineDepth, depth = 0) {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalJson(v, inlineDepth, depth + 1));
    if (depth >= inlineDepth || items.length === 0) return `[${items.join(',')}]`;
    const pad = ' '.repeat(depth + 1);
    return `[\n${items.map((i) => pad + i).join(',\n')}\n${' '.repeat(depth)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    const items = keys.map((k) => `${JSON.stringify(k)}:${depth >= inlineDepth ? '' : ' '}${canonicalJson(value[k], inlineDepth, depth + 1)}`);
    if (depth >= inlineDepth || items.length === 0) return `{${items.join(',')}}`;
    const pad = ' '.repeat(depth + 1);
    return `{\n${items.map((i) => pad + i).join(',\n')}\n${' '.repeat(depth)}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return JSON.stringify(value);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const rows = readRows(args.csv);
  const built = buildData(rows);
  const catalogOut = args.outDir ? resolve(args.outDir, 'catalog-data.json') : CATALOG_OUT;
  const snapshotOut = args.outDir ? resolve(args.outDir, 'price-snapshot.json') : SNAPSHOT_OUT;
  const outputs = [
    [catalogOut, canonicalJson(built.catalog, 2) + '\n'],
    [snapshotOut, canonicalJson(built.snapshot, 3) + '\n'],
  ];
  if (args.check) {
    const stale = outputs.filter(([file, text]) => {
      try {
        return readFileSync(file, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`out of date (run node scripts/build-catalog.mjs): ${stale.map(([f]) => f).join(', ')}`);
      process.exit(1);
    }
    console.error('catalog and price snapshot are up to date');
    return;
  }
  for (const [file, text] of outputs) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  console.error(
    `wrote ${built.typeCount} types, ${built.rowCount} prices in ${built.regionCount} regions:\n  ${outputs.map(([f]) => f).join('\n  ')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`build-catalog: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
