import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import type { Finding } from '../../../src/core/types';
import { buildReport, priceFindings, pricingBasisLabel } from '../../../src/report/model';
import { embeddedSnapshot } from '../../../src/pricing/snapshot';

function instance(file: string, type: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'terraform/instance-type', category: 'gpu-instance', blocks: 'trainium', severity: 'warning', effort: 'medium',
    file, line: 1, column: 1, endLine: 1, endColumn: 5, message: 'm', advice: 'a long enough advice', docsUrl: 'u',
    startOffset: 0, endOffset: 4, instanceType: type, suggestedInstanceType: 'trn1.32xlarge', ...extra,
  };
}

const scan = (findings: Finding[]) => ({ root: '/w', findings, errors: [], skipped: [], filesScanned: 3, durationMs: 1 });

describe('report model', () => {
  it('counts a resource reached through a variable default and a .tfvars value once, preferring the .tfvars value', () => {
    const report = buildReport(
      scan([
        instance('variables.tf', 'g5.12xlarge', { resourceKey: 'terraform:.:var.gpu_type' }),
        instance('terraform.tfvars', 'p4d.24xlarge', { resourceKey: 'terraform:.:var.gpu_type' }),
      ]),
      { config: DEFAULT_CONFIG, toolVersion: 't' },
    );
    const [byVar, byTfvars] = report.findings;
    assert.equal(byVar.countedElsewhere, true);
    assert.equal(byTfvars.countedElsewhere, undefined);
    assert.equal(report.summary.monthlyUsd, Math.round(byTfvars.cost!.monthlyUsd! * 100) / 100);
  });

  it('keeps figures already priced per folder (multi-root) instead of re-pricing with one config', () => {
    const priced = instance('a/main.tf', 'p4d.24xlarge', {
      cost: { region: 'eu-west-1', count: 1, hourlyUsd: 10, monthlyUsd: 7300, suggestedHourlyUsd: 5, suggestedMonthlyUsd: 3650, monthlySavingsUsd: 3650 },
    });
    const report = buildReport(scan([priced]), { config: DEFAULT_CONFIG, toolVersion: 't', prePriced: true });
    assert.equal(report.findings[0].cost!.hourlyUsd, 10);
    assert.equal(report.summary.monthlyUsd, 7300);
    assert.equal(report.summary.monthlySavingsUsd, 3650);
  });

  it('counts findings by category, severity and effort, with every key present', () => {
    const report = buildReport(scan([instance('a.tf', 'p4d.24xlarge')]), { config: DEFAULT_CONFIG, toolVersion: 't' });
    assert.equal(Object.keys(report.summary.byCategory).length, 9);
    assert.equal(report.summary.byCategory['gpu-instance'], 1);
    assert.deepEqual(report.summary.bySeverity, { error: 0, warning: 1, info: 0 });
  });
});

describe('pricing sources', () => {
  it('price sources passed with extra fields (an editor pricing context with a default region) never override the region the code states', () => {
    const f = instance('app.py', 'c5.4xlarge', { region: 'eu-west-1', suggestedInstanceType: 'c7g.4xlarge' });
    const sources = { region: 'us-east-1', snapshot: embeddedSnapshot() } as unknown as Parameters<typeof priceFindings>[3];
    priceFindings([f], DEFAULT_CONFIG, undefined, sources);
    assert.equal(f.cost!.region, 'eu-west-1');
  });
});

describe('pricing basis', () => {
  it('lists every region the findings were priced in, and says so in the label', () => {
    const report = buildReport(
      scan([instance('a/main.tf', 'p4d.24xlarge', { region: 'us-west-2' }), instance('b/app.py', 'c5.4xlarge', { region: 'eu-west-1', suggestedInstanceType: 'c7g.4xlarge' })]),
      { config: DEFAULT_CONFIG, toolVersion: 't' },
    );
    assert.deepEqual(report.pricing.regions, ['eu-west-1', 'us-west-2']);
    assert.match(pricingBasisLabel(report.pricing), /^on-demand, Linux, eu-west-1, us-west-2 \(each resource in the region its code states\), 730 h\/month, as of \d{4}-\d{2}-\d{2}/);
    const single = buildReport(scan([instance('a/main.tf', 'p4d.24xlarge')]), { config: { ...DEFAULT_CONFIG, discount: 0.125 }, toolVersion: 't' });
    assert.match(pricingBasisLabel(single.pricing), /^on-demand, Linux, us-east-1, 730 h\/month, 12\.5% discount, as of /);
  });
});
