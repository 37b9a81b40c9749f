/**
 * The instance catalog: parses and classifies AWS instance type names, describes them from the
 * bundled data (scripts/build-catalog.mjs, from ../shared/data/ec2-catalog) and suggests
 * Trainium, Inferentia or Graviton counterparts.
 */
import type { Workload } from '../types';
import type { Counterpart } from './counterpart';
import { suggestGravitonCounterpart } from './graviton-counterpart';
import type { InstanceInfo } from './instance-info';
import { suggestNeuronCounterpart } from './neuron-counterpart';

export type { AcceleratorKind } from './accelerators';
export type { Architecture, InstanceCategory, InstanceClass } from './families';
export type { AcceleratorInfo, InstanceInfo } from './instance-info';
export type { Counterpart } from './counterpart';
export { INSTANCE_SIZE_HINTS, INSTANCE_TYPE_RE, INSTANCE_TYPE_SCAN_RE, mayHaveInstanceType } from './instance-type';
export { allInstanceTypes, parseInstanceType } from './instance-info';
export { catalogEntry, catalogFamilies, catalogRegions, catalogSource, type CatalogEntry } from './data';

/**
 * A Trainium/Inferentia type for a GPU instance (by workload and size), a Graviton type for an
 * x86 instance (by family letter and size); undefined for types that are already portable or have
 * no counterpart. Without a workload, p-family (and dl1) instances are assumed to train and the
 * others to serve, and the result's `assumption` says so.
 */
export function suggestCounterpart(info: InstanceInfo, workload?: Workload): Counterpart | undefined {
  switch (info.class) {
    case 'gpu':
      return suggestNeuronCounterpart(info, workload);
    case 'x86':
      return suggestGravitonCounterpart(info);
    default:
      return undefined;
  }
}
