/**
 * EKS node group AMI types and AWS Batch image types that carry the NVIDIA driver stack, and what
 * to use for Trainium/Inferentia nodes instead. Source: Amazon EKS user guide, "Use EKS-optimized
 * accelerated AMIs" (AL2023 x86_64 Neuron for inf1/inf2/trn1/trn2; Bottlerocket's standard
 * x86_64 variant also supports them) and the EKS AmiType enum.
 */
export const ACCELERATED_AMI_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html';

const NEURON_REPLACEMENT: Record<string, string | undefined> = {
  AL2_X86_64_GPU: 'AL2023_x86_64_NEURON',
  AL2023_X86_64_NVIDIA: 'AL2023_x86_64_NEURON',
  BOTTLEROCKET_X86_64_NVIDIA: 'BOTTLEROCKET_x86_64',
  BOTTLEROCKET_X86_64_NVIDIA_FIPS: 'BOTTLEROCKET_x86_64_FIPS',
  AL2023_ARM_64_NVIDIA: undefined,
  BOTTLEROCKET_ARM_64_NVIDIA: undefined,
  ECS_AL2_NVIDIA: undefined,
  ECS_AL2023_NVIDIA: undefined,
};

export interface NvidiaImageType {
  value: string;
  /** EKS AMI type or Batch image type. */
  kind: 'eks' | 'batch';
  /** A Neuron-ready replacement, spelled the way the AWS API spells it; undefined when there is none. */
  replacement?: string;
}

/** Whether a whole literal is an NVIDIA AMI/image type ("AL2_x86_64_GPU", "ECS_AL2_NVIDIA"; AWS compares case-insensitively). */
export function nvidiaImageType(value: string): NvidiaImageType | undefined {
  const upper = value.toUpperCase();
  if (!Object.hasOwn(NEURON_REPLACEMENT, upper)) return undefined;
  return { value, kind: upper.startsWith('ECS_') ? 'batch' : 'eks', replacement: NEURON_REPLACEMENT[upper] };
}

export function nvidiaImageAdvice(t: NvidiaImageType): string {
  if (t.kind === 'batch') {
    return 'For Trainium or Inferentia compute environments, use an ECS-optimized AMI with the Neuron driver (the AWS Deep Learning AMI Neuron, or ECS_AL2 with the Neuron runtime installed) together with trn/inf instance types.';
  }
  return t.replacement
    ? `Use ${t.replacement} for Trainium/Inferentia node groups (the EKS-optimized AMI with the Neuron driver), with the Neuron device plugin and aws.amazon.com/neuron resource requests.`
    : 'Arm NVIDIA AMIs serve Graviton GPU instances (g5g); Trainium and Inferentia nodes are x86_64: use AL2023_x86_64_NEURON with trn/inf instance types.';
}
