import assert from 'node:assert/strict';
import { allInstanceTypes, parseInstanceType, suggestCounterpart, type Counterpart } from '../../../src/core/catalog';
import type { Workload } from '../../../src/core/types';

function suggest(type: string, workload?: Workload): Counterpart | undefined {
  const info = parseInstanceType(type);
  assert.ok(info, `${type} parses`);
  return suggestCounterpart(info, workload);
}

describe('counterparts', () => {
  describe('GPU → Trainium / Inferentia', () => {
    it('p4d.24xlarge training → trn1.32xlarge, with the reasoning and the trn1n option', () => {
      const c = suggest('p4d.24xlarge', 'training')!;
      assert.equal(c.type, 'trn1.32xlarge');
      assert.equal(c.info.class, 'portable');
      assert.equal(c.assumption, undefined, 'workload was given');
      assert.match(c.reason, /8× NVIDIA A100 \(40 GiB each, 320 GiB\)/);
      assert.match(c.reason, /16 Trainium chips \(32 NeuronCores\), 512 GiB accelerator memory/);
      assert.match(c.reason, /trn1n\.32xlarge/);
      assert.match(c.reason, /no one-to-one/);
      assert.match(c.reason, /NeuronCore roughly like one GPU/);
    });

    it('assumes training for p-families when the workload is unknown, and says so', () => {
      const c = suggest('p4d.24xlarge')!;
      assert.equal(c.type, 'trn1.32xlarge');
      assert.match(c.assumption ?? '', /assumed training/);
      assert.equal(suggest('p3dn.24xlarge')?.type, 'trn1.32xlarge');
      assert.equal(suggest('p3.16xlarge')?.type, 'trn1.32xlarge');
    });

    it('sends bigger-than-Trn1 GPU memory (p4de, p5, p5e, p5en, p6) to trn2.48xlarge, noting it has no on-demand price', () => {
      for (const t of ['p4de.24xlarge', 'p5.48xlarge', 'p5e.48xlarge', 'p5en.48xlarge', 'p6-b200.48xlarge', 'p6-b300.48xlarge']) {
        const c = suggest(t, 'training')!;
        assert.equal(c.type, 'trn2.48xlarge', t);
        assert.match(c.reason, /Capacity Blocks only/, t);
      }
    });

    it('single-GPU training → trn1.2xlarge, warning when the GPU holds more than one Trainium', () => {
      assert.equal(suggest('p3.2xlarge', 'training')?.type, 'trn1.2xlarge');
      assert.equal(suggest('g5.xlarge', 'training')?.type, 'trn1.2xlarge');
      const h100 = suggest('p5.4xlarge', 'training')!;
      assert.equal(h100.type, 'trn1.2xlarge');
      assert.match(h100.reason, /80 GiB and one Trainium 32 GiB/);
    });

    it('g5.xlarge inference → inf2.xlarge; assumes inference for g-families', () => {
      const c = suggest('g5.xlarge')!;
      assert.equal(c.type, 'inf2.xlarge');
      assert.match(c.assumption ?? '', /assumed inference/);
      assert.equal(suggest('g5.xlarge', 'inference')?.assumption, undefined);
      assert.equal(suggest('g4dn.xlarge', 'inference')?.type, 'inf2.xlarge');
      assert.equal(suggest('g6.2xlarge', 'inference')?.type, 'inf2.xlarge');
    });

    it('single-GPU inference with a bigger host → inf2.8xlarge', () => {
      assert.equal(suggest('g5.4xlarge', 'inference')?.type, 'inf2.8xlarge');
      assert.equal(suggest('g4dn.16xlarge', 'inference')?.type, 'inf2.8xlarge');
    });

    it('large g sizes → inf2.24xlarge / inf2.48xlarge by GPU count and memory', () => {
      assert.equal(suggest('g5.12xlarge', 'inference')?.type, 'inf2.24xlarge');
      assert.equal(suggest('g5.24xlarge', 'inference')?.type, 'inf2.24xlarge');
      assert.equal(suggest('g6.24xlarge', 'inference')?.type, 'inf2.24xlarge');
      assert.equal(suggest('g6e.24xlarge', 'inference')?.type, 'inf2.24xlarge');
      assert.equal(suggest('g5.48xlarge', 'inference')?.type, 'inf2.48xlarge');
      assert.equal(suggest('g6.48xlarge', 'inference')?.type, 'inf2.48xlarge');
      assert.equal(suggest('g6e.48xlarge', 'inference')?.type, 'inf2.48xlarge');
    });

    it('a single GPU with more memory than one Inferentia2 gets a size that holds it, and the cheaper option is named', () => {
      const c = suggest('g6e.xlarge', 'inference')!;
      assert.equal(c.type, 'inf2.24xlarge');
      assert.match(c.reason, /inf2\.8xlarge is enough/);
    });

    it('inference beyond the largest Inf2 goes to Trainium', () => {
      assert.equal(suggest('p5.48xlarge', 'inference')?.type, 'trn2.48xlarge');
      assert.equal(suggest('p4d.24xlarge', 'inference')?.type, 'inf2.48xlarge');
    });

    it('sizes unknown GPU families by their size suffix and says the specs are unknown', () => {
      const p7 = suggest('p7.48xlarge')!;
      assert.equal(p7.type, 'trn2.48xlarge');
      assert.match(p7.reason, /Specs unknown/);
      assert.match(p7.assumption ?? '', /assumed training/);
      assert.equal(suggest('g7e.2xlarge')?.type, 'inf2.xlarge');
      assert.equal(suggest('g7e.48xlarge')?.type, 'inf2.48xlarge');
    });

    it('suggests for ml. types, returning the EC2 type name', () => {
      const c = suggest('ml.p4d.24xlarge', 'training')!;
      assert.equal(c.type, 'trn1.32xlarge');
      assert.equal(c.info.sagemaker, false);
    });

    it('covers accelerators other than NVIDIA (Gaudi, Qualcomm, AMD)', () => {
      assert.equal(suggest('dl1.24xlarge')?.type, 'trn1.32xlarge');
      assert.match(suggest('dl1.24xlarge')!.reason, /Gaudi/);
      assert.equal(suggest('dl2q.24xlarge')?.type, 'inf2.48xlarge');
      assert.equal(suggest('g4ad.xlarge')?.type, 'inf2.xlarge');
    });

    it('suggests a known Neuron type for every GPU type in the catalog, for both workloads', () => {
      for (const t of allInstanceTypes()) {
        const info = parseInstanceType(t)!;
        if (info.class !== 'gpu') continue;
        for (const w of ['training', 'inference'] as const) {
          const c = suggestCounterpart(info, w);
          assert.ok(c, `${t} ${w}`);
          assert.ok(c.info.known, `${t} ${w} → ${c.type} is in the catalog`);
          assert.match(c.type, /^(trn|inf)/);
          assert.ok(c.reason.length > 40);
        }
      }
    });
  });

  describe('x86 → Graviton', () => {
    it('m5.large → m7g.large and c5.xlarge → c7g.xlarge (same size, physical cores noted)', () => {
      const m5 = suggest('m5.large')!;
      assert.equal(m5.type, 'm7g.large');
      assert.equal(m5.info.architecture, 'arm64');
      assert.match(m5.reason, /physical cores/);
      assert.match(m5.reason, /hyperthread/);
      assert.equal(suggest('c5.xlarge')?.type, 'c7g.xlarge');
      assert.equal(suggest('r5.2xlarge')?.type, 'r7g.2xlarge');
    });

    it('7th and 8th generation x86 → Graviton4 (c8g/m8g/r8g)', () => {
      assert.equal(suggest('c7i.xlarge')?.type, 'c8g.xlarge');
      assert.equal(suggest('m7i.large')?.type, 'm8g.large');
      assert.equal(suggest('r7a.4xlarge')?.type, 'r8g.4xlarge');
      assert.equal(suggest('c7i.metal-24xl')?.type, 'c8g.metal-24xl');
      assert.match(suggest('m7a.large')!.reason, /physical cores too/);
    });

    it('t2/t3/t3a → t4g', () => {
      assert.equal(suggest('t3.micro')?.type, 't4g.micro');
      assert.equal(suggest('t3a.nano')?.type, 't4g.nano');
      assert.equal(suggest('t2.large')?.type, 't4g.large');
    });

    it('falls back to the nearest existing size and says so', () => {
      const c = suggest('c5.9xlarge')!;
      assert.equal(c.type, 'c7g.8xlarge');
      assert.match(c.reason, /c7g has no 9xlarge size/);
      assert.equal(suggest('m6i.32xlarge')?.type, 'm7g.16xlarge');
    });

    it('keeps local-disk and network variants and flags families not in the catalog', () => {
      const c = suggest('c5d.xlarge')!;
      assert.equal(c.type, 'c7gd.xlarge');
      assert.equal(c.info.known, false);
      assert.match(c.reason, /not in the bundled catalog/);
      assert.equal(suggest('c6in.large')?.type, 'c7gn.large');
      assert.equal(suggest('i3.large')?.type, 'i4g.large');
      assert.equal(suggest('i3en.large')?.type, 'is4gen.large');
      assert.equal(suggest('x1e.xlarge')?.type, 'x2gd.xlarge');
    });

    it('only suggests types that exist in the catalog when the target family is in it', () => {
      for (const t of allInstanceTypes()) {
        const info = parseInstanceType(t)!;
        if (info.class !== 'x86') continue;
        const c = suggestCounterpart(info);
        assert.ok(c, t);
        assert.equal(c.info.known, true, `${t} → ${c.type}`);
        assert.equal(c.info.class, 'portable', `${t} → ${c.type}`);
      }
    });

    it('SageMaker x86 types get the 7th-generation Graviton families, or nothing where SageMaker has none', () => {
      assert.equal(suggest('ml.c5.xlarge')?.type, 'c7g.xlarge');
      assert.equal(suggest('ml.m7i.large')?.type, 'm7g.large');
      assert.equal(suggest('ml.t3.medium'), undefined);
    });
  });

  it('suggests nothing for portable and other types', () => {
    for (const t of ['trn1.32xlarge', 'inf2.xlarge', 'm7g.large', 'ml.trn1.2xlarge', 'z1d.large', 'mac1.metal']) {
      assert.equal(suggest(t), undefined, t);
    }
  });
});
