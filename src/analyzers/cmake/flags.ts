/**
 * Compiler and linker flags that pin a build to CUDA or to x86, shared by the CMake and Makefile
 * analyzers. Each function takes one word of a command line and says what it is, or undefined.
 */

export interface FlagFinding {
  message: string;
  advice: string;
}

const NVCC_ADVICE =
  'nvcc-only flag: once the kernels are ported to NKI or framework ops, drop the CUDA compilation step; Neuron models are compiled by the Neuron compiler (neuronx-cc) at run time or ahead of time.';

const CUDA_LIBS = /^(cuda|cudart|cudart_static|cudadevrt|cublas|cublasLt|cublas_static|cudnn|cufft|cufftw|curand|cusparse|cusolver|nccl|nvrtc|nvToolsExt|nvtx3|cupti|nvinfer|nvinfer_plugin|nvonnxparser|nvjpeg|npp\w*|cutensor)$/;

/**
 * A CUDA build flag (`-arch=sm_80`, `-gencode …`, `--use_fast_math`, `-lcudart`), or undefined.
 * `next` is the following word, for the two-word form `-arch sm_80` (`-arch x86_64` is Apple's, not nvcc's).
 */
export function cudaFlag(word: string, next?: string): (FlagFinding & { spansNext?: boolean }) | undefined {
  if (/^(-arch|--gpu-architecture|-code|--gpu-code)=(sm_|compute_|lto_|native$|all$|all-major$)/.test(word)) {
    return { message: `NVIDIA GPU architecture flag \`${word}\`.`, advice: NVCC_ADVICE };
  }
  if (/^(-arch|--gpu-architecture)$/.test(word) && next && /^(sm|compute)_\d+\w*$/.test(next)) {
    return { message: `NVIDIA GPU architecture flag \`${word} ${next}\`.`, advice: NVCC_ADVICE, spansNext: true };
  }
  if (/^(-gencode|--generate-code)(=|$)/.test(word)) return { message: `nvcc code-generation flag \`${word}\`.`, advice: NVCC_ADVICE };
  if (/^-?-use_fast_math$/.test(word)) return { message: 'nvcc flag `--use_fast_math`.', advice: NVCC_ADVICE };
  if (/^--(expt-relaxed-constexpr|expt-extended-lambda|extended-lambda)$/.test(word)) return { message: `nvcc flag \`${word}\`.`, advice: NVCC_ADVICE };
  if (/^-Xptxas(=|$)/.test(word)) return { message: `nvcc PTX assembler flag \`${word}\`.`, advice: NVCC_ADVICE };
  const lib = /^-l(\w+)$/.exec(word);
  if (lib && CUDA_LIBS.test(lib[1])) return { message: `Links NVIDIA library \`${word}\`.`, advice: 'Remove the NVIDIA library from the link once its calls are replaced (framework ops or NKI kernels on Neuron).' };
  return undefined;
}

/** Bare library names in a link list (`target_link_libraries(app cudart cublas)`, `LDLIBS = cudart`). */
export function isCudaLibName(word: string): boolean {
  return CUDA_LIBS.test(word);
}

const X86_ARCHS =
  /^(x86-64(-v[234])?|i[3-6]86|pentium\w*|prescott|nocona|core2|nehalem|westmere|sandybridge|ivybridge|haswell|broadwell|skylake(-avx512)?|cannonlake|icelake-(client|server)|cascadelake|cooperlake|tigerlake|sapphirerapids|emeraldrapids|graniterapids(-d)?|alderlake|raptorlake|meteorlake|arrowlake\w*|lunarlake|pantherlake|rocketlake|clearwaterforest|sierraforest|grandridge|corei7(-avx)?|core-avx2|core-avx-i|atom|bonnell|silvermont|goldmont(-plus)?|tremont|knl|knm|k8(-sse3)?|opteron\w*|athlon\w*|amdfam10|barcelona|bdver[1-4]|btver[12]|znver[1-5])$/;

const X86_ADVICE =
  'x86-only compiler flag: on Graviton use -mcpu=neoverse-v1 (Graviton3) / -mcpu=neoverse-v2 (Graviton4), or -march=armv8.2-a+… ; set it per architecture (CMAKE_SYSTEM_PROCESSOR) instead of unconditionally.';

/** An x86-only compiler flag (`-mavx2`, `-msse4.2`, `-march=haswell`, `/arch:AVX2`) or MKL/IPP link, or undefined. */
export function x86Flag(word: string): FlagFinding | undefined {
  const isa = /^-m(no-)?(avx\w*|sse[\w.]*|ssse3|fma4?|f16c|bmi2?|popcnt|lzcnt|pclmul|aes|amx-\w+|vpclmulqdq|gfni|xop|tbm|movbe|rdrnd|adx|sha|vaes|avxvnni\w*)$/.exec(word);
  if (isa) return { message: `x86 instruction-set flag \`${word}\`.`, advice: X86_ADVICE };
  const arch = /^-m(arch|tune|cpu)=(.+)$/.exec(word);
  if (arch && X86_ARCHS.test(arch[2])) return { message: `x86 target flag \`${word}\`.`, advice: X86_ADVICE };
  if (/^\/arch:(AVX|AVX2|AVX512|AVX10\.\d|SSE|SSE2|IA32)$/i.test(word)) return { message: `MSVC x86 flag \`${word}\`.`, advice: X86_ADVICE };
  const lib = /^-l(mkl\w*|iomp5|ipp\w+)$/.exec(word);
  if (lib) return { message: `Links Intel library \`${word}\`.`, advice: MKL_ADVICE };
  return undefined;
}

export const MKL_ADVICE =
  'Intel MKL/IPP and the Intel OpenMP runtime are x86-only: on Graviton use Arm Performance Libraries (ArmPL), OpenBLAS or BLIS for BLAS/LAPACK/FFT, and libgomp for OpenMP.';

/** Bare Intel library names in a link list. */
export function isIntelLibName(word: string): boolean {
  return /^(mkl_\w+|mkl_rt|iomp5|libiomp5|ipp[a-z]+)$/.test(word);
}

/** More ISA/target flags than this in one command or line are one decision: report them as one finding. */
export const FLAG_LIST_THRESHOLD = 3;

export interface FlagHit {
  start: number;
  end: number;
  text: string;
  finding: FlagFinding;
}

/**
 * Reports x86 flags of one command or line: each one alone when there are a few, or a single finding
 * spanning the whole list when a toolchain file spells out dozens (`-msse -msse2 … -mavx512vl`).
 * Intel library links are always reported one by one (they are separate migration items).
 */
export function reportX86Flags(hits: FlagHit[], report: (start: number, end: number, message: string, advice: string, effort?: 'medium') => void): void {
  const isas = hits.filter((h) => !/^-l/.test(h.text));
  const libs = hits.filter((h) => /^-l/.test(h.text));
  if (isas.length > FLAG_LIST_THRESHOLD) {
    const shown = isas.slice(0, 4).map((h) => `\`${h.text}\``).join(' ');
    const more = isas.length > 4 ? ` and ${isas.length - 4} more` : '';
    report(isas[0].start, isas[isas.length - 1].end, `${isas.length} x86 instruction-set/target flags: ${shown}${more}.`, X86_ADVICE);
  } else {
    for (const h of isas) report(h.start, h.end, h.finding.message, h.finding.advice);
  }
  for (const h of libs) report(h.start, h.end, h.finding.message, h.finding.advice, 'medium');
}
