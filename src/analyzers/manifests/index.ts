import { defineAnalyzer } from '../../core/rule';
import { manifestKind, manifestParser, type ParsedManifest } from './parse';
import { cudaWheelIndex } from './rules/cuda-wheel-index';
import { gpuPackage } from './rules/gpu-package';

/** Python and conda dependency manifests: requirements*.txt, pyproject.toml, Pipfile, setup.py/cfg, environment.yml. */
export const manifestsAnalyzer = defineAnalyzer<ParsedManifest>({
  id: 'manifests',
  matches: (rel) => manifestKind(rel) !== undefined,
  precheck: /cu\d|cuda|nvidia|gpu|flash|triton|bitsandbytes|xformers|apex|cupy|tensorrt|vllm|deepspeed|cudf|cuml|cugraph|cuspatial|cucim|cuvs|rmm|raft|dali|nvml|cudnn|nccl|jax|tensorflow|onnxruntime|faiss|pycuda|paddle|mxnet|nvitop|gpustat/i,
  parser: manifestParser,
  rules: [gpuPackage, cudaWheelIndex],
});
