import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/x86-intrinsic', {
  filename: 'src/simd.cpp',
  valid: [
    { name: 'a macro whose body merely mentions an intrinsic among other tokens is not an alias', code: '#define NAME_OF_ADD "_mm_add_ps"\n#define FLAG _mm_flag + 1\n' },
    { name: 'comments and strings', code: '// _mm256_add_ps(a, b)\n#include <stdio.h>\nvoid f() { puts("_mm_add_ps(a, b)"); }\n' },
    { name: 'types alone are not reported', code: 'struct V { __m128 a; __m256i b; };\n' },
    {
      name: 'x86 path with an Arm alternative in the same #if chain',
      code: '#if defined(__AVX2__)\n#include <immintrin.h>\nstatic inline void add(float *a) { _mm256_storeu_ps(a, _mm256_setzero_ps()); }\n#elif defined(__ARM_NEON)\n#include <arm_neon.h>\nstatic inline void add(float *a) { vst1q_f32(a, vdupq_n_f32(0)); }\n#endif\n',
    },
    { name: 'sse2neon users are already portable', code: '#include "sse2neon.h"\nvoid f(float *p) { _mm_storeu_ps(p, _mm_set1_ps(1.0f)); }\n' },
    { name: 'a shim that defines _mm_ functions', code: 'static inline int _mm_movemask_epi8(int a) { return helper(a); }\nint g(int x) { return _mm_movemask_epi8(x); }\n' },
    { name: '_mm_malloc exists on Arm toolchains', code: 'void *p = _mm_malloc(64, 64);\n' },
    { name: 'look-alike names', code: 'void f() { my_mm_add(1); obj._mm_add_ps(a); }\n' },
  ],
  invalid: [
    {
      name: 'a macro that aliases an intrinsic',
      code: '#define vadd _mm256_add_ps\n#define vmul(a, b) my_mul(a, b)\n',
      errors: [{ line: 1, column: 14, endColumn: 27, message: /_mm256_add_ps/ }],
    },
    {
      code: '#include <immintrin.h>\nfloat sum8(const float *p) {\n  __m256 v = _mm256_loadu_ps(p);\n  return _mm_cvtss_f32(_mm256_castps256_ps128(v));\n}\n',
      errors: [
        { line: 1, column: 10, endColumn: 23, message: /immintrin\.h/ },
        { line: 3, column: 14, endColumn: 29, message: /AVX\/AVX2 intrinsic/ },
        { line: 4, column: 10, endColumn: 23, message: /SSE intrinsic/ },
        { line: 4, column: 24, endColumn: 46 },
      ],
    },
    {
      name: 'x86-guarded code with a scalar fallback is info',
      code: '#ifdef __SSE2__\n#include <emmintrin.h>\n#endif\nint f(int *p) {\n#ifdef __SSE2__\n  return _mm_cvtsi128_si32(_mm_loadu_si128((const __m128i *)p));\n#else\n  return p[0];\n#endif\n}\n',
      errors: [
        { line: 2, column: 10, endColumn: 23, severity: 'info' },
        { line: 6, column: 10, endColumn: 27, severity: 'info', effort: 'low' },
        { line: 6, column: 28, endColumn: 43, severity: 'info' },
      ],
    },
    {
      name: 'AVX-512, cpuid and ia32 builtins',
      filename: 'src/cpu.c',
      code: '#include <cpuid.h>\nvoid g(unsigned *r) { __cpuid(1, r[0], r[1], r[2], r[3]); __m512 z = _mm512_setzero_ps(); __builtin_ia32_pause(); }\n',
      errors: [
        { line: 1, column: 10, endColumn: 19 },
        { line: 2, column: 23, endColumn: 30 },
        { line: 2, column: 70, endColumn: 87, message: /AVX-512/ },
        { line: 2, column: 91, endColumn: 111, message: /x86 builtin/ },
      ],
    },
  ],
});
