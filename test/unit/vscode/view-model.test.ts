import { strict as assert } from 'node:assert';
import { buildReport } from '../../../src/report/model';
import { buildViewModel } from '../../../src/report/view-model';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import type { Finding } from '../../../src/core/types';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const page = require('../../../media/report.js') as {
  filterRows: (rows: unknown[], f: Record<string, string>) => { i: number }[];
  barWidths: (bars: { monthly: number; suggestedMonthly: number | null }[], w: number) => { now: number; then: number }[];
  formatUsd: (n: number | null, whole?: boolean) => string;
};

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: i % 2 ? 'python/cuda-device-string' : 'terraform/instance-type',
    category: i % 2 ? 'framework-cuda' : 'gpu-instance',
    blocks: 'trainium',
    severity: i % 3 === 0 ? 'error' : 'warning',
    effort: 'low',
    file: `src/f${i % 50}.py`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 5,
    message: `finding ${i}`,
    advice: 'do something',
    docsUrl: 'https://x',
    startOffset: 0,
    endOffset: 4,
    ...over,
  };
}

describe('report view-model for the panel', () => {
  const findings = [
    finding(0, { instanceType: 'p4d.24xlarge', suggestedInstanceType: 'trn1.32xlarge' }),
    finding(1),
    finding(2, { instanceType: 'm5.large', suggestedInstanceType: 'm7g.large', category: 'x86-instance', blocks: 'graviton' }),
  ];
  const report = buildReport({ root: '/ws', findings, errors: [], skipped: [], filesScanned: 3, durationMs: 1 }, { config: DEFAULT_CONFIG, toolVersion: 't' });
  const vm = buildViewModel(report);

  it('carries score, totals, counts and the plan', () => {
    assert.equal(vm.score, report.summary.lockInScore);
    assert.equal(vm.totals.monthly, report.summary.monthlyUsd);
    assert.deepEqual(vm.counts.severity.map((c) => c.key).sort(), ['error', 'warning']);
    assert.ok(vm.plan.length > 0);
    assert.match(vm.pricing.label, /us-east-1/);
  });

  it('has one cost bar per priced resource, most expensive first', () => {
    assert.deepEqual(vm.costBars.map((b) => b.instanceType), ['p4d.24xlarge', 'm5.large']);
    assert.ok(vm.costBars[0].suggestedMonthly! > 0);
  });

  it('folds the long tail of resources into one bar', () => {
    const many = Array.from({ length: 40 }, (_, i) => finding(i * 2, { instanceType: 'm5.large', suggestedInstanceType: 'm7g.large', category: 'x86-instance', blocks: 'graviton' }));
    const r = buildReport({ root: '/ws', findings: many, errors: [], skipped: [], filesScanned: 1, durationMs: 1 }, { config: DEFAULT_CONFIG, toolVersion: 't' });
    const bars = buildViewModel(r).costBars;
    assert.equal(bars.length, 15);
    assert.match(bars[14].label, /26 other resources/);
  });

  it('offers facets for the filters', () => {
    assert.deepEqual(vm.facets.target, ['graviton', 'trainium']);
    assert.ok(vm.facets.file.includes('src/f1.py'));
  });
});

describe('report page filters (media/report.js)', () => {
  const findings = Array.from({ length: 10_000 }, (_, i) => finding(i));
  const report = buildReport({ root: '/ws', findings, errors: [], skipped: [], filesScanned: 50, durationMs: 1 }, { config: DEFAULT_CONFIG, toolVersion: 't' });
  const rows = buildViewModel(report).findings;

  it('filters by facet and search, fast with 10,000 findings', () => {
    const t = Date.now();
    const errs = page.filterRows(rows, { severity: 'error', category: '', target: '', file: '', search: '' });
    const searched = page.filterRows(rows, { severity: '', category: '', target: '', file: 'src/f7.py', search: 'finding 1007' });
    assert.ok(Date.now() - t < 200, 'under 200 ms');
    assert.equal(errs.length, Math.ceil(10_000 / 3));
    assert.equal(searched.length, 1);
  });

  it('search terms must all match', () => {
    assert.equal(page.filterRows(rows, { search: 'cuda-device-string finding 9999' }).length, 1);
    assert.equal(page.filterRows(rows, { search: 'no-such-term finding' }).length, 0);
  });

  it('scales chart bars to the largest value', () => {
    assert.deepEqual(page.barWidths([{ monthly: 100, suggestedMonthly: 50 }, { monthly: 10, suggestedMonthly: null }], 100), [
      { now: 100, then: 50 },
      { now: 10, then: 0 },
    ]);
    assert.equal(page.formatUsd(32059.4, true), '$32,059');
    assert.equal(page.formatUsd(null), 'unknown');
  });
});
