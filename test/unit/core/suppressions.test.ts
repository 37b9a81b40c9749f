import assert from 'node:assert/strict';
import { SourceDocument } from '../../../src/core/document';
import { parseSuppressions } from '../../../src/core/suppressions';

const sup = (text: string) => parseSuppressions(new SourceDocument('x', text));

describe('inline suppressions', () => {
  it('suppresses the rule on its own line (#, //, /* */ comments)', () => {
    for (const c of ['x.cuda()  # accel-advisor-ignore python/tensor-cuda-method -- ok', 'x; // accel-advisor-ignore python/tensor-cuda-method', 'x /* accel-advisor-ignore python/tensor-cuda-method */']) {
      const s = sup(c);
      assert.equal(s.isSuppressed('python/tensor-cuda-method', 0), true, c);
      assert.equal(s.isSuppressed('python/other-rule', 0), false, c);
    }
  });

  it('next-line applies to the following line only', () => {
    const s = sup('# accel-advisor-ignore-next-line python/nccl-backend -- legacy\ndist.init("nccl")\nagain("nccl")\n');
    assert.equal(s.isSuppressed('python/nccl-backend', 1), true);
    assert.equal(s.isSuppressed('python/nccl-backend', 2), false);
    assert.equal(s.isSuppressed('python/nccl-backend', 0), false);
  });

  it('no rule id means every rule; several ids are comma-separated', () => {
    const s = sup('a  # accel-advisor-ignore -- reason\nb  # accel-advisor-ignore a/b,c/d\n');
    assert.equal(s.isSuppressed('any/rule', 0), true);
    assert.equal(s.isSuppressed('a/b', 1), true);
    assert.equal(s.isSuppressed('c/d', 1), true);
    assert.equal(s.isSuppressed('e/f', 1), false);
  });

  it('file-wide suppression', () => {
    const s = sup('# accel-advisor-ignore-file terraform/instance-type -- priced elsewhere\nx\ny\n');
    assert.equal(s.isSuppressed('terraform/instance-type', 2), true);
    assert.equal(s.isSuppressed('other/rule', 2), false);
  });

  it('a marker outside a comment does not count', () => {
    const s = sup('x = "accel-advisor-ignore"\n');
    assert.equal(s.isSuppressed('python/x', 0), false);
  });
});
