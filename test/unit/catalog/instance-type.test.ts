import assert from 'node:assert/strict';
import { INSTANCE_TYPE_RE, INSTANCE_TYPE_SCAN_RE, parseInstanceType } from '../../../src/core/catalog';

describe('instance type names', () => {
  const valid = [
    'p4d.24xlarge', 'ml.p4d.24xlarge', 'g5.xlarge', 't3.nano', 't3.micro', 't3.small', 'm5.medium', 'c5.large',
    'c5.9xlarge', 'u-6tb1.112xlarge', 'c7i.metal-24xl', 'm7i.metal-48xl', 'c6g.metal', 'p6-b200.48xlarge',
    'p6e-gb200.36xlarge', 'c7i-flex.large', 'mac1.metal', 'mac2-m2pro.metal', 'mac-m4.metal', 'trn1n.32xlarge',
    'inf2.48xlarge', 'dl2q.24xlarge', 'x2iezn.2xlarge', 'is4gen.large', 'im4gn.large', 'hpc7g.16xlarge',
    'u7i-12tb.224xlarge', 'gr6f.4xlarge', 'a1.medium',
  ];
  const invalid = [
    'main.py', 'v1.2', 'foo.bar', 'setup.cfg', 't3.mini', 'file.txt', 'config.large', 'p4d', '24xlarge', 'p4d.',
    '.xlarge', 'P4D.24XLARGE', 'p4d.24xlarge ', ' p4d.24xlarge', 'db.r5.large', 'cache.m5.large', 'ml.ml.p4d.24xlarge',
    'p4d.1xlarge', 'p4d.024xlarge', 'c5.large.search', 'python3.small', 'node18.large', 'v2.xlarge', 'k8s.large',
    'c.large', 'c5-.large', 'p4d.24xlarge.json', 'p4d_24xlarge', 'p4d.24-xlarge', 'e2.medium', 'n1.standard',
  ];

  it('accepts well-formed AWS instance types', () => {
    for (const t of valid) {
      assert.ok(INSTANCE_TYPE_RE.test(t), `${t} matches`);
      assert.ok(parseInstanceType(t), `${t} parses`);
    }
  });

  it('rejects file names, versions and other dotted words', () => {
    for (const t of invalid) {
      assert.equal(INSTANCE_TYPE_RE.test(t), false, `${t} does not match`);
      assert.equal(parseInstanceType(t), undefined, `${t} is not a type`);
    }
  });

  it('INSTANCE_TYPE_RE is not global (no lastIndex state)', () => {
    assert.equal(INSTANCE_TYPE_RE.global, false);
    assert.ok(INSTANCE_TYPE_RE.test('p4d.24xlarge'));
    assert.ok(INSTANCE_TYPE_RE.test('p4d.24xlarge'));
  });

  it('INSTANCE_TYPE_SCAN_RE finds types inside text, word-bounded', () => {
    assert.ok(INSTANCE_TYPE_SCAN_RE.global);
    const text = [
      'instance_type = "p4d.24xlarge"',
      "estimator = Estimator(instance_type='ml.g5.2xlarge')",
      'aws ec2 run-instances --instance-type=c5.xlarge.',
      'see (m5.large), t3.micro',
      'not these: db.r5.large cache.m5.large r6g.large.search xp4d.24xlarge main.py v1.2 t3.mini',
    ].join('\n');
    const found = [...text.matchAll(INSTANCE_TYPE_SCAN_RE)].map((m) => m[0]);
    assert.deepEqual(found, ['p4d.24xlarge', 'ml.g5.2xlarge', 'c5.xlarge', 'm5.large', 't3.micro']);
  });

  it('reports scan positions that slice back to the type', () => {
    const text = 'a: g6e.12xlarge\nb: "inf2.xlarge"';
    for (const m of text.matchAll(INSTANCE_TYPE_SCAN_RE)) {
      assert.equal(text.slice(m.index, m.index + m[0].length), m[0]);
      assert.ok(parseInstanceType(m[0]));
    }
  });
});
