import type { NeuronTrack } from '../../core/types';

/** Replacement device expressions for each Neuron track (domain.md's rewrite table). */
export const DEVICE_EXPR: Record<NeuronTrack, string> = {
  native: 'torch.accelerator.current_accelerator()',
  xla: 'xm.xla_device()',
};

export function deviceAdvice(track: NeuronTrack): string {
  return track === 'native'
    ? 'Select the device instead of hard-coding CUDA: use torch.accelerator.current_accelerator() (or the "neuron" device of the native Neuron backend) so the same code runs on Trainium/Inferentia.'
    : 'Select the device instead of hard-coding CUDA: on the torch-xla track use xm.xla_device() (import torch_xla.core.xla_model as xm).';
}
