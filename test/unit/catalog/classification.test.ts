import assert from 'node:assert/strict';
import { allInstanceTypes, parseInstanceType, type InstanceClass } from '../../../src/core/catalog';
import { readSharedCsv } from './shared-csv';

/** Every family of the shared data, with the class a user should see. A new family in the data must be added here. */
const EXPECTED_CLASS: Record<string, InstanceClass> = {
  // NVIDIA, AMD (g4ad), Habana (dl1) and Qualcomm (dl2q) accelerators: vendor-bound
  dl1: 'gpu', dl2q: 'gpu', g4ad: 'gpu', g4dn: 'gpu', g5: 'gpu', g5g: 'gpu', g6: 'gpu', g6e: 'gpu', g6f: 'gpu',
  gr6: 'gpu', gr6f: 'gpu', p3: 'gpu', p3dn: 'gpu', p4d: 'gpu', p4de: 'gpu', p5: 'gpu', p5en: 'gpu',
  'p6-b200': 'gpu', 'p6-b300': 'gpu',
  // Graviton, Trainium, Inferentia
  c6g: 'portable', c7g: 'portable', c8g: 'portable', m6g: 'portable', m7g: 'portable', m8g: 'portable',
  r6g: 'portable', r7g: 'portable', r8g: 'portable', t4g: 'portable', inf1: 'portable', inf2: 'portable',
  trn1: 'portable', trn1n: 'portable',
  // x86 with a Graviton counterpart
  c5: 'x86', c6a: 'x86', c6i: 'x86', c7a: 'x86', c7i: 'x86', m5: 'x86', m6a: 'x86', m6i: 'x86', m7a: 'x86',
  m7i: 'x86', r5: 'x86', r6a: 'x86', r6i: 'x86', r7a: 'x86', r7i: 'x86', t3: 'x86', t3a: 'x86',
};

const CATEGORY: Record<InstanceClass, string | null> = {
  gpu: 'gpu-instance',
  x86: 'x86-instance',
  portable: 'portable-instance',
  other: null,
};

describe('catalog classification', () => {
  const csv = readSharedCsv();

  it('describes every type of the shared CSV, with its specs, class and category', function () {
    if (!csv) this.skip();
    const types = new Map(csv!.map((r) => [r.instanceType, r]));
    assert.equal(types.size, 343, 'SOURCE.md: 343 instance types');
    for (const [type, row] of types) {
      const info = parseInstanceType(type);
      assert.ok(info, `${type} parses`);
      assert.equal(info.known, true, `${type} is known`);
      assert.equal(info.vcpus, row.vcpus, `${type} vCPUs`);
      assert.equal(info.memoryGiB, row.memoryGiB, `${type} memory`);
      const expected = EXPECTED_CLASS[info.family];
      assert.ok(expected, `family ${info.family} has an expected class in this test`);
      assert.equal(info.class, expected, `${type} class`);
      assert.equal(info.category, CATEGORY[expected], `${type} category`);
      assert.notEqual(info.architecture, 'unknown', `${type} architecture`);
      if (row.acceleratorName) {
        assert.equal(info.accelerator?.count, row.acceleratorCount, `${type} accelerator count as in the CSV`);
        assert.notEqual(info.accelerator?.maker, 'unknown', `${type} accelerator ${row.acceleratorName} is in the table`);
        assert.ok((info.accelerator?.memoryGiB ?? 0) > 0, `${type} accelerator memory`);
      }
    }
  });

  it('lists every CSV type in allInstanceTypes(), sorted, plus the published-spec entries', function () {
    const all = allInstanceTypes();
    assert.deepEqual(all, [...all].sort());
    for (const t of ['trn2.48xlarge', 'trn2.3xlarge', 'p5e.48xlarge']) assert.ok(all.includes(t), t);
    if (!csv) return;
    const fromCsv = new Set(csv.map((r) => r.instanceType));
    for (const t of fromCsv) assert.ok(all.includes(t), t);
    assert.equal(all.length, fromCsv.size + 3);
  });

  it('keeps fractional GPU counts as in the source (g6f, gr6f)', () => {
    assert.equal(parseInstanceType('g6f.large')?.accelerator?.count, 0.125);
    assert.equal(parseInstanceType('g6f.4xlarge')?.accelerator?.count, 0.5);
    assert.equal(parseInstanceType('gr6f.4xlarge')?.accelerator?.count, 0.5);
  });

  it('names makers, models and per-accelerator memory', () => {
    const p4d = parseInstanceType('p4d.24xlarge')!;
    assert.deepEqual(p4d.accelerator, { maker: 'NVIDIA', model: 'A100', count: 8, memoryGiB: 40, kind: 'gpu' });
    assert.equal(parseInstanceType('p4de.24xlarge')?.accelerator?.memoryGiB, 80);
    assert.equal(parseInstanceType('p5en.48xlarge')?.accelerator?.memoryGiB, 141);
    assert.equal(parseInstanceType('p6-b200.48xlarge')?.accelerator?.memoryGiB, 179);
    assert.equal(parseInstanceType('g4ad.xlarge')?.accelerator?.maker, 'AMD');
    assert.equal(parseInstanceType('dl1.24xlarge')?.accelerator?.kind, 'gaudi');
    assert.equal(parseInstanceType('inf2.xlarge')?.accelerator?.kind, 'inferentia');
    assert.equal(parseInstanceType('trn1.32xlarge')?.accelerator?.kind, 'trainium');
    assert.equal(parseInstanceType('trn1.32xlarge')?.accelerator?.maker, 'AWS');
  });

  it('describes trn2.48xlarge from AWS published specs (not in the CSV)', () => {
    const trn2 = parseInstanceType('trn2.48xlarge')!;
    assert.equal(trn2.known, true);
    assert.equal(trn2.class, 'portable');
    assert.equal(trn2.vcpus, 192);
    assert.equal(trn2.memoryGiB, 2048);
    assert.deepEqual(trn2.accelerator, { maker: 'AWS', model: 'Trainium2', count: 16, memoryGiB: 96, kind: 'trainium' });
    assert.equal(trn2.accelerator!.count * trn2.accelerator!.memoryGiB!, 1536, '1.5 TiB accelerator memory');
  });

  it('gives g5g (Graviton2 + T4g) the arm64 architecture but the gpu class', () => {
    const g5g = parseInstanceType('g5g.xlarge')!;
    assert.equal(g5g.class, 'gpu');
    assert.equal(g5g.architecture, 'arm64');
    assert.equal(g5g.accelerator?.model, 'T4g');
  });

  it('gives Graviton families arm64 and x86 families x86_64', () => {
    for (const t of ['c6g.large', 'c7gn.large', 'm8g.xlarge', 'r7gd.large', 't4g.micro', 'x2gd.xlarge', 'i4g.large', 'im4gn.large', 'is4gen.large', 'a1.medium', 'hpc7g.16xlarge']) {
      const info = parseInstanceType(t)!;
      assert.equal(info.architecture, 'arm64', t);
      assert.equal(info.class, 'portable', t);
      assert.equal(info.category, 'portable-instance', t);
    }
    for (const t of ['c5.large', 'm6i.large', 'r7a.large', 't3a.nano', 'c7i-flex.large', 'x2iedn.xlarge', 'i4i.large', 'm5zn.large']) {
      const info = parseInstanceType(t)!;
      assert.equal(info.architecture, 'x86_64', t);
      assert.equal(info.class, 'x86', t);
      assert.equal(info.category, 'x86-instance', t);
    }
  });

  it('classes x86 families without a Graviton counterpart as other, with no category', () => {
    for (const t of ['z1d.large', 'h1.2xlarge', 'd3.xlarge', 'f1.2xlarge', 'mac1.metal', 'u-6tb1.112xlarge', 'vt1.3xlarge', 'hpc7a.96xlarge']) {
      const info = parseInstanceType(t)!;
      assert.ok(info, t);
      assert.equal(info.class, 'other', t);
      assert.equal(info.category, null, t);
    }
    assert.equal(parseInstanceType('mac2-m2pro.metal')?.architecture, 'arm64');
  });

  it('maps SageMaker ml. names to their EC2 type', () => {
    const info = parseInstanceType('ml.p4d.24xlarge')!;
    assert.equal(info.name, 'ml.p4d.24xlarge');
    assert.equal(info.ec2Type, 'p4d.24xlarge');
    assert.equal(info.sagemaker, true);
    assert.equal(info.family, 'p4d');
    assert.equal(info.generation, 4);
    assert.equal(info.size, '24xlarge');
    assert.equal(info.known, true);
    assert.equal(info.class, 'gpu');
    assert.equal(info.accelerator?.count, 8);
    assert.equal(parseInstanceType('ml.g5.xlarge')?.category, 'gpu-instance');
    assert.equal(parseInstanceType('ml.m5.large')?.category, 'x86-instance');
    assert.equal(parseInstanceType('ml.trn1.32xlarge')?.category, 'portable-instance');
    assert.equal(parseInstanceType('p4d.24xlarge')?.sagemaker, false);
  });

  it('classifies well-formed types newer than the data by family, with known: false', () => {
    const cases: [string, InstanceClass][] = [
      ['p7.48xlarge', 'gpu'],
      ['g7e.2xlarge', 'gpu'],
      ['p6e-gb200.36xlarge', 'gpu'],
      ['c9i.large', 'x86'],
      ['m9a.xlarge', 'x86'],
      ['trn3.48xlarge', 'portable'],
      ['inf3.xlarge', 'portable'],
      ['c9g.large', 'portable'],
      ['ml.p7.48xlarge', 'gpu'],
    ];
    for (const [type, cls] of cases) {
      const info = parseInstanceType(type);
      assert.ok(info, `${type} is kept`);
      assert.equal(info.known, false, type);
      assert.equal(info.class, cls, type);
      assert.equal(info.vcpus, undefined, `${type}: specs unknown`);
      assert.equal(info.accelerator, undefined, type);
    }
    assert.equal(parseInstanceType('p7.48xlarge')?.architecture, 'unknown');
    assert.equal(parseInstanceType('p7.48xlarge')?.generation, 7);
    assert.equal(parseInstanceType('c9i.large')?.architecture, 'x86_64');
    assert.equal(parseInstanceType('c9g.large')?.architecture, 'arm64');
    assert.equal(parseInstanceType('p6e-gb200.36xlarge')?.architecture, 'arm64', 'Grace CPU');
  });

  it('splits family, generation and size for dashed and special names', () => {
    const p6 = parseInstanceType('p6-b200.48xlarge')!;
    assert.deepEqual([p6.family, p6.generation, p6.size], ['p6-b200', 6, '48xlarge']);
    const flex = parseInstanceType('m7i-flex.large')!;
    assert.deepEqual([flex.family, flex.generation, flex.size], ['m7i-flex', 7, 'large']);
    const metal = parseInstanceType('c7i.metal-24xl')!;
    assert.deepEqual([metal.family, metal.size], ['c7i', 'metal-24xl']);
    const u = parseInstanceType('u-6tb1.56xlarge')!;
    assert.deepEqual([u.family, u.generation], ['u-6tb1', null]);
  });
});
