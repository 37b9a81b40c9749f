import type { CudaRefKind, NeuronTrack } from '../../core/types';

/** Where tensors live on Trainium/Inferentia, per Neuron track. */
export function neuronDevice(track: NeuronTrack): string {
  return track === 'native' ? 'the "neuron" device of the native PyTorch backend' : 'the XLA device (xm.xla_device())';
}

function kernelAdviceFor(track: NeuronTrack): string {
  return `Rewrite the kernel with NKI (Neuron Kernel Interface), or express it as PyTorch operations that the Neuron compiler lowers, and run it on ${neuronDevice(track)}.`;
}

/** Advice for a CUDA runtime or driver call, by what it manages. */
function apiAdviceFor(kind: CudaRefKind, track: NeuronTrack): string {
  switch (kind) {
    case 'memory':
      return `Let the framework own device memory: create tensors on ${neuronDevice(track)} (and move them with .to(device)) instead of allocating and copying with the CUDA API.`;
    case 'stream':
      return 'Neuron has no user-visible streams, events or graphs: remove explicit stream/event management and let the Neuron runtime schedule work (expect rework).';
    case 'kernel':
      return 'Kernel launches and modules have no Neuron counterpart: port the kernel to NKI and call it from the framework.';
    case 'device':
      return track === 'native'
        ? 'Select and synchronise devices through the framework (torch.accelerator.*, device "neuron") instead of the CUDA device API; Neuron cores are assigned with NEURON_RT_VISIBLE_CORES.'
        : 'Select devices through torch-xla (xm.xla_device(), xm.get_xla_supported_devices()) and synchronise with xm.mark_step() instead of the CUDA device API.';
    default:
      return 'Remove the CUDA-specific call: error handling, profiling and interop go through the framework and Neuron tools (neuron-profile, neuron-top) on Trainium/Inferentia.';
  }
}

function libraryAdviceFor(library: string, track: NeuronTrack): string {
  const dev = neuronDevice(track);
  switch (library) {
    case 'cuBLAS':
    case 'cuBLASLt':
      return `Express the GEMM as torch.matmul/linear on ${dev} (the Neuron compiler maps it to the Tensor Engine), or write an NKI matmul kernel.`;
    case 'cuDNN':
      return `Use the framework's convolution/normalisation/attention ops on ${dev}; the Neuron compiler replaces cuDNN.`;
    case 'NCCL':
      return track === 'native'
        ? 'Use torch.distributed collectives with the native Neuron backend (Neuron collective communication) instead of calling NCCL.'
        : 'Use torch.distributed with the "xla" backend (torch_xla.distributed.xla_backend) instead of calling NCCL.';
    case 'cuRAND':
      return `Generate random numbers with the framework (torch.rand/randn on ${dev}) instead of cuRAND.`;
    case 'cuFFT':
    case 'cuSPARSE':
    case 'cuSOLVER':
    case 'cuTENSOR':
      return `${library} has no Neuron counterpart: use framework ops where they exist on ${dev}, run this part on CPU, or write NKI kernels (high effort).`;
    case 'NVRTC':
      return 'Run-time CUDA compilation has no Neuron counterpart: precompile NKI kernels instead.';
    default:
      return `${library} only builds with nvcc: replace it with framework ops on ${dev} or with NKI kernels.`;
  }
}

export const X86_INTRINSIC_ADVICE =
  'Port to Arm for Graviton: keep a portable path, map SSE to NEON with sse2neon, AVX/AVX-512 with SIMDe, or write Arm NEON/SVE intrinsics (Porting Advisor for Graviton lists these).';

/**
 * Advice texts are the same for every finding of a kind (a file may have thousands): each is
 * made once per kind and track, not once per finding.
 */
function madeOnce<K>(make: (key: K, track: NeuronTrack) => string): (key: K, track: NeuronTrack) => string {
  const made = new Map<NeuronTrack, Map<K, string>>();
  return (key, track) => {
    let byKey = made.get(track);
    if (!byKey) made.set(track, (byKey = new Map()));
    let text = byKey.get(key);
    if (text === undefined) byKey.set(key, (text = make(key, track)));
    return text;
  };
}

const kernelAdviceOnce = madeOnce((_: void, track) => kernelAdviceFor(track));
export const kernelAdvice = (track: NeuronTrack): string => kernelAdviceOnce(undefined, track);
export const apiAdvice = madeOnce(apiAdviceFor);
export const libraryAdvice = madeOnce(libraryAdviceFor);
