/**
 * Classifies container image references: which ones are bound to CUDA, which ones are the NVIDIA
 * Kubernetes device plugin or GPU operator, and which Neuron deep-learning container replaces them.
 * Shared by the docker, kubernetes and ecs analyzers so every face says the same thing.
 */

import { TextMemo } from '../../core/text-memo';

export type ImageKind =
  /** A CUDA runtime, CUDA framework build or NVIDIA-published GPU image. */
  | 'cuda'
  /** The NVIDIA Kubernetes device plugin, GPU operator or its operands. */
  | 'nvidia-k8s'
  /** Already on AWS silicon (a Neuron image). */
  | 'neuron'
  /** A GPU image that is not CUDA (ROCm, Intel, Gaudi): not a CUDA finding. */
  | 'other-accelerator';

export interface ImageRef {
  /** Registry host when the reference names one ("nvcr.io"), else undefined (Docker Hub). */
  registry?: string;
  /** Repository path without the registry, Docker Hub's "library/" removed ("nvidia/cuda"). */
  path: string;
  tag?: string;
  digest?: string;
}

export interface ImageClass {
  kind: ImageKind;
  ref: ImageRef;
  /** Why it was classified so, for the message ("the nvidia/cuda base image"). */
  reason: string;
}

/** Cheap pre-check: text that may hold an image this module classifies as CUDA or NVIDIA. */
export const CUDA_IMAGE_HINT = /cuda|cudnn|nvidia|nvcr|gpu|pytorch\/pytorch|vllm|rapidsai|text-generation-inference|text-embeddings-inference|\bcu1\d\d\b|-cu1\d\d|dkr\.ecr/i;

export function parseImageRef(text: string): ImageRef | undefined {
  let s = text.trim();
  if (!s || /\s/.test(s)) return undefined;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  const parts = s.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) registry = parts.shift()!.toLowerCase();
  let last = parts[parts.length - 1];
  let tag: string | undefined;
  const colon = last.lastIndexOf(':');
  if (colon >= 0) {
    tag = last.slice(colon + 1);
    last = last.slice(0, colon);
    parts[parts.length - 1] = last;
  }
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io' || registry === 'registry.hub.docker.com') registry = undefined;
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  const path = parts.join('/').toLowerCase();
  if (!path || !/^[a-z0-9][a-z0-9._\/-]*$/.test(path)) return undefined;
  return { registry, path, tag, digest };
}

/** Unambiguous NVIDIA component names under an `nvidia/` path segment at any depth (mirrors). */
const MIRRORED_DEVICE_PLUGIN = /(^|\/)nvidia\/(k8s\/)?(k8s-device-plugin|gpu-operator|gpu-feature-discovery|k8s-driver-manager|dcgm-exporter|k8s-mig-manager|gpu-operator-validator)$/;
const DEVICE_PLUGIN = /(^|\/)(k8s-device-plugin|gpu-operator|gpu-feature-discovery|k8s-driver-manager|dcgm-exporter|dcgm|container-toolkit|k8s-mig-manager|gpu-operator-validator|driver)$/;

/** A tag token such as cuda12.1, cuda-11.8, cudnn8, cu121, gpu; bounded by separators. */
const CUDA_TAG = /(^|[-_.])(cuda\d*|cudnn\d*|cu1\d{2}|cu\d{2})(?=$|[-_.\d])/i;
const GPU_TAG = /(^|[-_.])gpu(?=$|[-_.\d])/i;
const NON_CUDA = /rocm|neuron|inferentia|trainium|habana|gaudi|intel|xpu|(^|[-_.])(cpu|arm64|aarch64)($|[-_.])/i;

/**
 * Classifies an image reference; undefined when it is nothing the product reports (or cannot be
 * read). Remembered by reference: a manifest repeats a few images many times, on every edit.
 */
export function classifyImage(text: string): ImageClass | undefined {
  const known = classified.lookup(text);
  if (known) return known.value;
  const c = classifyImageUncached(text);
  classified.remember(text, c);
  return c;
}

const classified = new TextMemo<ImageClass | undefined>(2048, 256 * 1024);

function classifyImageUncached(text: string): ImageClass | undefined {
  const ref = parseImageRef(text);
  if (!ref) return undefined;
  const { path, registry } = ref;
  const tag = ref.tag ?? '';
  const full = `${registry ? registry + '/' : ''}${path}`;
  const cuda = (reason: string): ImageClass => ({ kind: 'cuda', ref, reason });

  if (/neuron/.test(path) || registry === 'public.ecr.aws' && path.startsWith('neuron/')) return { kind: 'neuron', ref, reason: 'a Neuron image' };
  if (path.startsWith('rocm/') || /rocm/i.test(tag) || path.startsWith('intel/') || /habana|gaudi/.test(full)) {
    return { kind: 'other-accelerator', ref, reason: 'a non-CUDA accelerator image' };
  }
  // The NVIDIA device plugin and GPU operator images (nvcr.io/nvidia/k8s-device-plugin, nvidia/k8s-device-plugin …).
  if ((registry === 'nvcr.io' || !registry || registry === 'registry.k8s.io') && /^nvidia\//.test(path) && DEVICE_PLUGIN.test(path)) {
    return { kind: 'nvidia-k8s', ref, reason: `the NVIDIA Kubernetes component ${path}` };
  }
  // The same images re-hosted on a private mirror (harbor.example.com/mirror/nvidia/k8s-device-plugin).
  if (MIRRORED_DEVICE_PLUGIN.test(path)) return { kind: 'nvidia-k8s', ref, reason: `the NVIDIA Kubernetes component ${path} (mirrored)` };
  if (registry === 'nvcr.io' && /^(nvidia|nim|hpc|nvstaging)\//.test(path)) return cuda(`an NVIDIA NGC image (${full})`);
  if (/^nvidia\/(cuda|cudagl|opengl|vulkan|digits|caffe)/.test(path)) return cuda(`the NVIDIA CUDA image ${path}`);
  if (path === 'pytorch/pytorch' || path === 'pytorch/manylinux-cuda' || /^pytorch\/manylinux.*cuda/.test(path)) {
    if (NON_CUDA.test(tag)) return undefined;
    return cuda(`the PyTorch CUDA image${tag ? ` (tag ${tag})` : ''}`);
  }
  if (/^tensorflow\/(tensorflow|serving)$/.test(path)) return GPU_TAG.test(tag) ? cuda(`the TensorFlow GPU (CUDA) image (tag ${tag})`) : undefined;
  if (/^vllm\/vllm-openai/.test(path) || path === 'vllm/vllm') return NON_CUDA.test(tag) ? undefined : cuda('the vLLM CUDA image');
  if (/^rapidsai\//.test(path)) return cuda('a RAPIDS (CUDA) image');
  if (/^huggingface\/.*gpu/.test(path)) return cuda(`the Hugging Face GPU image ${path}`);
  if (/(^|\/)text-generation-inference$/.test(path)) return NON_CUDA.test(tag) ? undefined : cuda('Hugging Face Text Generation Inference (CUDA build)');
  if (/(^|\/)text-embeddings-inference$/.test(path)) return /^cpu-/.test(tag) || NON_CUDA.test(tag) ? undefined : cuda('Hugging Face Text Embeddings Inference (CUDA build)');
  // AWS deep-learning containers (SageMaker/ECR and public.ecr.aws/deep-learning-containers): GPU builds say so in the tag.
  if ((registry && /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(registry)) || registry === 'public.ecr.aws') {
    if ((GPU_TAG.test(tag) || CUDA_TAG.test(tag)) && !NON_CUDA.test(tag)) return cuda(`an AWS GPU deep-learning container (${path}:${tag})`);
    return undefined;
  }
  // Any other image whose tag or name says CUDA (myorg/base:cuda12.1-py310, foo/cuda-builder).
  if (NON_CUDA.test(tag)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (CUDA_TAG.test(tag) || /(^|[-_.])(cuda|cudnn)($|[-_.\d])/.test(name)) return cuda(`an image built on CUDA (${path}${tag ? ':' + tag : ''})`);
  if (GPU_TAG.test(tag) && /(torch|tensorflow|tf|jax|paddle|mxnet|onnx|triton|jupyter|notebook|ml|dl|llm|cuda)/.test(path)) {
    return cuda(`a GPU build of an ML image (${path}:${tag})`);
  }
  return undefined;
}

export type NeuronImageUse = 'training' | 'inference' | 'vllm';

/** The Neuron DLC repositories on public ECR (https://gallery.ecr.aws/neuron). */
export const NEURON_IMAGES: Record<NeuronImageUse, string> = {
  training: 'public.ecr.aws/neuron/pytorch-training-neuronx',
  inference: 'public.ecr.aws/neuron/pytorch-inference-neuronx',
  vllm: 'public.ecr.aws/neuron/pytorch-inference-vllm-neuronx',
};

/** Guesses what the image is used for, from the image and any context text (file, stage or service name). */
export function guessImageUse(c: ImageClass, context = ''): NeuronImageUse | undefined {
  const text = `${c.ref.path}:${c.ref.tag ?? ''} ${context}`.toLowerCase();
  if (/vllm/.test(text)) return 'vllm';
  if (/train|finetun|fine-tun|devel/.test(text)) return 'training';
  if (/infer|serv|predict|triton|tgi|text-generation|text-embeddings|deploy|api|endpoint/.test(text)) return 'inference';
  return undefined;
}

/** Advice naming the Neuron deep-learning container that replaces a CUDA image. */
export function cudaImageAdvice(c: ImageClass, context = ''): string {
  const use = guessImageUse(c, context);
  if (use === 'vllm') return `Serve with vLLM on Inferentia2/Trainium using the Neuron vLLM container ${NEURON_IMAGES.vllm} (vllm-neuron plugin).`;
  if (use === 'training') return `Build on the Neuron training container ${NEURON_IMAGES.training} (Trainium) instead of a CUDA image; the Neuron runtime and drivers replace CUDA.`;
  if (use === 'inference') return `Build on the Neuron inference container ${NEURON_IMAGES.inference} (Inferentia2/Trainium) instead of a CUDA image; the Neuron runtime replaces CUDA.`;
  return `Build on a Neuron deep-learning container instead of a CUDA image: ${NEURON_IMAGES.training} for training, ${NEURON_IMAGES.inference} for inference (${NEURON_IMAGES.vllm} for vLLM serving).`;
}
