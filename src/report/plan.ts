import { EFFORTS, type Category, type Effort, type Finding } from '../core/types';

export interface EffortRow {
  effort: Effort;
  findings: number;
  files: number;
}

/** SYCLomatic-style effort table: findings and files per effort bucket. */
export function effortTable(findings: readonly Finding[]): EffortRow[] {
  return EFFORTS.map((effort) => {
    const inBucket = findings.filter((f) => f.effort === effort);
    return { effort, findings: inBucket.length, files: new Set(inBucket.map((f) => f.file)).size };
  });
}

export interface CudaStats {
  /** HIPIFY-style: CUDA references by kind, in total and per file. */
  total: Record<string, number>;
  byFile: Record<string, Record<string, number>>;
  /** Share (0..1) of CUDA references whose migration is mechanical (effort none/low). */
  mechanicalShare: number | null;
}

export function cudaStats(findings: readonly Finding[]): CudaStats {
  const total: Record<string, number> = {};
  const byFile: Record<string, Record<string, number>> = {};
  let refs = 0;
  let mechanical = 0;
  for (const f of findings) {
    if (!f.cudaKind) continue;
    refs++;
    if (f.effort === 'none' || f.effort === 'low') mechanical++;
    total[f.cudaKind] = (total[f.cudaKind] ?? 0) + 1;
    const perFile = (byFile[f.file] ??= {});
    perFile[f.cudaKind] = (perFile[f.cudaKind] ?? 0) + 1;
  }
  return { total: sortKeys(total), byFile: sortKeys(byFile), mechanicalShare: refs ? mechanical / refs : null };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

export interface PlanStep {
  step: number;
  title: string;
  detail: string;
  findings: number;
  files: number;
  effort: Effort;
}

interface StepTemplate {
  categories: Category[];
  title: string;
  detail: string;
}

/**
 * The migration plan: a short ordered list. Cheap, unblocking work first (make the code
 * device-agnostic, swap dependencies and images), then what needs rewriting (CUDA kernels),
 * then infrastructure, whose move only pays once the code runs on the target.
 */
const STEPS: StepTemplate[] = [
  { categories: ['framework-cuda'], title: 'Make framework code device-agnostic', detail: 'Replace hard-coded CUDA devices, torch.cuda calls, CUDA autocast and the NCCL backend with the Neuron device (native backend) or torch.accelerator APIs; most fixes are mechanical.' },
  { categories: ['gpu-library'], title: 'Replace NVIDIA-only libraries', detail: 'Swap CUDA wheels and libraries for Neuron equivalents (optimum-neuron, NKI kernels, vllm-neuron) or plan rewrites where none exist.' },
  { categories: ['cuda-image', 'gpu-scheduling'], title: 'Move containers and scheduling to Neuron', detail: 'Base images on Neuron deep-learning containers; request aws.amazon.com/neuron instead of nvidia.com/gpu; use the Neuron device plugin and Neuron node selectors.' },
  { categories: ['cuda-source'], title: 'Port custom CUDA code', detail: 'Rewrite custom kernels with NKI (Neuron Kernel Interface) and drop CUDA build steps; this is usually the largest item.' },
  { categories: ['gpu-instance'], title: 'Switch GPU instances to Trainium/Inferentia', detail: 'Once the code runs on Neuron, move training to trn1/trn2 and inference to inf2, sized as suggested.' },
  { categories: ['x86-code'], title: 'Make native code portable to Arm', detail: 'Replace x86 intrinsics and flags (sse2neon/SIMDe or NEON/SVE), build multi-arch images, and switch Lambda/ECS architectures to arm64.' },
  { categories: ['x86-instance'], title: 'Switch x86 instances to Graviton', detail: 'Move to the Graviton family of the same size (c7g/m7g/r7g/t4g …) after checking the stack builds for arm64.' },
];

function dominantEffort(findings: Finding[]): Effort {
  const rank: Record<Effort, number> = { none: 0, low: 1, medium: 2, high: 3 };
  let best: Effort = 'none';
  for (const f of findings) if (rank[f.effort] > rank[best]) best = f.effort;
  return best;
}

export function migrationPlan(findings: readonly Finding[]): PlanStep[] {
  const plan: PlanStep[] = [];
  for (const t of STEPS) {
    const matching = findings.filter((f) => t.categories.includes(f.category) && f.effort !== 'none');
    if (!matching.length) continue;
    plan.push({
      step: plan.length + 1,
      title: t.title,
      detail: t.detail,
      findings: matching.length,
      files: new Set(matching.map((f) => f.file)).size,
      effort: dominantEffort(matching),
    });
  }
  return plan;
}
