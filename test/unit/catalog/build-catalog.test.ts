import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, readSharedCsv, SHARED_CSV } from './shared-csv';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/build-catalog.mjs');
const HEADER = 'instanceType,region,vcpus,memoryGiB,acceleratorName,acceleratorCount,onDemandUsdPerHour';

function run(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

describe('scripts/build-catalog.mjs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accel-catalog-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function build(rows: string[]): { catalog: any; snapshot: any; catalogText: string; snapshotText: string } {
    const csv = path.join(dir, 'in.csv');
    writeFileSync(csv, [HEADER, ...rows, ''].join('\n'));
    const r = run([csv, '--out-dir', dir]);
    assert.equal(r.status, 0, r.stderr);
    const catalogText = readFileSync(path.join(dir, 'catalog-data.json'), 'utf8');
    const snapshotText = readFileSync(path.join(dir, 'price-snapshot.json'), 'utf8');
    return { catalog: JSON.parse(catalogText), snapshot: JSON.parse(snapshotText), catalogText, snapshotText };
  }

  const rows = [
    'p4d.24xlarge,us-east-1,96,1152,A100,8,21.957642',
    'g6f.large,us-east-1,2,8,L4,0.125,0.2',
    'm5.large,eu-west-1,2,8,,,0.107',
    'm5.large,us-east-1,2,8,,,0.096',
  ];

  it('copies specs, regions and prices from the CSV, keeping fractional counts', () => {
    const { catalog, snapshot } = build(rows);
    assert.deepEqual(catalog.regions, ['eu-west-1', 'us-east-1']);
    assert.deepEqual(catalog.types['p4d.24xlarge'], { acceleratorCount: 8, acceleratorName: 'A100', memoryGiB: 1152, regions: [1], vcpus: 96 });
    assert.equal(catalog.types['g6f.large'].acceleratorCount, 0.125);
    assert.deepEqual(catalog.types['m5.large'].regions, [0, 1]);
    assert.equal(snapshot.prices['us-east-1']['p4d.24xlarge'], 21.957642);
    assert.equal(snapshot.prices['eu-west-1']['m5.large'], 0.107);
    assert.equal(snapshot.currency, 'USD');
    assert.equal(snapshot.sagemaker.pricesIncluded, false);
    assert.deepEqual(snapshot.capacityBlockOnly.map((c: { type: string }) => c.type), ['p5e.48xlarge', 'trn2.3xlarge', 'trn2.48xlarge']);
  });

  it('writes the same bytes whatever the row order', () => {
    const a = build(rows);
    const b = build([...rows].reverse());
    assert.equal(a.catalogText, b.catalogText);
    assert.equal(a.snapshotText, b.snapshotText);
  });

  it('writes keys sorted at every level', () => {
    const { snapshot } = build(rows);
    const check = (v: unknown): void => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const keys = Object.keys(v);
        assert.deepEqual(keys, [...keys].sort());
        Object.values(v).forEach(check);
      } else if (Array.isArray(v)) v.forEach(check);
    };
    check(snapshot);
  });

  it('rejects a bad price, a duplicate row or specs that differ between regions, naming the line', () => {
    const cases: [string[], RegExp][] = [
      [['m5.large,us-east-1,2,8,,,'], /in\.csv:2: "" is not a positive number/],
      [['m5.large,us-east-1,2,8,,,0', 'x'], /in\.csv:2: "0" is not a positive number/],
      [['m5.large,us-east-1,2,8,,,0.1', 'm5.large,us-east-1,2,8,,,0.1'], /in\.csv:3: duplicate row/],
      [['m5.large,us-east-1,2,8,,,0.1', 'm5.large,eu-west-1,4,8,,,0.1'], /in\.csv:3: m5\.large vcpus differs/],
      [['m5.large,us-east-1,2,8,A100,,0.1'], /in\.csv:2: accelerator name and count/],
    ];
    for (const [bad, message] of cases) {
      const csv = path.join(dir, 'in.csv');
      writeFileSync(csv, [HEADER, ...bad].join('\n'));
      const r = run([csv, '--out-dir', dir]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, message);
    }
  });

  it('the committed files are up to date with the shared CSV (--check)', function () {
    if (!readSharedCsv()) this.skip();
    const r = run([SHARED_CSV, '--check']);
    assert.equal(r.status, 0, r.stderr);
  });
});
