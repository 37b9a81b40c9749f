import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allInstanceTypes } from '../../../src/core/catalog';
import { PriceFileError } from '../../../src/pricing/errors';
import { embeddedSnapshot, loadSnapshotFile, parseSnapshotText } from '../../../src/pricing/snapshot';
import { readSharedCsv } from '../catalog/shared-csv';

const SNAPSHOT_FILE = path.resolve(__dirname, '../../../src/pricing/price-snapshot.json');

describe('price snapshot', () => {
  it('the embedded snapshot validates and carries its source and date', () => {
    const s = embeddedSnapshot();
    assert.equal(s.currency, 'USD');
    assert.equal(s.asOf, '2026-07-20');
    assert.match(s.source, /SkyPilot catalog v8/);
    assert.match(s.source, /00148f2/);
    assert.match(s.asOfNote, /Karpenter/);
    assert.equal(s.sagemaker.pricesIncluded, false);
    assert.match(s.sagemaker.note, /no SageMaker/);
    assert.deepEqual(s.capacityBlockOnly.map((c) => c.type).sort(), ['p5e.48xlarge', 'trn2.3xlarge', 'trn2.48xlarge']);
    assert.equal(Object.keys(s.prices).length, 24);
  });

  it('p4d.24xlarge in us-east-1 is the CSV figure, 21.957642', () => {
    const fromFile = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')).prices['us-east-1']['p4d.24xlarge'];
    assert.equal(fromFile, 21.957642);
    assert.equal(embeddedSnapshot().prices['us-east-1']!['p4d.24xlarge'], fromFile);
    const csv = readSharedCsv();
    if (csv) {
      const row = csv.find((r) => r.instanceType === 'p4d.24xlarge' && r.region === 'us-east-1');
      assert.equal(row?.price, fromFile);
    }
  });

  it('holds exactly the CSV prices, every one', function () {
    const csv = readSharedCsv();
    if (!csv) this.skip();
    const s = embeddedSnapshot();
    let count = 0;
    for (const byType of Object.values(s.prices)) count += Object.keys(byType).length;
    assert.equal(count, csv!.length);
    for (const r of csv!) assert.equal(s.prices[r.region]?.[r.instanceType], r.price, `${r.instanceType} ${r.region}`);
  });

  it('prices only types the catalog knows', () => {
    const known = new Set(allInstanceTypes());
    for (const byType of Object.values(embeddedSnapshot().prices)) for (const t of Object.keys(byType)) assert.ok(known.has(t), t);
  });

  describe('loadSnapshotFile', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'accel-snap-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    function writeSnap(name: string, text: string): string {
      const f = path.join(dir, name);
      writeFileSync(f, text);
      return f;
    }

    it('loads a valid file', () => {
      const f = writeSnap('ok.json', JSON.stringify(embeddedSnapshot()));
      assert.equal(loadSnapshotFile(f).prices['us-east-1']!['p4d.24xlarge'], 21.957642);
    });

    it('names the file and the key of a corrupt value', () => {
      const bad = structuredClone(embeddedSnapshot()) as unknown as { prices: Record<string, Record<string, unknown>> };
      bad.prices['us-east-1']!['p4d.24xlarge'] = -1;
      const f = writeSnap('bad-price.json', JSON.stringify(bad, null, 1));
      assert.throws(
        () => loadSnapshotFile(f),
        (e: unknown) =>
          e instanceof PriceFileError && e.file === f && e.message.includes(f) && /line \d+: prices\["us-east-1"\]\["p4d\.24xlarge"\]: a price must be a positive number/.test(e.message),
      );
    });

    it('names the missing key', () => {
      const { asOf: _drop, ...rest } = embeddedSnapshot();
      const f = writeSnap('no-date.json', JSON.stringify(rest));
      assert.throws(() => loadSnapshotFile(f), /no-date\.json: not a valid price snapshot: asOf: /);
    });

    it('gives the line and column of malformed JSON', () => {
      const f = writeSnap('broken.json', '{\n  "schemaVersion": 1,\n  "prices": {\n');
      assert.throws(() => loadSnapshotFile(f), /broken\.json: line 4, column 1: invalid JSON/);
      assert.throws(() => parseSnapshotText('{"a": 1,}', 'x.json'), /x\.json: line 1, column 9: invalid JSON/);
    });

    it('names an unreadable file', () => {
      const f = path.join(dir, 'missing.json');
      assert.throws(() => loadSnapshotFile(f), (e: unknown) => e instanceof PriceFileError && /missing\.json: cannot read the price snapshot \(ENOENT\)/.test(e.message));
    });
  });
});
