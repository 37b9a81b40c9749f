import assert from 'node:assert/strict';
import { estimateCost, monthlyCost, pricingLabel, type PricingOptions } from '../../../src/pricing/estimate';
import { formatUsd } from '../../../src/report/money';
import { parsePriceOverrides } from '../../../src/pricing/overrides';
import { embeddedSnapshot } from '../../../src/pricing/snapshot';
import { setActiveSnapshot } from '../../../src/pricing/snapshot-info';

const base: PricingOptions = { region: 'us-east-1', hoursPerMonth: 730, discount: 0 };
const price = (type: string, region = 'us-east-1') => embeddedSnapshot().prices[region]![type]!;

describe('cost estimates', () => {
  it('p4d.24xlarge × 2 in us-east-1, 730 h: snapshot figures, counterpart and savings', () => {
    const e = estimateCost('p4d.24xlarge', 'trn1.32xlarge', 2, base);
    const p4d = price('p4d.24xlarge');
    const trn1 = price('trn1.32xlarge');
    assert.equal(p4d, 21.957642);
    assert.equal(e.region, 'us-east-1');
    assert.equal(e.count, 2);
    assert.equal(e.hourlyUsd, p4d);
    assert.equal(e.monthlyUsd, monthlyCost(p4d, 730, 2, 0));
    assert.ok(Math.abs(e.monthlyUsd! - 32058.15732) < 1e-6);
    assert.equal(e.suggestedHourlyUsd, trn1);
    assert.ok(Math.abs(e.suggestedMonthlyUsd! - trn1 * 730 * 2) < 1e-6);
    assert.ok(Math.abs(e.monthlySavingsUsd! - (e.monthlyUsd! - e.suggestedMonthlyUsd!)) < 1e-6);
    assert.equal(e.note, undefined);
  });

  it('computes monthly figures deterministically, free of float noise', () => {
    const a = estimateCost('m5.large', 'm7g.large', 3, { ...base, hoursPerMonth: 730.5, discount: 0.1 });
    const b = estimateCost('m5.large', 'm7g.large', 3, { ...base, hoursPerMonth: 730.5, discount: 0.1 });
    assert.deepEqual(a, b);
    assert.equal(monthlyCost(0.1, 3, 1, 0), 0.3, '0.1 × 3 is 0.3, not 0.30000000000000004');
    assert.equal(JSON.stringify(estimateCost('p4d.24xlarge', undefined, 2, base).monthlyUsd), '32058.15732');
  });

  it('hours per month scale the monthly figures', () => {
    const e = estimateCost('g5.xlarge', 'inf2.xlarge', 1, { ...base, hoursPerMonth: 100 });
    assert.ok(Math.abs(e.monthlyUsd! - price('g5.xlarge') * 100) < 1e-9);
    assert.ok(Math.abs(e.suggestedMonthlyUsd! - price('inf2.xlarge') * 100) < 1e-9);
  });

  it('the discount applies to both sides and leaves hourly list prices alone', () => {
    const full = estimateCost('p4d.24xlarge', 'trn1.32xlarge', 1, base);
    const off = estimateCost('p4d.24xlarge', 'trn1.32xlarge', 1, { ...base, discount: 0.25 });
    assert.equal(off.hourlyUsd, full.hourlyUsd);
    assert.ok(Math.abs(off.monthlyUsd! - full.monthlyUsd! * 0.75) < 1e-6);
    assert.ok(Math.abs(off.suggestedMonthlyUsd! - full.suggestedMonthlyUsd! * 0.75) < 1e-6);
    assert.ok(Math.abs(off.monthlySavingsUsd! - full.monthlySavingsUsd! * 0.75) < 1e-6);
  });

  it('the count multiplies both sides', () => {
    const one = estimateCost('c5.xlarge', 'c7g.xlarge', 1, base);
    const five = estimateCost('c5.xlarge', 'c7g.xlarge', 5, base);
    assert.ok(Math.abs(five.monthlyUsd! - one.monthlyUsd! * 5) < 1e-9);
    assert.ok(Math.abs(five.monthlySavingsUsd! - one.monthlySavingsUsd! * 5) < 1e-9);
  });

  it('the region changes the figures', () => {
    const east = estimateCost('m5.large', 'm7g.large', 1, base);
    const sa = estimateCost('m5.large', 'm7g.large', 1, { ...base, region: 'af-south-1' });
    assert.equal(sa.region, 'af-south-1');
    assert.equal(sa.hourlyUsd, price('m5.large', 'af-south-1'));
    assert.notEqual(sa.hourlyUsd, east.hourlyUsd);
  });

  it('shows a negative saving as is', () => {
    const e = estimateCost('g6e.xlarge', 'inf2.24xlarge', 1, base);
    assert.ok(e.monthlySavingsUsd! < 0);
  });

  it('the user price file replaces the snapshot for the types it lists', () => {
    const overrides = parsePriceOverrides(JSON.stringify({ prices: { 'p4d.24xlarge': { 'us-east-1': 10 } } }), 'team-prices.json');
    const e = estimateCost('p4d.24xlarge', 'trn1.32xlarge', 2, { ...base, overrides });
    assert.equal(e.hourlyUsd, 10);
    assert.equal(e.monthlyUsd, 10 * 730 * 2);
    assert.equal(e.suggestedHourlyUsd, price('trn1.32xlarge'));
    assert.match(e.note ?? '', /p4d\.24xlarge: price from team-prices\.json/);
  });

  it('unknown prices are null, never 0, with a note; Capacity-Block types say so', () => {
    const trn2 = estimateCost('p5.48xlarge', 'trn2.48xlarge', 1, base);
    assert.equal(trn2.hourlyUsd, price('p5.48xlarge'));
    assert.equal(trn2.suggestedHourlyUsd, null);
    assert.equal(trn2.suggestedMonthlyUsd, null);
    assert.equal(trn2.monthlySavingsUsd, null);
    assert.equal(trn2.note, 'trn2.48xlarge: no on-demand price (Capacity Blocks only)');

    const unknown = estimateCost('p7.48xlarge', 'trn2.48xlarge', 1, base);
    assert.deepEqual(
      [unknown.hourlyUsd, unknown.monthlyUsd, unknown.suggestedHourlyUsd, unknown.monthlySavingsUsd],
      [null, null, null, null],
    );
    assert.match(unknown.note ?? '', /no price for p7\.48xlarge in us-east-1 in the snapshot/);

    const noRegion = estimateCost('trn1.32xlarge', undefined, 1, { ...base, region: 'ap-south-1' });
    assert.equal(noRegion.monthlyUsd, null);
  });

  it('with no counterpart the suggested side is null', () => {
    const e = estimateCost('m7g.large', undefined, 1, base);
    assert.equal(e.monthlyUsd, monthlyCost(price('m7g.large'), 730, 1, 0));
    assert.equal(e.suggestedMonthlyUsd, null);
    assert.equal(e.monthlySavingsUsd, null);
  });

  it('labels ml. estimates as EC2 prices of the underlying type', () => {
    const e = estimateCost('ml.p4d.24xlarge', 'ml.trn1.32xlarge', 1, base);
    assert.equal(e.hourlyUsd, 21.957642);
    assert.match(e.note ?? '', /ml\.p4d\.24xlarge: EC2 price of p4d\.24xlarge/);
    assert.match(e.note ?? '', /ml\.trn1\.32xlarge: EC2 price of trn1\.32xlarge/);
  });

  it('rejects impossible options', () => {
    assert.throws(() => estimateCost('m5.large', undefined, 1, { ...base, discount: 1 }), RangeError);
    assert.throws(() => estimateCost('m5.large', undefined, 1, { ...base, discount: -0.1 }), RangeError);
    assert.throws(() => estimateCost('m5.large', undefined, 1, { ...base, hoursPerMonth: 0 }), RangeError);
    assert.throws(() => estimateCost('m5.large', undefined, -1, base), RangeError);
    assert.throws(() => estimateCost('m5.large', undefined, 1, { ...base, region: '' }), RangeError);
  });

  it('labels where prices come from', () => {
    assert.equal(pricingLabel(base), 'on-demand, Linux, us-east-1, as of 2026-07-20 (SkyPilot catalog snapshot)');
    const overrides = parsePriceOverrides('instanceType,region,onDemandUsdPerHour\nm5.large,,0.05\n', '/home/me/prices.csv');
    assert.equal(
      pricingLabel({ ...base, region: 'eu-west-1', discount: 0.15, overrides }),
      'on-demand, Linux, eu-west-1, as of 2026-07-20 (SkyPilot catalog snapshot), 15% discount, user prices from prices.csv',
    );
  });

  it('follows the active snapshot when one is selected', () => {
    const refreshed = { ...embeddedSnapshot(), label: 'AWS Price List', asOf: '2027-01-02', prices: { 'us-east-1': { 'p4d.24xlarge': 20 } } };
    setActiveSnapshot(refreshed);
    try {
      assert.equal(estimateCost('p4d.24xlarge', undefined, 1, base).hourlyUsd, 20);
      assert.match(pricingLabel(base), /as of 2027-01-02 \(AWS Price List\)/);
    } finally {
      setActiveSnapshot(undefined);
    }
    assert.equal(estimateCost('p4d.24xlarge', undefined, 1, base).hourlyUsd, 21.957642);
  });

  it('formats money to cents only for display', () => {
    assert.equal(formatUsd(32058.15732), '$32,058.16');
    assert.equal(formatUsd(-12.344), '−$12.34');
    assert.equal(formatUsd(null), 'unknown');
  });
});
