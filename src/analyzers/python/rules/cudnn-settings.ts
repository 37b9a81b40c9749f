import type { RuleModule } from '../../../core/rule';
import { dottedName, qualifiedName, span, type ParsedPython } from '../syntax';

const PREFIX = /^torch\.backends\.(cudnn|cuda)(\.|$)/;
/** Settings that change which attention kernel runs: code depends on CUDA kernels. */
const KERNEL_SELECTION = /^torch\.backends\.cuda\.(sdp_kernel|enable_flash_sdp|enable_mem_efficient_sdp|enable_cudnn_sdp|flash_sdp_enabled|mem_efficient_sdp_enabled)/;

/** torch.backends.cudnn.* / torch.backends.cuda.*: read, called or assigned. */
export const cudnnSettings: RuleModule<ParsedPython> = {
  precheck: /cudnn|backends/,
  meta: {
    id: 'python/cudnn-settings',
    category: 'framework-cuda',
    severity: 'info',
    effort: 'low',
    description: 'cuDNN and CUDA backend settings (torch.backends.cudnn.benchmark = True, torch.backends.cuda.matmul.allow_tf32 …), assignments and calls.',
  },
  check(parsed, ctx) {
    for (const node of parsed.byType('attribute')) {
      // Only the longest chain: torch.backends.cudnn.benchmark, not its prefix torch.backends.cudnn.
      const parent = node.parent;
      if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) continue;
      const q = qualifiedName(parsed, dottedName(node));
      if (!q || !PREFIX.test(q)) continue;
      const s = span(parsed, node);
      const kernel = KERNEL_SELECTION.test(q);
      const cudnn = q.startsWith('torch.backends.cudnn');
      ctx.report({
        start: s.start,
        end: s.end,
        message: kernel ? `\`${q}\` selects CUDA attention kernels.` : `\`${q}\` is a ${cudnn ? 'cuDNN' : 'CUDA'} backend setting; it has no effect off NVIDIA GPUs.`,
        advice: kernel
          ? 'Remove the CUDA kernel selection and call torch.nn.functional.scaled_dot_product_attention plainly (the Neuron compiler chooses its kernel), or use NKI attention kernels.'
          : 'Remove it or guard it for CUDA only; Neuron has no cuDNN/TF32 switches (use bf16 autocast for matmul precision).',
        severity: kernel ? 'warning' : undefined,
        cudaKind: cudnn ? 'library' : 'other',
      });
    }
  },
};
