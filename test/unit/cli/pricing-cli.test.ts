import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli/main';
import snapshot from '../../../src/pricing/price-snapshot.json';

const fixture = path.resolve(__dirname, '../../fixtures/workspaces/pricing');
const prices = (snapshot as { prices: Record<string, Record<string, number>> }).prices;

async function scanJson(cwd: string, extra: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(['scan', '.', '--format', 'json', '--fail-on', 'none', ...extra], { stdout, stderr, cwd, env: { ACCEL_ADVISOR_CACHE_DIR: path.join(cwd, '.no-cache') } });
  assert.equal(code, 0, err);
  return JSON.parse(out);
}

async function workspace(config?: object, files: Record<string, string> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-price-'));
  await fs.copyFile(path.join(fixture, 'main.tf'), path.join(dir, 'main.tf'));
  if (config) await fs.writeFile(path.join(dir, '.accel-advisor.json'), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

const p4d = (doc: { findings: { instanceType?: string; suggestedInstanceType?: string; cost?: Record<string, unknown> }[] }) => doc.findings.find((f) => f.instanceType === 'p4d.24xlarge')!;

describe('prices in scan results', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('prices p4d.24xlarge × 2 in us-east-1 from the snapshot, with its counterpart and the difference', async () => {
    const doc = await scanJson(fixture);
    const f = p4d(doc);
    const hourly = prices['us-east-1']['p4d.24xlarge'];
    assert.equal(hourly, 21.957642, 'the snapshot figure from the shared data');
    assert.equal(f.suggestedInstanceType, 'trn1.32xlarge');
    const trn = prices['us-east-1']['trn1.32xlarge'];
    assert.deepEqual(f.cost, {
      region: 'us-east-1',
      count: 2,
      hourlyUsd: hourly,
      monthlyUsd: Number((hourly * 730 * 2).toFixed(8)),
      suggestedHourlyUsd: trn,
      suggestedMonthlyUsd: Number((trn * 730 * 2).toFixed(8)),
      monthlySavingsUsd: Number((hourly * 730 * 2 - trn * 730 * 2).toFixed(8)),
    });
    assert.equal(doc.pricing.region, 'us-east-1');
    assert.equal(doc.pricing.asOf, (snapshot as { asOf: string }).asOf);
    assert.equal(doc.summary.monthlyUsd, Math.round(hourly * 730 * 2 * 100) / 100, 'the unpriced p5e is not in the total');
    assert.equal(doc.summary.unpricedInstances, 1);
  });

  it('an unknown price is null, never 0, and says why', async () => {
    const doc = await scanJson(fixture);
    const f = doc.findings.find((x: { instanceType?: string }) => x.instanceType === 'p5e.48xlarge');
    assert.equal(f.cost.hourlyUsd, null);
    assert.equal(f.cost.monthlyUsd, null);
    assert.match(f.cost.note, /no on-demand price \(Capacity Blocks only\)/);
  });

  it('region, hours, discount and a user price file each change the figures', async () => {
    const hourly = prices['us-east-1']['p4d.24xlarge'];
    const west = prices['us-west-2']['p4d.24xlarge'];
    assert.equal(p4d(await scanJson(fixture, ['--region', 'us-west-2'])).cost!.hourlyUsd, west);

    const hoursDir = await workspace({ hoursPerMonth: 500 });
    dirs.push(hoursDir);
    assert.equal(p4d(await scanJson(hoursDir)).cost!.monthlyUsd, Number((hourly * 500 * 2).toFixed(8)));

    const discountDir = await workspace({ discount: 0.25 });
    dirs.push(discountDir);
    assert.equal(p4d(await scanJson(discountDir)).cost!.monthlyUsd, Number((hourly * 730 * 2 * 0.75).toFixed(8)));

    const overrideDir = await workspace({ priceFile: 'prices.csv' }, { 'prices.csv': 'instanceType,region,onDemandUsdPerHour\np4d.24xlarge,us-east-1,10\n' });
    dirs.push(overrideDir);
    const doc = await scanJson(overrideDir);
    assert.equal(p4d(doc).cost!.hourlyUsd, 10);
    assert.match(doc.pricing.source, /user prices from .*prices\.csv/);
  });

  it('the count comes from the code', async () => {
    const dir = await workspace();
    dirs.push(dir);
    await fs.writeFile(path.join(dir, 'main.tf'), (await fs.readFile(path.join(fixture, 'main.tf'), 'utf8')).replace('count         = 2', 'count         = 5'));
    assert.equal(p4d(await scanJson(dir)).cost!.count, 5);
  });

  it('text and Markdown reports show the cost table and the score', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d) => (out += d));
    await main(['scan', '.', '--fail-on', 'none'], { stdout, stderr: new PassThrough(), cwd: fixture, env: {} });
    assert.match(out, /2× p4d\.24xlarge \$32,058\.16\/mo → trn1\.32xlarge \$31,390\.00\/mo/);
    assert.match(out, /Lock-in score: \d+\/100/);
    const md = new PassThrough();
    let mdOut = '';
    md.on('data', (d) => (mdOut += d));
    await main(['scan', '.', '-f', 'markdown', '--fail-on', 'none'], { stdout: md, stderr: new PassThrough(), cwd: fixture, env: {} });
    assert.match(mdOut, /\| main\.tf:7 \| p4d\.24xlarge \| 2 \| \$21\.9576\/h \| \$32,058\.16 \| trn1\.32xlarge \| \$31,390\.00 \| \$668\.16 \|/);
    assert.match(mdOut, /\| main\.tf:\d+ \| p5e\.48xlarge \| 1 \| unknown \| unknown \|/);
  });
});
