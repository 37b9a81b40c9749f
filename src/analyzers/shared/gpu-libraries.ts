import type { Effort, NeuronTrack, Severity } from '../../core/types';

/**
 * NVIDIA-only libraries (domain.md), shared by Python imports, notebooks and manifests: one
 * table, so an import of `flash_attn` and a `flash-attn` line in requirements.txt give the same
 * advice.
 */
export interface GpuLibrary {
  /** Display name, e.g. "flash-attn". */
  name: string;
  /** Python modules whose import binds the code to the library ("flash_attn", "numba.cuda"). */
  modules: string[];
  /** PEP 503-normalised distribution names, or patterns on them. */
  distributions: (string | RegExp)[];
  severity: Severity;
  effort: Effort;
  /** What the library is, for the message. */
  what: string;
  advice: Record<NeuronTrack, string>;
}

const same = (text: string): Record<NeuronTrack, string> => ({ native: text, xla: text });

const NO_EQUIVALENT = (what: string) =>
  same(`${what} has no Neuron equivalent: rewrite this part with PyTorch operations (compiled for Neuron) or NKI kernels, or keep it on a CPU/GPU service. High effort.`);

export const GPU_LIBRARIES: GpuLibrary[] = [
  {
    name: 'flash-attn',
    modules: ['flash_attn', 'flash_attn_2_cuda', 'flash_attn_cuda'],
    distributions: ['flash-attn'],
    severity: 'warning',
    effort: 'medium',
    what: 'FlashAttention CUDA kernels',
    advice: same('Use torch.nn.functional.scaled_dot_product_attention, the NKI attention kernels (neuronxcc.nki), or optimum-neuron\'s attention option for Hugging Face models.'),
  },
  {
    name: 'triton',
    modules: ['triton'],
    distributions: ['triton', 'pytorch-triton'],
    severity: 'warning',
    effort: 'high',
    what: 'Triton GPU kernels',
    advice: same('Rewrite the Triton kernels with NKI (Neuron Kernel Interface), or fall back to plain PyTorch operations that the Neuron compiler fuses.'),
  },
  {
    name: 'bitsandbytes',
    modules: ['bitsandbytes'],
    distributions: ['bitsandbytes'],
    severity: 'warning',
    effort: 'medium',
    what: 'bitsandbytes CUDA quantisation and 8-bit optimisers',
    advice: same('No Neuron guidance found for bitsandbytes: review it. Use standard torch.optim optimisers and bf16 weights, or the quantisation options of optimum-neuron / NxD Inference for inference.'),
  },
  {
    name: 'xformers',
    modules: ['xformers'],
    distributions: ['xformers'],
    severity: 'warning',
    effort: 'medium',
    what: 'xFormers CUDA attention kernels',
    advice: same('No Neuron guidance found for xformers: review it. torch.nn.functional.scaled_dot_product_attention usually replaces memory_efficient_attention.'),
  },
  {
    name: 'apex',
    modules: ['apex'],
    distributions: ['apex', 'nvidia-apex'],
    severity: 'warning',
    effort: 'medium',
    what: 'NVIDIA Apex (amp, fused optimisers, fused layer norm)',
    advice: {
      native: 'Replace apex.amp with torch.autocast(device_type="neuron"), FusedAdam/FusedLAMB with torch.optim.AdamW, apex FusedLayerNorm with torch.nn.LayerNorm; apex DDP with torch DDP/FSDP.',
      xla: 'Replace apex.amp with torch.autocast(device_type="xla", dtype=torch.bfloat16), fused optimisers with torch.optim.AdamW, apex DDP with torch-xla DDP or NxD.',
    },
  },
  {
    name: 'cupy',
    modules: ['cupy', 'cupyx'],
    distributions: ['cupy', /^cupy-cuda\w+$/],
    severity: 'warning',
    effort: 'high',
    what: 'CuPy (NumPy on CUDA)',
    advice: NO_EQUIVALENT('CuPy'),
  },
  {
    name: 'pycuda',
    modules: ['pycuda'],
    distributions: ['pycuda'],
    severity: 'warning',
    effort: 'high',
    what: 'PyCUDA (CUDA driver API and raw kernels)',
    advice: NO_EQUIVALENT('PyCUDA'),
  },
  {
    name: 'numba.cuda',
    modules: ['numba.cuda'],
    distributions: [],
    severity: 'warning',
    effort: 'high',
    what: 'Numba CUDA kernels',
    advice: same('Numba CUDA kernels have no Neuron equivalent: rewrite them with NKI or as PyTorch operations; numba CPU code (@numba.jit) stays as it is. High effort.'),
  },
  {
    name: 'cuda-python',
    modules: ['cuda', 'cuda.cuda', 'cuda.cudart', 'cuda.nvrtc', 'cuda.bindings', 'cuda.core'],
    distributions: ['cuda-python', 'cuda-bindings', 'cuda-core'],
    severity: 'warning',
    effort: 'high',
    what: 'NVIDIA cuda-python (CUDA driver/runtime bindings)',
    advice: NO_EQUIVALENT('cuda-python'),
  },
  {
    name: 'tensorrt',
    modules: ['tensorrt', 'torch_tensorrt', 'tensorrt_llm'],
    distributions: ['tensorrt', /^tensorrt-cu\d+(-\w+)*$/, 'torch-tensorrt', 'tensorrt-llm', 'nvidia-tensorrt'],
    severity: 'warning',
    effort: 'high',
    what: 'TensorRT',
    advice: same('TensorRT has no Neuron equivalent: compile the model for Inferentia/Trainium with torch_neuronx.trace / the Neuron compiler, or optimum-neuron / NxD Inference for LLMs. High effort.'),
  },
  {
    name: 'onnxruntime-gpu',
    modules: [],
    distributions: ['onnxruntime-gpu', /^onnxruntime-gpu-cuda\d+$/],
    severity: 'warning',
    effort: 'high',
    what: 'ONNX Runtime with the CUDA/TensorRT execution providers',
    advice: same('ONNX Runtime has no Neuron execution provider: run on CPU (onnxruntime) or export the PyTorch model for Neuron (torch_neuronx.trace, optimum-neuron). High effort.'),
  },
  {
    name: 'faiss-gpu',
    modules: [],
    distributions: ['faiss-gpu', /^faiss-gpu-cu\d+$/],
    severity: 'warning',
    effort: 'high',
    what: 'FAISS GPU indexes',
    advice: same('FAISS GPU indexes have no Neuron equivalent: use the CPU FAISS indexes (faiss-cpu, fast on Graviton) or a managed vector store. High effort if GPU search speed is required.'),
  },
  {
    name: 'vllm',
    modules: ['vllm'],
    distributions: ['vllm'],
    severity: 'warning',
    effort: 'medium',
    what: 'vLLM (CUDA build)',
    advice: same('Use the vLLM Neuron plugin (vllm-neuron) in the Neuron vLLM container (pytorch-inference-vllm-neuronx); check the model is supported by NxD Inference.'),
  },
  {
    name: 'deepspeed',
    modules: ['deepspeed'],
    distributions: ['deepspeed'],
    severity: 'warning',
    effort: 'medium',
    what: 'DeepSpeed (CUDA/NCCL-based ZeRO and kernels)',
    advice: {
      native: 'Replace DeepSpeed ZeRO with PyTorch FSDP (FullyShardedDataParallel / fully_shard) on the native Neuron backend.',
      xla: 'Replace DeepSpeed with NeuronX Distributed (NxD: ZeRO-1 optimizer, tensor/pipeline parallel).',
    },
  },
  {
    name: 'RAPIDS',
    modules: ['cudf', 'cuml', 'cugraph', 'cuspatial', 'cucim', 'cuvs', 'dask_cudf', 'rmm', 'pylibraft'],
    distributions: [/^(cudf|cuml|cugraph|cuspatial|cucim|cuvs|dask-cudf|rmm|pylibraft|raft-dask|pylibcugraph)(-cu\d+)?$/],
    severity: 'warning',
    effort: 'high',
    what: 'RAPIDS (cuDF/cuML/cuGraph on CUDA)',
    advice: same('RAPIDS has no Neuron equivalent: use the CPU libraries (pandas/polars, scikit-learn, networkx) on Graviton, or keep this part on GPU. High effort.'),
  },
  {
    name: 'nvidia-dali',
    modules: ['nvidia.dali'],
    distributions: [/^nvidia-dali(-cuda\d+)?$/, /^nvidia-dali-tf-plugin(-cuda\d+)?$/],
    severity: 'warning',
    effort: 'medium',
    what: 'NVIDIA DALI (GPU data loading)',
    advice: same('DALI has no Neuron equivalent: load and augment data on the host CPU (torch DataLoader workers, torchvision transforms v2).'),
  },
  {
    name: 'pynvml',
    modules: ['pynvml', 'nvidia_smi', 'py3nvml', 'nvitop', 'gpustat'],
    distributions: ['pynvml', 'nvidia-ml-py', 'nvidia-ml-py3', 'py3nvml', 'nvitop', 'gpustat'],
    severity: 'warning',
    effort: 'low',
    what: 'NVML (NVIDIA GPU monitoring)',
    advice: same('Use the Neuron monitoring tools instead of NVML: neuron-monitor (JSON metrics), neuron-top, or neuron-ls.'),
  },
  {
    name: 'flashinfer',
    modules: ['flashinfer'],
    distributions: ['flashinfer', 'flashinfer-python', 'flashinfer-cubin', /^flashinfer-jit-cache$/],
    severity: 'warning',
    effort: 'medium',
    what: 'FlashInfer CUDA attention and sampling kernels',
    advice: same('Use the attention backends of the Neuron serving stack (vllm-neuron plugin, NxD Inference) or torch.nn.functional.scaled_dot_product_attention; custom kernels become NKI kernels.'),
  },
  {
    name: 'nvidia CUDA wheels',
    modules: [],
    distributions: [/^nvidia-[a-z0-9-]+-cu\d+$/, /^nvidia-(cuda|cudnn|cublas|cufft|curand|cusolver|cusparse|nccl|nvjitlink|nvtx|cutlass)(-[a-z0-9]+)*$/],
    severity: 'warning',
    effort: 'low',
    what: 'an NVIDIA CUDA runtime wheel',
    advice: same('Drop the NVIDIA runtime wheels: on Trainium/Inferentia the Neuron runtime and compiler come from the Neuron SDK (aws-neuronx-* packages, neuronx-cc, torch-neuronx).'),
  },
];

/** PEP 503 normalisation: "Flash_Attn" → "flash-attn". */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The library a distribution name belongs to, by its PEP 503-normalised name. */
export function libraryForDistribution(name: string): GpuLibrary | undefined {
  const n = normalizePackageName(name);
  return GPU_LIBRARIES.find((lib) => lib.distributions.some((d) => (typeof d === 'string' ? d === n : d.test(n))));
}

/**
 * The library an imported module belongs to: "triton.language" → triton, "numba.cuda" → numba.cuda.
 * Look-alikes do not match: "tritonclient", "apexcharts", "cupy_helpers".
 */
export function libraryForModule(module: string): GpuLibrary | undefined {
  let best: { lib: GpuLibrary; len: number } | undefined;
  for (const lib of GPU_LIBRARIES) {
    for (const m of lib.modules) {
      if (module === m || module.startsWith(m + '.')) {
        if (!best || m.length > best.len) best = { lib, len: m.length };
      }
    }
  }
  return best?.lib;
}

/** Wheel indexes and channels that serve CUDA builds. */
export function isCudaIndexUrl(url: string): boolean {
  const u = url.toLowerCase();
  return (
    /download\.pytorch\.org\/whl\/(nightly\/|test\/)?cu\d+/.test(u) ||
    /(^|[/.])pypi\.(ngc\.)?nvidia\.com/.test(u) ||
    /developer\.download\.nvidia\.com/.test(u) ||
    /jax[_-]cuda\d*[_-]releases/.test(u) ||
    /data\.pyg\.org\/whl\/.*\+cu\d+/.test(u) ||
    /dl\.fbaipublicfiles\.com\/.*\/cu\d+/.test(u) ||
    /flashinfer\.ai\/whl\/cu\d+/.test(u) ||
    /github\.com\/dao-ailab\/flash-attention\/releases/.test(u)
  );
}

/** A CUDA local version in a pin, e.g. "2.3.0+cu121" → "+cu121". */
export function cudaLocalVersion(spec: string): string | undefined {
  return /\+[a-z0-9.]*?cu\d+\w*/i.exec(spec)?.[0];
}
