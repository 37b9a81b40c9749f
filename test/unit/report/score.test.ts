import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATEGORIES, EFFORTS, SEVERITIES, type Finding } from '../../../src/core/types';
import { fileScores, lockInScore } from '../../../src/report/score';

const finding = (file: string, category: Finding['category'], severity: Finding['severity'] = 'warning', effort: Finding['effort'] = 'medium') =>
  ({ file, category, severity, effort }) as Finding;

const arbFinding = fc.record({
  file: fc.constantFrom('a.py', 'b.cu', 'c.tf', 'd.yaml', 'e.ts'),
  category: fc.constantFrom(...CATEGORIES),
  severity: fc.constantFrom(...SEVERITIES),
  effort: fc.constantFrom(...EFFORTS),
}) as fc.Arbitrary<Finding>;

describe('lock-in score', () => {
  it('is 0 for no findings and for portable instances only', () => {
    assert.equal(lockInScore([], 10), 0);
    assert.equal(lockInScore([finding('a.tf', 'portable-instance', 'info', 'none')], 10), 0);
  });

  it('stays within 0..100', () => {
    fc.assert(fc.property(fc.array(arbFinding, { maxLength: 300 }), fc.integer({ min: 0, max: 10_000 }), (fs, n) => {
      const s = lockInScore(fs, n);
      return s >= 0 && s <= 100;
    }), { seed: 42, numRuns: 300 });
  });

  it('is monotone: adding a finding never lowers it', () => {
    fc.assert(fc.property(fc.array(arbFinding, { maxLength: 100 }), arbFinding, fc.integer({ min: 1, max: 5_000 }), (fs, extra, n) => {
      return lockInScore([...fs, extra], n) >= lockInScore(fs, n);
    }), { seed: 7, numRuns: 500 });
  });

  it('weighs a hard CUDA kernel above a portable guard, and small code bases above large ones', () => {
    const kernel = lockInScore([finding('k.cu', 'cuda-source', 'warning', 'high')], 10);
    const guard = lockInScore([finding('t.py', 'framework-cuda', 'info', 'low')], 10);
    assert.ok(kernel > guard, `${kernel} > ${guard}`);
    const same = [finding('a.py', 'framework-cuda'), finding('a.py', 'gpu-library'), finding('b.py', 'framework-cuda')];
    assert.ok(lockInScore(same, 5) > lockInScore(same, 5_000));
  });

  it('scores each file on its own', () => {
    const scores = fileScores([finding('a.py', 'framework-cuda', 'info', 'low'), finding('b.cu', 'cuda-source', 'warning', 'high'), finding('b.cu', 'cuda-source', 'warning', 'high')]);
    assert.deepEqual(Object.keys(scores), ['a.py', 'b.cu']);
    assert.ok(scores['b.cu'] > scores['a.py']);
  });
});
