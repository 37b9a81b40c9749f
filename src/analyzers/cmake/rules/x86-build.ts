import type { RuleModule } from '../../../core/rule';
import { MKL_ADVICE, isIntelLibName, reportX86Flags, x86Flag, type FlagHit } from '../flags';
import { argWords, x86OnlyBranch, type ParsedCMake } from '../syntax';

const LINK_COMMANDS = new Set(['target_link_libraries', 'link_libraries']);
const INTEL_PACKAGES = /^(MKL|IntelMKL|IPP|IntelIPP|IntelOpenMP|IOMP|IntelSYCL)$/i;

/**
 * CMake that pins x86: ISA flags (-mavx2, -msse4.2, -march=haswell, /arch:AVX2) and Intel MKL/IPP.
 * Commands inside an x86-only branch (`if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64")`, `if(MSVC)`,
 * the `else()` of an Arm check) already leave Graviton builds alone and are not reported.
 */
export const cmakeX86Build: RuleModule<ParsedCMake> = {
  meta: {
    id: 'cmake/x86-build',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'CMake that pins x86: -mavx*/-msse*/-march=<x86 CPU> flags applied unconditionally, Intel MKL/IPP packages and link targets.',
  },
  check(parsed, ctx) {
    for (const cmd of parsed.commands) {
      if (x86OnlyBranch(cmd)) continue;
      const { name, args } = cmd;
      if (name === 'find_package' && args[0] && INTEL_PACKAGES.test(args[0].value)) {
        ctx.report({ start: args[0].start, end: args[0].end, message: `find_package(${args[0].value}): an x86-only Intel library.`, advice: MKL_ADVICE, effort: 'medium' });
        continue;
      }
      const hits: FlagHit[] = [];
      args.forEach((a, k) => {
        if (a.kind === 'unquoted' && (/^(MKL|IPP)::\w+$/.test(a.value) || (LINK_COMMANDS.has(name) && k > 0 && (isIntelLibName(a.value) || /^\$\{MKL_\w*LIBRAR\w*\}$/.test(a.value))))) {
          ctx.report({ start: a.start, end: a.end, message: `Links Intel library \`${a.value}\`.`, advice: MKL_ADVICE, effort: 'medium' });
          return;
        }
        for (const word of argWords(a)) {
          const flag = x86Flag(word.text);
          if (flag) hits.push({ start: word.start, end: word.end, text: word.text, finding: flag });
        }
      });
      reportX86Flags(hits, (start, end, message, advice, effort) => ctx.report({ start, end, message, advice, effort }));
    }
  },
};
