import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/inline-ptx', {
  filename: 'src/mma.cuh',
  valid: [
    { name: 'PTX in a comment', code: '// asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 ...");\nint x;\n' },
    { name: 'compiler barrier', code: 'void f() { asm volatile("" ::: "memory"); }\n' },
    { name: 'x86 asm is not PTX', code: 'void f() { unsigned lo, hi; asm volatile("rdtsc" : "=a"(lo), "=d"(hi)); }\n' },
    { name: 'PTX text in a plain string', code: 'const char *ptx = "ld.global.f32 %f1, [%rd1];";\n' },
  ],
  invalid: [
    {
      code: '__device__ unsigned lane() {\n  unsigned r;\n  asm volatile("mov.u32 %0, %%laneid;" : "=r"(r));\n  return r;\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 6, message: /`mov.u32`/ }],
    },
    {
      name: 'multi-line template, __asm__ keyword',
      code: 'void m() {\n  __asm__ __volatile__(\n    "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 "\n    "{%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%10,%11,%12,%13};\\n"\n    : "=f"(d0));\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 10, message: /mma\.sync/ }],
    },
    {
      name: 'cp.async in a header-only function',
      filename: 'include/copy.hpp',
      code: 'inline void cp(void *s, const void *g) { asm volatile("cp.async.cg.shared.global [%0], [%1], 16;\\n" :: "r"(s), "l"(g)); }\n',
      errors: [{ line: 1, column: 42, endColumn: 45 }],
    },
  ],
});
