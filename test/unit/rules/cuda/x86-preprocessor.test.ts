import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/x86-preprocessor', {
  filename: 'src/kernel.c',
  valid: [
    { name: 'portable pragma', code: 'void f(float *a) {\n#pragma omp simd\n  for (int i = 0; i < 8; i++) a[i] = 0;\n}\n' },
    { name: '#error unrelated to the architecture', code: '#ifndef VERSION\n#error VERSION must be defined\n#endif\n' },
    { name: '#error after an Arm branch', code: '#if defined(__x86_64__)\nint a;\n#elif defined(__aarch64__)\nint b;\n#else\n#error unsupported architecture\n#endif\n' },
    { name: 'commented directives', code: '// #pragma simd\n/* #error x86 only */\nint x;\n' },
  ],
  invalid: [
    {
      code: 'void f(float *a) {\n#pragma simd\n  for (int i = 0; i < 8; i++) a[i] = 0;\n}\n',
      errors: [{ line: 2, column: 1, endColumn: 13, output: 'void f(float *a) {\n#pragma omp simd\n  for (int i = 0; i < 8; i++) a[i] = 0;\n}\n' }],
    },
    {
      name: '#error when not x86',
      code: '#ifndef __x86_64__\n#error "this library requires x86-64"\n#endif\n',
      errors: [{ line: 2, column: 1, endColumn: 7, effort: 'medium' }],
    },
    {
      name: '#error in the #else of an x86-only chain',
      code: '#if defined(__SSE4_2__) || defined(__AVX2__)\n#include <nmmintrin.h>\n#else\n#  error "SSE4.2 required"\n#endif\n',
      errors: [{ line: 4, column: 1, endColumn: 9 }],
    },
  ],
});
