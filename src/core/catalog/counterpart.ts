import type { InstanceInfo } from './instance-info';

/** A suggested Trainium, Inferentia or Graviton type, with the reasoning shown to the user. */
export interface Counterpart {
  /** EC2 type name, without `ml.` (callers add the prefix for SageMaker sources). */
  type: string;
  info: InstanceInfo;
  /** User-facing: what was matched to what, and why. */
  reason: string;
  /** Set when the workload was not known and had to be assumed (or another assumption was made). */
  assumption?: string;
}
