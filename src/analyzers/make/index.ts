import { defineAnalyzer } from '../../core/rule';
import { makeCudaBuild } from './rules/cuda-build';
import { makeX86Build } from './rules/x86-build';
import { makeParser, type ParsedMake } from './syntax';

/** Makefile, makefile, GNUmakefile and *.mk: nvcc builds and x86-only flags. */
export const makeAnalyzer = defineAnalyzer<ParsedMake>({
  id: 'make',
  matches: (rel) => /(^|\/)(GNUmakefile|makefile|Makefile)$/.test(rel) || /\.mk$/i.test(rel),
  precheck: /nvcc|cuda|sm_\d|compute_\d|-gencode|generate-code|use_fast_math|expt-|Xptxas|-l(cu|nccl|nvrtc|nvToolsExt|nvinfer|npp)|-m(no-)?(avx|sse|ssse3|fma|f16c|bmi|popcnt|lzcnt|pclmul|aes|amx|vpclmul|gfni|xop|tbm|movbe|rdrnd|adx|sha|vaes)|-m(arch|tune|cpu)=|\/arch:|-lmkl|-liomp|-lipp/i,
  parser: makeParser,
  rules: [makeCudaBuild, makeX86Build],
});
