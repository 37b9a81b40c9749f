import assert from 'node:assert/strict';
import { parsePriceOverrides } from '../../../src/pricing/overrides';
import { CAPACITY_BLOCKS_NOTE, lookupHourlyPrice } from '../../../src/pricing/prices';
import { embeddedSnapshot } from '../../../src/pricing/snapshot';

describe('hourly price lookup', () => {
  const snap = embeddedSnapshot();

  it('returns the snapshot EC2 price', () => {
    const p = lookupHourlyPrice('p4d.24xlarge', 'us-east-1');
    assert.deepEqual(p, { instanceType: 'p4d.24xlarge', region: 'us-east-1', hourlyUsd: 21.957642, basis: 'ec2' });
    assert.equal(lookupHourlyPrice('trn1.32xlarge', 'us-east-1').hourlyUsd, snap.prices['us-east-1']!['trn1.32xlarge']);
  });

  it('prices ml. types with the EC2 price of the underlying type, labelled as such', () => {
    const p = lookupHourlyPrice('ml.p4d.24xlarge', 'us-east-1');
    assert.equal(p.hourlyUsd, 21.957642);
    assert.equal(p.basis, 'ec2-underlying');
    assert.match(p.note ?? '', /EC2 price of p4d\.24xlarge/);
    assert.match(p.note ?? '', /no SageMaker price/);
  });

  it('uses SageMaker prices when a snapshot has them', () => {
    const withSm = { ...snap, sagemakerPrices: { 'us-east-1': { 'ml.p4d.24xlarge': 37.688 } } };
    const p = lookupHourlyPrice('ml.p4d.24xlarge', 'us-east-1', { snapshot: withSm });
    assert.deepEqual([p.hourlyUsd, p.basis, p.note], [37.688, 'sagemaker', undefined]);
  });

  it('says "no on-demand price (Capacity Blocks only)" for p5e and trn2, never 0', () => {
    for (const t of ['p5e.48xlarge', 'trn2.48xlarge', 'ml.trn2.48xlarge']) {
      const p = lookupHourlyPrice(t, 'us-east-1');
      assert.equal(p.hourlyUsd, null, t);
      assert.equal(p.basis, null);
      assert.equal(p.note, CAPACITY_BLOCKS_NOTE);
    }
    assert.equal(CAPACITY_BLOCKS_NOTE, 'no on-demand price (Capacity Blocks only)');
  });

  it('says when a type has no price in a region', () => {
    const p = lookupHourlyPrice('trn1.32xlarge', 'ap-south-1');
    assert.equal(p.hourlyUsd, null);
    assert.equal(p.note, 'no price for trn1.32xlarge in ap-south-1 in the snapshot');
    assert.equal(lookupHourlyPrice('p7.48xlarge', 'us-east-1').note, 'no price for p7.48xlarge in us-east-1 in the snapshot');
    assert.equal(lookupHourlyPrice('p4d.24xlarge', 'mars-north-1').hourlyUsd, null);
  });

  it('does not read inherited properties as prices', () => {
    assert.equal(lookupHourlyPrice('constructor', 'us-east-1').hourlyUsd, null);
    assert.equal(lookupHourlyPrice('p4d.24xlarge', '__proto__').hourlyUsd, null);
  });

  it('prefers the user price file, region-specific first, then "*"', () => {
    const overrides = parsePriceOverrides(
      'instanceType,region,onDemandUsdPerHour\np4d.24xlarge,us-east-1,15\np4d.24xlarge,*,18\nml.g5.xlarge,,2\np5e.48xlarge,,40\n',
      'prices.csv',
    );
    assert.equal(lookupHourlyPrice('p4d.24xlarge', 'us-east-1', { overrides }).hourlyUsd, 15);
    const other = lookupHourlyPrice('p4d.24xlarge', 'eu-west-1', { overrides });
    assert.deepEqual([other.hourlyUsd, other.basis], [18, 'override']);
    assert.match(other.note ?? '', /prices\.csv/);
    assert.equal(lookupHourlyPrice('ml.g5.xlarge', 'us-east-1', { overrides }).basis, 'override');
    assert.equal(lookupHourlyPrice('p5e.48xlarge', 'us-east-1', { overrides }).hourlyUsd, 40, 'an override fills a Capacity-Block gap');
    const sm = lookupHourlyPrice('ml.p4d.24xlarge', 'us-east-1', { overrides });
    assert.deepEqual([sm.hourlyUsd, sm.basis], [15, 'ec2-underlying']);
    assert.equal(lookupHourlyPrice('g5.xlarge', 'us-east-1', { overrides }).basis, 'ec2', 'types not in the file keep the snapshot price');
  });
});
