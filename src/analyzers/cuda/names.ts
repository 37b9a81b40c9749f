import { TextMemo } from '../../core/text-memo';
import type { CudaRefKind } from '../../core/types';

/**
 * CUDA runtime API families (cuda_runtime_api.h). A name must start with one of these to count:
 * project helpers such as `cudaCheck` or `cudaSafeCall` are not runtime calls.
 */
const RUNTIME_FAMILIES: [RegExp, CudaRefKind][] = [
  [/^cuda(Malloc|Free|Memcpy|Memset|Mem[A-Z]|Host(Alloc|Register|Unregister|GetDevicePointer|GetFlags)|Array|Mipmapped|Ipc|PointerGetAttributes|GetSymbol(Address|Size)|(Import|Destroy)ExternalMemory|ExternalMemory|CreateChannelDesc|GetChannelDesc)/, 'memory'],
  [/^cuda(Stream|Event|Graph|UserObject|LaunchHostFunc|(Signal|Wait)ExternalSemaphores|(Import|Destroy)ExternalSemaphore|CtxResetPersistingL2Cache)/, 'stream'],
  [/^cuda(Launch|Func[A-Z]|Occupancy|ConfigureCall|SetupArgument|GetFuncBySymbol|GetKernel)/, 'kernel'],
  [/^cuda(Device[A-Z]|SetDevice|GetDevice|ChooseDevice|SetValidDevices|InitDevice|Thread(Synchronize|Exit|GetLimit|SetLimit|GetCacheConfig|SetCacheConfig)|DriverGetVersion|RuntimeGetVersion|SetDoubleFor)/, 'device'],
  [/^cuda(GetLastError|PeekAtLastError|GetErrorString|GetErrorName|Profiler(Start|Stop|Initialize)|(Create|Destroy)(Texture|Surface)Object|GetTextureObject|GetSurfaceObject|(Bind|Unbind)Texture|Graphics|GL[A-Z]|D3D\d|EGL|VDPAU|GetDriverEntryPoint|GetExportTable)/, 'other'],
];

function runtimeApiKindUncached(name: string): CudaRefKind | undefined {
  if (!/^cuda[A-Z]\w*$/.test(name) || /_t$/.test(name)) return undefined;
  for (const [re, kind] of RUNTIME_FAMILIES) if (re.test(name)) return kind;
  return undefined;
}

/** CUDA driver API families (cuda.h). cuComplex helpers (`cuCaddf`, `cuCrealf`) are not driver calls. */
const DRIVER_FAMILIES: [RegExp, CudaRefKind][] = [
  [/^cu(Mem[A-Z]|Memcpy|Memset|Array|Mipmapped|Pointer|Ipc|ExternalMemory|ImportExternalMemory|DestroyExternalMemory|MulticastBindMem|MulticastCreate)/, 'memory'],
  [/^cu(Stream|Event|Graph|UserObject|LaunchHostFunc|SignalExternalSemaphores|WaitExternalSemaphores|ImportExternalSemaphore|DestroyExternalSemaphore)/, 'stream'],
  [/^cu(Launch|Func[A-Z]|Module|Library|Kernel[A-Z]|Occupancy|Link)/, 'kernel'],
  [/^cu(Init|Driver|Device[A-Z]|Ctx|DevicePrimaryCtx)/, 'device'],
  [/^cu(GetErrorString|GetErrorName|GetProcAddress|Tex|Surf|Graphics|GL[A-Z]|Profiler|TensorMap|Coredump|GetExportTable)/, 'other'],
];

function driverApiKindUncached(name: string): CudaRefKind | undefined {
  if (!/^cu[A-Z]\w*$/.test(name) || /_t$/.test(name)) return undefined;
  for (const [re, kind] of DRIVER_FAMILIES) if (re.test(name)) return kind;
  return undefined;
}

/** NVIDIA math and communication libraries with C APIs, by the prefix of their calls. */
export interface CudaLibrary {
  name: string;
  re: RegExp;
}

export const CUDA_LIBRARIES: CudaLibrary[] = [
  { name: 'cuBLASLt', re: /^cublasLt[A-Z]\w*$/ },
  { name: 'cuBLAS', re: /^cublas(Xt)?[A-Z]\w*$/ },
  { name: 'cuDNN', re: /^cudnn[A-Z]\w*$/ },
  { name: 'cuFFT', re: /^cufft(Xt)?[A-Z]\w*$/ },
  { name: 'cuRAND', re: /^(curand[A-Z]\w*|curand_(init|uniform|normal|log_normal|poisson|discrete)\w*)$/ },
  { name: 'NCCL', re: /^nccl[A-Z]\w*$/ },
  { name: 'cuSPARSE', re: /^cusparse(Lt)?[A-Z]\w*$/ },
  { name: 'cuSOLVER', re: /^cusolver(Dn|Sp|Rf|Mg)?[A-Z]\w*$/ },
  { name: 'cuTENSOR', re: /^cutensor[A-Z]\w*$/ },
  { name: 'NVRTC', re: /^nvrtc[A-Z]\w*$/ },
];

function cudaLibraryOfUncached(name: string): string | undefined {
  if (/_t$/.test(name)) return undefined;
  return CUDA_LIBRARIES.find((l) => l.re.test(name))?.name;
}

/** C++ template libraries that only build with nvcc, by namespace. */
export const CUDA_NAMESPACES: Record<string, string> = {
  thrust: 'Thrust',
  cub: 'CUB',
  cutlass: 'CUTLASS',
  cute: 'CuTe (CUTLASS)',
  nvcuda: 'WMMA (nvcuda::wmma)',
};

/** CUDA headers, by include path: the library they pull in, or undefined for none. */
export function cudaHeader(path: string): { library?: string } | undefined {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/^(thrust|cub|cutlass|cute)\//.test(p)) return { library: CUDA_NAMESPACES[p.split('/')[0]] };
  if (/^cublas(Lt|Xt|_v2|_api)?\.h$/.test(base)) return { library: 'cuBLAS' };
  if (/^cudnn(_\w+)?\.h$/.test(base)) return { library: 'cuDNN' };
  if (/^cufft(w|Xt)?\.h$/.test(base)) return { library: 'cuFFT' };
  if (/^curand(_\w+)?\.h$/.test(base)) return { library: 'cuRAND' };
  if (/^nccl(_net)?\.h$/.test(base)) return { library: 'NCCL' };
  if (/^cusparse(Lt)?\.h$/.test(base)) return { library: 'cuSPARSE' };
  if (/^cusolver(Dn|Sp|Rf|Mg|_common)?\.h$/.test(base)) return { library: 'cuSOLVER' };
  if (/^cutensor(Mg)?\.h$/.test(base)) return { library: 'cuTENSOR' };
  if (/^nvrtc\.h$/.test(base)) return { library: 'NVRTC' };
  if (p.startsWith('cuda/')) return { library: 'libcu++' };
  if (
    /^(cuda|cuda_runtime|cuda_runtime_api|cudaProfiler|cuda_profiler_api|cuda_fp16|cuda_bf16|cuda_fp8|cuda_fp6|cuda_fp4|cuda_pipeline|cuda_awbarrier|cuda_texture_types|cuda_surface_types|cuda_gl_interop|cuda_egl_interop|cudaGL|cudaEGL|cudaTypedefs|cuda_occupancy|device_launch_parameters|device_functions|cooperative_groups|cuComplex|nvml|nvToolsExt|nvtx3?)\.(h|hpp)$/.test(base) &&
    !p.includes('hip/')
  ) {
    return {};
  }
  if (/^cooperative_groups\//.test(p)) return {};
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Inline assembly: PTX or x86?

const PTX = /(^|[\s;{])(ld|st|mov|cvt|cvta|cp|mma|wgmma|ldmatrix|stmatrix|shfl|bar|barrier|membar|fence|red|atom|setp|selp|prmt|lop3|vote|activemask|fma|add|sub|mul|mad|ex2|lg2|rcp|sqrt|rsqrt|tanh|min|max|and|or|xor|not|shl|shr|bfe|bfi|brev|popc|clz|elect|mbarrier|tcgen05|griddepcontrol|createpolicy|prefetch|discard|applypriority|redux|match|nanosleep|trap|exit|ret|bra|cp\.async|multimem|setmaxnreg|getctarank|mapa|isspacep|tensormap|dp4a|dp2a|abs|neg|copysign|testp|sad|bmsk|szext|fns|st\.async|red\.async)(\.[a-z0-9_:]+)+\b|%(laneid|warpid|tid|ntid|ctaid|nctaid|smid|clock|clock64|globaltimer|lanemask_\w+|dynamic_smem_size|cluster\w*)\b|\.reg\s+\.[a-z0-9]+|\{\s*\.reg\b/;

export function looksLikePtx(asm: string): boolean {
  return PTX.test(asm);
}

const X86_ASM =
  /%%?(r[abcd]x|e[abcd]x|[re]?(si|di|sp|bp)|r(8|9|1[0-5])[dwb]?|[xyz]mm\d+|[abcd][lh]|[abcd]x)\b|\b(cpuid|rdtscp?|rdrand|rdseed|xgetbv|xchg[bwlq]?|cmpxchg(8b|16b|[bwlq])?|lock|mfence|lfence|sfence|pause|bswap[lq]?|clflush(opt)?|prefetch(t[012]|nta|w)|vzeroupper|vzeroall|popcnt[lq]?|bs[fr][lq]?|tzcnt|lzcnt|pushf[lq]?|popf[lq]?|cli|sti|hlt|int3|movs[bwlq]|stos[bwlq]|rep\s+\w+|mov[lqwb]|add[lqwb]|sub[lqwb]|xor[lqwb]|lea[lq]|movdq[au]|movap[sd]|movup[sd]|vmovdq[au]\d*|vpaddd|ldmxcsr|stmxcsr|fldcw|fnstcw|fstcw|fninit|syscall|sysenter|wrmsr|rdmsr|rdpmc|xbegin|xend|xabort)\b|\b(mov|add|sub|xor|and|or|push|pop|lea|call|jmp)\s+(e[abcd]x|r[abcd]x|[re][sd]i|[re][sb]p|byte|word|dword|qword)\b/i;

export function looksLikeX86Asm(asm: string): boolean {
  return X86_ASM.test(asm);
}

// ---------------------------------------------------------------------------------------------
// x86 intrinsics

/** Calls that only exist on x86: SSE/AVX/AVX-512 intrinsics, BMI/F16C helpers, cpuid, rdtsc, ia32 builtins. */
const X86_INTRINSIC =
  /^(_mm(256|512)?_\w+|_m_\w+|__builtin_ia32_\w+|__cpuid(ex|_count)?|__get_cpuid(_count|_max)?|_xgetbv|__rdtscp?|_rdtsc|_(pdep|pext|bzhi|bextr|blsr|blsi|blsmsk|tzcnt|lzcnt|andn)_u(32|64)|_cvtsh_ss|_cvtss_sh|_rdrand(16|32|64)_step|_rdseed(16|32|64)_step|_xbegin|_xend|_xabort|_xtest|_tile_\w+)$/;

/** `_mm_malloc`/`_mm_free` also exist on Arm toolchains (mm_malloc.h). */
const PORTABLE_MM = /^_mm_(malloc|free)$/;

function isX86IntrinsicUncached(name: string): boolean {
  return X86_INTRINSIC.test(name) && !PORTABLE_MM.test(name);
}

export function intrinsicFamily(name: string): string {
  if (name.startsWith('_mm512_')) return 'AVX-512';
  if (name.startsWith('_mm256_')) return 'AVX/AVX2';
  if (name.startsWith('_mm_') || name.startsWith('_m_')) return 'SSE';
  if (name.startsWith('__builtin_ia32_')) return 'x86 builtin';
  if (name.startsWith('_tile_')) return 'AMX';
  return 'x86-only';
}

/** Intrinsics headers that exist only for x86. */
export const X86_HEADERS = /^(immintrin|xmmintrin|emmintrin|pmmintrin|tmmintrin|smmintrin|nmmintrin|wmmintrin|ammintrin|mmintrin|x86intrin|ia32intrin|avxintrin|avx2intrin|avx512\w*intrin|zmmintrin|fmaintrin|f16cintrin|bmiintrin|bmi2intrin|lzcntintrin|popcntintrin|xsaveintrin|cpuid|x86gprintrin)\.h$/;

/** Headers that emulate x86 intrinsics on Arm: a file using them is already portable. */
export const EMULATION_HEADERS = /(^|\/)(sse2neon\.h$|simde\/|avx2neon\.h$)/;

/**
 * Name lookups remembered per identifier: a file repeats the same few names thousands of times,
 * and each lookup runs a row of patterns.
 */
function remembered<T>(fn: (name: string) => T): (name: string) => T {
  const memo = new TextMemo<T>(20_000);
  return (name) => {
    const known = memo.lookup(name);
    if (known) return known.value;
    const value = fn(name);
    memo.remember(name, value); // a token's text is a slice of its document: stored detached
    return value;
  };
}

export const runtimeApiKind = remembered(runtimeApiKindUncached);
export const driverApiKind = remembered(driverApiKindUncached);
export const cudaLibraryOf = remembered(cudaLibraryOfUncached);
export const isX86Intrinsic = remembered(isX86IntrinsicUncached);
