import { INSTANCE_SIZE_HINTS, mayHaveInstanceType } from '../../core/catalog';

/**
 * When the Python-reading analyzers and rules can find anything, in one place: their pre-checks
 * use these, and so does partial parsing (partial.ts), which must keep every statement they read.
 */

/** Modules whose integer device arguments mean CUDA devices (python/hf-device-index). */
export const HF_MODULES = /transformers|diffusers|accelerate|peft|trl|sentence_transformers/;

/**
 * Cheap pre-check of the python analyzer: a superset of every trigger the rules look for. Library
 * module names come from the shared table's spelling; "gpu" covers JAX/TF/FAISS; device indexes
 * need transformers.
 */
export const PYTHON_PRECHECK = new RegExp(
  `cuda|\\.cu\\b|nccl|cudnn|gpu|autotune|reduce-overhead|triton|flash_attn|bitsandbytes|xformers|apex|cupy|tensorrt|ExecutionProvider|vllm|deepspeed|cudf|cuml|cugraph|cuspatial|cucim|cuvs|rmm|pylibraft|dali|nvml|nvidia_smi|nvitop|gpustat|${HF_MODULES.source}`,
  'i',
);

/** Pre-check of the sagemaker analyzer: instance types, or SageMaker local GPU mode. */
export function sagemakerMayApply(text: string): boolean {
  return text.includes('local_gpu') || mayHaveInstanceType(text);
}

/** One of these is in every text sagemakerMayApply passes. */
export const SAGEMAKER_TRIGGER_WORDS: readonly string[] = ['local_gpu', ...INSTANCE_SIZE_HINTS];

/** A loose pre-check of the cdk-python analyzer (a superset of its own). */
export function cdkPythonMayApply(text: string): boolean {
  return text.includes('aws_cdk');
}
