import { defineAnalyzer } from '../../core/rule';
import { CUDA_IMAGE_HINT } from '../shared/cuda-images';
import { amd64NodeSelector } from './rules/amd64-node-selector';
import { cudaImage } from './rules/cuda-image';
import { gpuNodeSelector } from './rules/gpu-node-selector';
import { gpuResource } from './rules/gpu-resource';
import { gpuToleration } from './rules/gpu-toleration';
import { instanceType } from './rules/instance-type';
import { nvidiaAmi } from './rules/nvidia-ami';
import { nvidiaDevicePlugin } from './rules/nvidia-device-plugin';
import { nvidiaRuntimeClass } from './rules/nvidia-runtime-class';
import { isComposeName } from '../docker/syntax';
import { kubernetesParser, type ParsedK8s } from './syntax';

const PRECHECK = new RegExp(`${CUDA_IMAGE_HINT.source}|instance-?types?|instance-family|instance-category|amd64|accelerator|NVIDIA`, 'i');

/** Kubernetes manifests (any kind, CRDs included), Helm values, Karpenter NodePools and eksctl ClusterConfigs. */
export const kubernetesAnalyzer = defineAnalyzer<ParsedK8s>({
  id: 'kubernetes',
  matches: (rel) => /\.ya?ml$/i.test(rel) && !isComposeName(rel) && !/(^|\/)\.github\/workflows\//.test(rel),
  precheck: PRECHECK,
  claims: (parsed) => parsed.docs.length > 0,
  parser: kubernetesParser,
  rules: [gpuResource, gpuNodeSelector, instanceType, gpuToleration, nvidiaRuntimeClass, nvidiaDevicePlugin, cudaImage, nvidiaAmi, amd64NodeSelector],
});
