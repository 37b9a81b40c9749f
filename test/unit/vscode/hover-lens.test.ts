import { strict as assert } from 'node:assert';
import { instanceTypeAt } from '../../../src/vscode/instance-token';
import { escapeMarkdown, instanceHoverMarkdown } from '../../../src/vscode/hover-content';
import { lensTitle, lensesFor } from '../../../src/vscode/lens-content';
import { statusText } from '../../../src/vscode/status-text';
import type { Finding } from '../../../src/core/types';

const pricing = { region: 'us-east-1', hoursPerMonth: 730, discount: 0 };

describe('vscode hover', () => {
  it('finds the instance type under the cursor in any syntax', () => {
    assert.deepEqual(instanceTypeAt('  instance_type = "p4d.24xlarge"', 22), { text: 'p4d.24xlarge', start: 19, end: 31 });
    assert.equal(instanceTypeAt('instance_type: ml.g5.2xlarge', 20)?.text, 'ml.g5.2xlarge');
    assert.equal(instanceTypeAt('"InstanceType": "m5.large",', 18)?.text, 'm5.large');
    assert.equal(instanceTypeAt('  instance_type = "p4d.24xlarge"', 3), undefined);
    assert.equal(instanceTypeAt('engine = "db.r5.large"', 14), undefined, 'RDS types are another service');
  });

  it('shows specs, prices in the region, the counterpart and the source', () => {
    const md = instanceHoverMarkdown({ instanceType: 'p4d.24xlarge', pricing })!;
    assert.match(md, /\*\*p4d\\\.24xlarge\*\*/);
    assert.match(md, /trn1/);
    assert.match(md, /\| vCPUs \| 96 \|/);
    assert.match(md, /A100/);
    assert.match(md, /Per hour \| \$21\\\.9\d*\/h \| \$\d/);
    assert.match(md, /Per month \(730 h\)/);
    assert.match(md, /us\\-east\\-1, as of \d{4}\\-\d{2}\\-\d{2}/);
    assert.match(md, /(Saves|Costs more)/);
  });

  it('uses the counterpart the analyzer chose', () => {
    const md = instanceHoverMarkdown({ instanceType: 'g5.xlarge', suggested: 'inf2.xlarge', pricing })!;
    assert.match(md, /inf2\\\.xlarge/);
  });

  it('applies the discount and says so', () => {
    const md = instanceHoverMarkdown({ instanceType: 'm5.large', pricing: { ...pricing, discount: 0.5 } })!;
    assert.match(md, /50% discount/);
    assert.match(md, /m7g|m8g/);
  });

  it('escapes Markdown and HTML', () => {
    assert.equal(escapeMarkdown('<img src=x>*[a](b)|'), '&lt;img src=x&gt;\\*\\[a\\]\\(b\\)\\|');
  });

  it('returns nothing for text that is not an instance type', () => {
    assert.equal(instanceHoverMarkdown({ instanceType: 'main.py', pricing }), undefined);
  });
});

describe('vscode code lens', () => {
  const cost = { region: 'us-east-1', count: 2, hourlyUsd: 21.96, monthlyUsd: 32061.6, suggestedHourlyUsd: 21.5, suggestedMonthlyUsd: 31390, monthlySavingsUsd: 671.6 };
  it('shows the monthly cost, the counterpart and the difference', () => {
    assert.equal(lensTitle({ instanceType: 'p4d.24xlarge', suggestedInstanceType: 'trn1.32xlarge' }, cost), '2 × p4d.24xlarge $32,062/mo · trn1.32xlarge $31,390/mo (save $672)');
  });
  it('says "no on-demand price" rather than $0', () => {
    const t = lensTitle({ instanceType: 'p5e.48xlarge' }, { ...cost, count: 1, hourlyUsd: null, monthlyUsd: null, note: 'no on-demand price (Capacity Blocks only)' });
    assert.equal(t, 'p5e.48xlarge no on-demand price');
  });
  it('gives one lens per resource line', () => {
    const base = { ruleId: 'r/x', category: 'gpu-instance', blocks: 'trainium', severity: 'warning', effort: 'medium', file: 'main.tf', column: 1, endColumn: 5, message: '', advice: '', docsUrl: '', startOffset: 0, endOffset: 1 } as const;
    const fs: Finding[] = [
      { ...base, line: 3, endLine: 3, instanceType: 'p4d.24xlarge', cost },
      { ...base, line: 3, endLine: 3, instanceType: 'p4d.24xlarge', cost },
      { ...base, line: 9, endLine: 9, instanceType: 'm5.large', cost },
      { ...base, line: 12, endLine: 12 },
    ];
    assert.deepEqual(lensesFor(fs).map((l) => l.line), [2, 8]);
  });
});

describe('vscode status bar', () => {
  it('shows score and savings', () => {
    const s = statusText({ findings: [], summary: { lockInScore: 62, monthlySavingsUsd: 669.4, monthlyUsd: 32059, suggestedMonthlyUsd: 31390 } as never });
    assert.equal(s.text, '$(pulse) Lock-in 62 · save $669/mo');
  });
  it('invites a scan before the first one', () => {
    assert.match(statusText(undefined).text, /Accel Advisor/);
  });
});
