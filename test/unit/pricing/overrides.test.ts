import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PriceFileError } from '../../../src/pricing/errors';
import { loadPriceOverrides, overridePrice, parsePriceOverrides } from '../../../src/pricing/overrides';

const HEADER = 'instanceType,region,onDemandUsdPerHour';

function fails(text: string, file: string, message: RegExp): void {
  assert.throws(
    () => parsePriceOverrides(text, file),
    (e: unknown) => e instanceof PriceFileError && e.file === file && e.message.startsWith(`${file}: `) && message.test(e.message),
  );
}

describe('user price files', () => {
  describe('CSV', () => {
    it('reads types, regions and "all regions" (empty or *)', () => {
      const o = parsePriceOverrides(`${HEADER}\n# negotiated\np4d.24xlarge,us-east-1,15.5\n\ng5.xlarge,,0.9\nm5.large,*,0.08\n`, 'p.csv');
      assert.equal(overridePrice(o, 'p4d.24xlarge', 'us-east-1'), 15.5);
      assert.equal(overridePrice(o, 'p4d.24xlarge', 'us-west-2'), undefined);
      assert.equal(overridePrice(o, 'g5.xlarge', 'eu-west-1'), 0.9);
      assert.equal(overridePrice(o, 'm5.large', 'ap-south-1'), 0.08);
      assert.equal(overridePrice(undefined, 'm5.large', 'ap-south-1'), undefined);
    });

    it('accepts CRLF line ends, a BOM and spaces around fields', () => {
      const o = parsePriceOverrides(`\uFEFF${HEADER}\r\n p4d.24xlarge , us-east-1 , 15 \r\n`, 'p.csv');
      assert.equal(overridePrice(o, 'p4d.24xlarge', 'us-east-1'), 15);
    });

    it('names the file and line of every problem', () => {
      fails('type,region,price\n', 'p.csv', /line 1: expected the header "instanceType,region,onDemandUsdPerHour"/);
      fails(`${HEADER}\np4d.24xlarge,us-east-1\n`, 'p.csv', /line 2: expected 3 fields/);
      fails(`${HEADER}\nmain.py,us-east-1,1\n`, 'p.csv', /line 2: "main\.py" is not an instance type/);
      fails(`${HEADER}\np4d.24xlarge,useast1,1\n`, 'p.csv', /line 2: "useast1" is not an AWS region code/);
      fails(`${HEADER}\n\np4d.24xlarge,us-east-1,abc\n`, 'p.csv', /line 3: onDemandUsdPerHour "abc" is not a positive number/);
      fails(`${HEADER}\np4d.24xlarge,us-east-1,0\n`, 'p.csv', /line 2: onDemandUsdPerHour "0" is not a positive number/);
      fails(`${HEADER}\np4d.24xlarge,us-east-1,-3\n`, 'p.csv', /line 2: .*not a positive number/);
      fails(`${HEADER}\np4d.24xlarge,,1\np4d.24xlarge,*,2\n`, 'p.csv', /line 3: p4d\.24xlarge in all regions is already priced on line 2/);
      fails('', 'p.csv', /empty price file/);
    });
  });

  describe('JSON', () => {
    it('reads a price for all regions or per region', () => {
      const o = parsePriceOverrides(JSON.stringify({ prices: { 'p4d.24xlarge': 15, 'g5.xlarge': { 'us-east-1': 0.9, '*': 1 } } }), 'p.json');
      assert.equal(overridePrice(o, 'p4d.24xlarge', 'eu-west-1'), 15);
      assert.equal(overridePrice(o, 'g5.xlarge', 'us-east-1'), 0.9);
      assert.equal(overridePrice(o, 'g5.xlarge', 'us-west-2'), 1);
    });

    it('is recognised by its content when the name says nothing', () => {
      const o = parsePriceOverrides('{ "prices": { "m5.large": 0.05 } }', 'prices');
      assert.equal(overridePrice(o, 'm5.large', 'us-east-1'), 0.05);
    });

    it('names the file, line and key of every problem', () => {
      const text = '{\n  "prices": {\n    "p4d.24xlarge": {\n      "us-east-1": "cheap"\n    }\n  }\n}\n';
      fails(text, 'p.json', /^p\.json: line 4: prices\["p4d\.24xlarge"\]\["us-east-1"\]: /);
      fails('{\n  "prices": {\n    "main.py": 1\n  }\n}', 'p.json', /line 3: prices\["main\.py"\]: .*not an instance type/);
      fails('{ "prices": { "m5.large": { "mars-1": 1 } } }', 'p.json', /prices\["m5\.large"\]\["mars-1"\]: .*not an AWS region code/);
      fails('{ "prices": { "m5.large": 0 } }', 'p.json', /prices\["m5\.large"\]: /);
      fails('{ "price": {} }', 'p.json', /prices: /);
      fails('{ "prices": {}, "extra": 1 }', 'p.json', /extra|Unrecognized/i);
      fails('{ "prices": { "m5.large": 1 ', 'p.json', /line 1, column \d+: invalid JSON/);
    });
  });

  it('loadPriceOverrides reads a file, or names it when it cannot', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accel-over-'));
    try {
      const f = path.join(dir, 'prices.csv');
      writeFileSync(f, `${HEADER}\nm5.large,,0.05\n`);
      const o = await loadPriceOverrides(f);
      assert.equal(o.file, f);
      assert.equal(overridePrice(o, 'm5.large', 'us-east-1'), 0.05);
      await assert.rejects(loadPriceOverrides(path.join(dir, 'nope.csv')), /nope\.csv: cannot read the price file \(ENOENT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
