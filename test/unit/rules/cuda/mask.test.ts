import assert from 'node:assert/strict';
import { maskCudaSyntax } from '../../../../src/analyzers/cuda/mask';
import { parseWith } from '../../../../src/core/treesitter';

describe('cuda/mask (what the C++ parser reads)', () => {
  const src = [
    '#define KERNEL __global__ // kept: preprocessor lines are read from nodes',
    '#include "a.h"',
    '/* __global__ in a comment */ const char* s = "__device__ <<<x>>>";',
    '__global__ void k(float* a) { a[0] = 1; }',
    'template <typename T> __device__ __forceinline__ T f(T x) { return x; }',
    'void run(float* a, cudaStream_t st) { k<<<1, 32, 0, st>>>(a); ns::g<float, 4><<<2, 64>>>(a); }',
    'std::vector<std::vector<std::vector<int>>> nested;',
  ].join('\n');

  it('keeps the length and every offset, and touches code only', () => {
    const masked = maskCudaSyntax(src);
    assert.equal(masked.length, src.length);
    const lines = masked.split('\n');
    assert.equal(lines[0], '#define KERNEL __global__ // kept: preprocessor lines are read from nodes');
    assert.match(lines[2], /\/\* __global__ in a comment \*\/ const char\* s = "__device__ <<<x>>>";/);
    assert.equal(lines[3], '           void k(float* a) { a[0] = 1; }');
    assert.equal(lines[5], 'void run(float* a, cudaStream_t st) { k(((1, 32, 0, st)))(a); ns::g<float, 4>(((2, 64)))(a); }');
    assert.equal(lines[6], 'std::vector<std::vector<std::vector<int>>> nested;', 'template brackets are not launches');
    assert.equal(lines[4], 'template <typename T>                            T f(T x) { return x; }');
  });

  it('kernels and launches parse without error nodes once masked', async () => {
    const plain = await parseWith('cpp', src);
    const masked = await parseWith('cpp', maskCudaSyntax(src));
    try {
      assert.ok(plain.rootNode.hasError, 'the grammar does not know CUDA');
      assert.equal(masked.rootNode.hasError, false);
    } finally {
      plain.delete();
      masked.delete();
    }
  });
});
