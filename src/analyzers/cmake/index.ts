import { defineAnalyzer } from '../../core/rule';
import { cmakeCudaBuild } from './rules/cuda-build';
import { cmakeX86Build } from './rules/x86-build';
import { cmakeParser, type ParsedCMake } from './syntax';

/** CMakeLists.txt and *.cmake: CUDA language, packages, architectures and nvcc flags; x86 ISA flags and MKL. */
export const cmakeAnalyzer = defineAnalyzer<ParsedCMake>({
  id: 'cmake',
  matches: (rel) => /(^|\/)CMakeLists\.txt$/i.test(rel) || /\.cmake$/i.test(rel),
  precheck: /cuda|nvcc|sm_\d|compute_\d|-gencode|generate-code|use_fast_math|expt-|Xptxas|cudnn|cublas|nccl|tensorrt|cutlass|thrust|\bcub\b|cupti|nvtx|nvinfer|cufft|curand|cusparse|cusolver|nvrtc|-m(no-)?(avx|sse|ssse3|fma|f16c|bmi|popcnt|lzcnt|pclmul|aes|amx|vpclmul|gfni|xop|tbm|movbe|rdrnd|adx|sha|vaes)|-m(arch|tune|cpu)=|\/arch:|mkl|ipp|iomp/i,
  parser: cmakeParser,
  rules: [cmakeCudaBuild, cmakeX86Build],
});
