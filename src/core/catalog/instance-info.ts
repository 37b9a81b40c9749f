import { acceleratorModel, type AcceleratorKind } from './accelerators';
import { catalogEntry, catalogTypeNames } from './data';
import { categoryOf, classifyFamily, familyArchitecture, type Architecture, type InstanceCategory, type InstanceClass } from './families';
import { parseTypeName } from './instance-type';

export interface AcceleratorInfo {
  maker: string;
  model: string;
  /** As in the source; fractional for shared GPUs (g6f.large: 0.125). */
  count: number;
  /** Per accelerator, GiB (AWS's published figure). */
  memoryGiB?: number;
  kind: AcceleratorKind;
}

export interface InstanceInfo {
  /** As written, e.g. "ml.p4d.24xlarge". */
  name: string;
  /** "p4d.24xlarge". */
  ec2Type: string;
  /** Had the `ml.` prefix. */
  sagemaker: boolean;
  family: string;
  generation: number | null;
  size: string;
  /** In the catalog data; false = classified by family only, specs unknown. */
  known: boolean;
  vcpus?: number;
  memoryGiB?: number;
  architecture: Architecture;
  accelerator?: AcceleratorInfo;
  class: InstanceClass;
  /** null for class 'other'. */
  category: InstanceCategory | null;
}

function acceleratorInfo(name: string, count: number): AcceleratorInfo {
  const model = acceleratorModel(name);
  if (!model) return { maker: 'unknown', model: name, count, kind: 'other' };
  return { maker: model.maker, model: model.model, count, memoryGiB: model.memoryGiB, kind: model.kind };
}

/**
 * Describes an instance type literal; undefined when the text is not a well-formed AWS instance
 * type. Types missing from the catalog are still classified by their family (known: false).
 */
export function parseInstanceType(text: string): InstanceInfo | undefined {
  const parts = parseTypeName(text);
  if (!parts) return undefined;
  const cls = classifyFamily(parts);
  const info: InstanceInfo = {
    name: parts.name,
    ec2Type: parts.ec2Type,
    sagemaker: parts.sagemaker,
    family: parts.family,
    generation: parts.generation,
    size: parts.size,
    known: false,
    architecture: familyArchitecture(parts),
    class: cls,
    category: categoryOf(cls),
  };
  const entry = catalogEntry(parts.ec2Type);
  if (entry) {
    info.known = true;
    info.vcpus = entry.vcpus;
    info.memoryGiB = entry.memoryGiB;
    if (entry.acceleratorName !== undefined && entry.acceleratorCount !== undefined) {
      info.accelerator = acceleratorInfo(entry.acceleratorName, entry.acceleratorCount);
    }
  }
  return info;
}

/** Every type in the catalog data (the CSV plus the few published-spec entries), sorted. */
export function allInstanceTypes(): string[] {
  return catalogTypeNames();
}
