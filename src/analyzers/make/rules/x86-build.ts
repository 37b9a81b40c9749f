import type { RuleModule } from '../../../core/rule';
import { reportX86Flags, x86Flag, type FlagHit } from '../../cmake/flags';
import { isEchoLine, x86OnlyBranch, type ParsedMake } from '../syntax';

/**
 * Makefiles that pin x86: -mavx2, -msse4.2, -march=<x86 CPU> flags and MKL/IPP/Intel OpenMP links.
 * Lines inside `ifeq ($(ARCH),x86_64)`-style branches (or the else of an Arm check) are skipped.
 */
export const makeX86Build: RuleModule<ParsedMake> = {
  meta: {
    id: 'make/x86-build',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'Makefiles that pin x86: -mavx*/-msse*/-march=<x86 CPU> flags outside an x86-only branch, and -lmkl*/-liomp5/-lipp* links.',
  },
  check(parsed, ctx) {
    for (const line of parsed.lines) {
      if (line.kind === 'directive' || x86OnlyBranch(line) || (line.kind === 'recipe' && isEchoLine(line))) continue;
      const hits: FlagHit[] = [];
      for (const word of line.words) {
        const flag = x86Flag(word.text);
        if (flag) hits.push({ start: word.start, end: word.end, text: word.text, finding: flag });
      }
      reportX86Flags(hits, (start, end, message, advice, effort) => ctx.report({ start, end, message, advice, effort }));
    }
  },
};
