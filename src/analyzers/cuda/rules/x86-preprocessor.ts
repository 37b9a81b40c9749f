import type { RuleModule } from '../../../core/rule';
import { inNonX86Branch, type ParsedCpp } from '../syntax';

/** `#pragma simd` (Intel compiler) and `#error` directives that stop the build on non-x86 targets. */
export const x86Preprocessor: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/x86-preprocessor',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'Preprocessor directives that pin x86: #pragma simd (Intel compiler only) and #error reached when the target is not x86.',
  },
  check(parsed, ctx) {
    for (const call of parsed.preprocCalls) {
      if (call.directive === '#pragma' && /^simd\b/.test(call.arg.trim())) {
        const argOffset = call.argStart + call.arg.indexOf('simd');
        ctx.report({
          start: call.start,
          end: argOffset + 4,
          message: '`#pragma simd` is an Intel-compiler directive.',
          advice: 'Use the portable `#pragma omp simd` (OpenMP 4, GCC/Clang with -fopenmp-simd) so the loop vectorises on Graviton too.',
          fixes: [{ title: 'Replace with #pragma omp simd', edits: [{ start: argOffset, end: argOffset + 4, newText: 'omp simd' }] }],
        });
      } else if (call.directive === '#error' && inNonX86Branch(call.host)) {
        ctx.report({
          start: call.start,
          end: call.end,
          message: '`#error` stops the build when the target is not x86.',
          advice: 'Add an aarch64 branch (__aarch64__ / __ARM_NEON) with a NEON or portable implementation instead of failing the build on Graviton.',
          effort: 'medium',
        });
      }
    }
  },
};
