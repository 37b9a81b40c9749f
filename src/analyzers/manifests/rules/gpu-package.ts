import type { RuleModule } from '../../../core/rule';
import type { Effort, NeuronTrack, Severity } from '../../../core/types';
import { cudaLocalVersion, libraryForDistribution, normalizePackageName } from '../../shared/gpu-libraries';
import type { DeclaredPackage, ParsedManifest } from '../parse';

interface Verdict {
  what: string;
  advice: Record<NeuronTrack, string>;
  severity: Severity;
  effort: Effort;
}

const same = (t: string): Record<NeuronTrack, string> => ({ native: t, xla: t });
const TORCH_BUILD: Record<NeuronTrack, string> = {
  native: 'Install the CPU/default torch wheel and the Neuron native backend packages from the Neuron SDK (pip index https://pip.repos.neuron.amazonaws.com); drop the +cuXXX pin.',
  xla: 'Install torch-neuronx (with its matching torch) from the Neuron pip index https://pip.repos.neuron.amazonaws.com; drop the +cuXXX pin.',
};
const CONDA_CUDA = same('Drop the CUDA toolkit packages from the environment: Neuron runtime and compiler come from the Neuron SDK (aws-neuronx-* system packages, neuronx-cc / torch-neuronx from the Neuron pip index).');

/** What makes a declared package NVIDIA-only, or undefined when it is portable. */
export function classifyPackage(p: DeclaredPackage): Verdict | undefined {
  const n = normalizePackageName(p.name);
  if (p.ecosystem === 'conda') {
    if (/^(cudatoolkit|cudatoolkit-dev|cuda-toolkit|cuda|cuda-nvcc|cuda-runtime|cuda-libraries(-dev)?|cuda-cudart(-dev)?|cuda-version|cudnn|nccl|pytorch-cuda|magma-cuda\d+|cutensor|libcublas|libcufft|libcurand|libcusparse|libcusolver)$/.test(n)) {
      return { what: `conda package "${p.name}" (CUDA toolkit/runtime)`, advice: CONDA_CUDA, severity: 'warning', effort: 'low' };
    }
    if (/^(pytorch|tensorflow|jaxlib)$/.test(n) && /cuda|gpu/i.test(p.spec)) return { what: `conda ${p.name} CUDA build "${p.spec}"`, advice: TORCH_BUILD, severity: 'warning', effort: 'low' };
    if (/^(pytorch-gpu|tensorflow-gpu)$/.test(n)) return { what: `conda package "${p.name}" (GPU build)`, advice: TORCH_BUILD, severity: 'warning', effort: 'low' };
  }
  const lib = libraryForDistribution(n);
  if (lib) return { what: lib.what, advice: lib.advice, severity: lib.severity, effort: lib.effort };
  const local = cudaLocalVersion(p.spec);
  if (local && /^(torch|torchvision|torchaudio|torch-scatter|torch-sparse|torch-geometric|xformers|jaxlib|mmcv|mmcv-full)$/.test(n)) {
    return { what: `${p.name} CUDA build (${local})`, advice: TORCH_BUILD, severity: 'warning', effort: 'low' };
  }
  if ((n === 'jax' || n === 'jaxlib') && p.extras.some((e) => /cuda/i.test(e))) {
    return { what: `JAX with CUDA extras [${p.extras.join(',')}]`, advice: same('Install plain jax plus the Neuron JAX plugin (jax-neuronx) instead of the CUDA extras.'), severity: 'warning', effort: 'low' };
  }
  if (p.extras.some((e) => /^(cu|cuda)\d+/i.test(e))) {
    return { what: `${p.name} with CUDA extras [${p.extras.join(',')}]`, advice: same('Drop the CUDA extras and install the package without them (or its Neuron counterpart); the CUDA extra pulls NVIDIA-only wheels.'), severity: 'warning', effort: 'medium' };
  }
  if (/^jax-cuda\d+-(plugin|pjrt)$/.test(n)) return { what: 'the JAX CUDA plugin', advice: same('Use the Neuron JAX plugin (jax-neuronx) instead.'), severity: 'warning', effort: 'low' };
  if ((n === 'tensorflow' && p.extras.includes('and-cuda')) || n === 'tensorflow-gpu') {
    return { what: 'TensorFlow with CUDA', advice: same('TensorFlow training is not supported on Trainium; for Inferentia2 inference use tensorflow-neuronx. Otherwise plan a port to PyTorch/JAX.'), severity: 'warning', effort: 'high' };
  }
  if (n === 'paddlepaddle-gpu' || /^mxnet-cu\d+\w*$/.test(n) || /^cupy-cuda/.test(n)) return { what: `a CUDA build (${p.name})`, advice: same('No Neuron build: plan a port to PyTorch/JAX on Neuron, or keep this part on GPU.'), severity: 'warning', effort: 'high' };
  return undefined;
}

/** A dependency on an NVIDIA-only package or a CUDA build, in any Python/conda manifest. */
export const gpuPackage: RuleModule<ParsedManifest> = {
  meta: {
    id: 'manifests/gpu-package',
    category: 'gpu-library',
    severity: 'warning',
    effort: 'medium',
    description: 'A declared dependency on an NVIDIA-only package or a CUDA build (flash-attn, triton, nvidia-*-cu12, torch==…+cu121, jax[cuda12], cudatoolkit, pytorch-cuda …).',
  },
  check(parsed, ctx) {
    // One finding per distribution and manifest: the same package again under another environment marker
    // (a Windows wheel next to the Linux pin) is the same lock-in.
    const seen = new Set<string>();
    for (const p of parsed.packages) {
      const v = classifyPackage(p);
      if (!v) continue;
      const key = `${p.ecosystem}:${normalizePackageName(p.name)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({
        start: p.start,
        end: p.end,
        message: `Dependency "${p.name}${p.extras.length ? `[${p.extras.join(',')}]` : ''}": ${v.what} (NVIDIA GPUs only).`,
        advice: v.advice[ctx.neuronTrack],
        severity: v.severity,
        effort: v.effort,
        cudaKind: 'library',
      });
    }
  },
};
