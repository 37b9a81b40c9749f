import type { RuleContext, RuleModule } from '../../../core/rule';
import { cudaFlag, isCudaLibName } from '../flags';
import { argWords, type CMakeArg, type ParsedCMake } from '../syntax';

const CUDA_PACKAGES = /^(CUDA|CUDAToolkit|CUDNN|cuDNN|CuDNN|NCCL|TensorRT|CUTLASS|Thrust|CUB|CUPTI|NVTX|cuTENSOR|NvToolExt|OptiX|CUDSS|cuSPARSELt)$/;
const LINK_COMMANDS = new Set(['target_link_libraries', 'link_libraries', 'cuda_add_cublas_to_target']);
const SET_COMMANDS = new Set(['set', 'set_property', 'set_target_properties', 'set_source_files_properties', 'set_directory_properties', 'list', 'string']);
const LEGACY_COMMANDS = new Set(['cuda_add_executable', 'cuda_add_library', 'cuda_compile', 'cuda_compile_ptx', 'cuda_wrap_srcs', 'cuda_add_cublas_to_target', 'cuda_add_cufft_to_target', 'cuda_select_nvcc_arch_flags']);

const BUILD_ADVICE =
  'This build compiles CUDA. Port the CUDA sources first (NKI kernels or framework ops on Neuron), then remove the CUDA language, toolkit and architecture settings from the build.';

function report(ctx: RuleContext, start: number, end: number, message: string, advice = BUILD_ADVICE): void {
  ctx.report({ start, end, message, advice, cudaKind: 'build' });
}

/** CMake that builds CUDA: the CUDA language, CUDA packages, architectures, CUDA:: targets and nvcc flags. */
export const cmakeCudaBuild: RuleModule<ParsedCMake> = {
  meta: {
    id: 'cmake/cuda-build',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'low',
    description: 'CMake that builds CUDA: LANGUAGES CUDA, enable_language(CUDA), find_package(CUDAToolkit/cuDNN/NCCL…), CUDA architectures, CUDA:: targets, nvcc flags.',
  },
  check(parsed, ctx) {
    for (const cmd of parsed.commands) {
      const { name, args } = cmd;
      if (LEGACY_COMMANDS.has(name)) {
        report(ctx, cmd.nameStart, cmd.nameEnd, `Legacy FindCUDA command \`${name}()\`.`);
      }
      if ((name === 'project' && args.length > 1) || name === 'enable_language' || name === 'set_source_files_properties') {
        args.forEach((a, k) => {
          if (a.value !== 'CUDA' || (name === 'project' && k === 0)) return;
          if (name === 'set_source_files_properties' && args[k - 1]?.value !== 'LANGUAGE') return;
          report(ctx, a.start, a.end, name === 'set_source_files_properties' ? 'Sources compiled as CUDA (LANGUAGE CUDA).' : `CUDA enabled as a project language (${name}).`);
        });
      }
      if (name === 'find_package' && args[0] && CUDA_PACKAGES.test(args[0].value)) {
        report(ctx, args[0].start, args[0].end, `find_package(${args[0].value}): the build requires the NVIDIA ${args[0].value} package.`);
      }
      if (name === 'check_language' && args[0]?.value === 'CUDA') report(ctx, args[0].start, args[0].end, 'check_language(CUDA) probes for nvcc.');
      /** Libraries this command already linked: one named twice in one command is one finding. */
      const linked = new Set<string>();
      for (let k = 0; k < args.length; k++) {
        const a: CMakeArg = args[k];
        if (SET_COMMANDS.has(name) && a.kind === 'unquoted' && /^(CMAKE_CUDA_ARCHITECTURES|CUDA_ARCHITECTURES|TORCH_CUDA_ARCH_LIST|CUDA_ARCH_LIST)$/.test(a.value)) {
          report(ctx, a.start, a.end, `NVIDIA GPU architectures set (${a.value}).`);
          continue;
        }
        if (a.kind === 'unquoted' && /^CUDA::\w+$/.test(a.value)) {
          if (!linked.has(a.value)) report(ctx, a.start, a.end, `Links CUDA toolkit target \`${a.value}\`.`);
          linked.add(a.value);
          continue;
        }
        if (LINK_COMMANDS.has(name) && a.kind === 'unquoted' && (isCudaLibName(a.value) || /^\$\{CUDA_\w*LIBRAR\w*\}$/.test(a.value)) && k > 0) {
          if (!linked.has(a.value)) report(ctx, a.start, a.end, `Links NVIDIA library \`${a.value}\`.`);
          linked.add(a.value);
          continue;
        }
        const words = argWords(a);
        for (let w = 0; w < words.length; w++) {
          const word = words[w];
          const next = words[w + 1] ?? (words.length === w + 1 ? argWords(args[k + 1] ?? { value: '', start: 0, end: 0, kind: 'quoted' })[0] : undefined);
          const flag = cudaFlag(word.text, next?.text);
          if (!flag) continue;
          report(ctx, word.start, flag.spansNext && next ? next.end : word.end, flag.message, flag.advice);
          if (flag.spansNext) w++;
        }
      }
    }
  },
};
