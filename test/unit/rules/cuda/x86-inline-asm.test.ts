import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/x86-inline-asm', {
  filename: 'src/timer.cpp',
  valid: [
    { name: 'compiler barrier', code: 'void f() { asm volatile("" ::: "memory"); __asm__ __volatile__("" : : "r"(p) : "memory"); }\n' },
    { name: 'Arm assembly', code: 'void f() { asm volatile("yield"); asm volatile("dmb ish" ::: "memory"); }\n' },
    { name: 'in a comment', code: '// asm volatile("rdtsc" : "=a"(lo), "=d"(hi));\nint x;\n' },
    { name: 'PTX is not x86', code: '__device__ void f() { asm volatile("bar.sync 0;"); }\n' },
    {
      name: 'x86 asm with an aarch64 path',
      code: 'static inline void relax() {\n#if defined(__x86_64__)\n  __asm__ __volatile__("pause");\n#elif defined(__aarch64__)\n  __asm__ __volatile__("yield");\n#endif\n}\n',
    },
  ],
  invalid: [
    {
      code: 'static inline unsigned long long ticks() {\n  unsigned lo, hi;\n  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));\n  return ((unsigned long long)hi << 32) | lo;\n}\n',
      errors: [{ line: 3, column: 3, endColumn: 6, message: /`rdtsc`/, severity: 'warning' }],
    },
    {
      name: 'AT&T syntax with registers, guarded by __x86_64__ only',
      code: '#ifdef __x86_64__\nvoid spin() { __asm__ __volatile__("movq %%rax, %%rbx" ::: "rbx"); }\n#endif\n',
      errors: [{ line: 2, column: 15, endColumn: 22, severity: 'info' }],
    },
    {
      name: 'MSVC __asm block',
      code: 'int f() {\n  __asm {\n    mov eax, 1\n  }\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 8, message: /`mov`/ }],
    },
  ],
});
