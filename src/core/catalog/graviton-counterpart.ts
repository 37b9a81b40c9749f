import { catalogTypesOfFamily } from './data';
import { gravitonGeneration } from './families';
import { parseTypeName, sizeUnits, type TypeNameParts } from './instance-type';
import { parseInstanceType, type InstanceInfo } from './instance-info';
import type { Counterpart } from './counterpart';

/**
 * x86 → Graviton by family letter and size, after ../shared/docs/domain.md: c/m/r up to 6th gen
 * → c7g/m7g/r7g, 7th and 8th gen → c8g/m8g/r8g (keeping local NVMe "d" and, for c, network "n"
 * variants: c5d → c7gd, c6in → c7gn); t2/t3/t3a → t4g; i3/i4i → i4g, i7i → i8g (dense "en"/"ie"
 * storage → is4gen / i8ge); x1/x1e/x2i* → x2gd, newer → x8g.
 *
 * SageMaker sources get the 7th-generation c/m/r families only: SageMaker's Graviton offering is
 * narrower than EC2's (no t, i or x Graviton families), so those get no suggestion.
 */
export function gravitonTargetFamily(p: TypeNameParts, sagemaker: boolean): string | undefined {
  const gen = p.generation ?? 0;
  switch (p.series) {
    case 'c':
    case 'm':
    case 'r': {
      if (sagemaker) return `${p.series}7g`;
      const g = gen >= 7 ? 8 : 7;
      if (p.attributes.includes('d')) return `${p.series}${g}gd`;
      if (p.series === 'c' && p.attributes.includes('n')) return `c${g}gn`;
      return `${p.series}${g}g`;
    }
    case 't':
      return sagemaker ? undefined : 't4g';
    case 'i':
      if (sagemaker) return undefined;
      if (p.attributes.includes('e')) return gen <= 4 ? 'is4gen' : 'i8ge';
      return gen <= 4 ? 'i4g' : 'i8g';
    case 'x':
      if (sagemaker) return undefined;
      return gen <= 2 ? 'x2gd' : 'x8g';
    default:
      return undefined;
  }
}

/** Picks the size: the same suffix when the target family has it, else the nearest by vCPUs (ties go up). */
function pickSize(info: InstanceInfo, family: string): { type: string; note: string } {
  const same = `${family}.${info.size}`;
  const candidates = catalogTypesOfFamily(family);
  if (candidates.length === 0) {
    return { type: same, note: ` ${family} is not in the bundled catalog: check that ${same} exists in your region, and its price.` };
  }
  if (candidates.some((c) => c.name === same)) return { type: same, note: '' };
  const want = info.vcpus ?? Math.max(1, (sizeUnits(info.size) ?? 1) * 4);
  let best = candidates[0]!;
  for (const c of candidates) {
    const d = Math.abs(c.entry.vcpus - want);
    const bestD = Math.abs(best.entry.vcpus - want);
    if (d < bestD || (d === bestD && c.entry.vcpus > best.entry.vcpus)) best = c;
  }
  return { type: best.name, note: ` ${family} has no ${info.size} size; ${best.name} is the nearest by vCPU count.` };
}

function specs(info: InstanceInfo): string {
  const parts: string[] = [];
  if (info.vcpus !== undefined) parts.push(`${info.vcpus} vCPU`);
  if (info.memoryGiB !== undefined) parts.push(`${info.memoryGiB} GiB`);
  return parts.join(', ');
}

function smtNote(p: TypeNameParts): string {
  // AMD families from the 7th generation run one thread per core (EC2 spec pages, "Threads per core": 1).
  if (p.attributes.includes('a') && (p.generation ?? 0) >= 7) {
    return `; ${p.family} vCPUs are physical cores too, so equal vCPU counts mean equal core counts`;
  }
  return `; on ${p.family} each vCPU is one hyperthread of a core, so the same vCPU count gives twice the physical cores`;
}

export function suggestGravitonCounterpart(info: InstanceInfo): Counterpart | undefined {
  const parts = parseTypeName(info.name);
  if (!parts) return undefined;
  const family = gravitonTargetFamily(parts, info.sagemaker);
  if (!family) return undefined;
  const { type, note } = pickSize(info, family);
  const target = parseInstanceType(type);
  if (!target) return undefined;
  const targetParts = parseTypeName(type);
  const chip = (targetParts && gravitonGeneration(targetParts)) ?? 'Graviton';
  const from = specs(info);
  const to = specs(target);
  const sameSize = target.size === info.size;
  const reason =
    `${info.ec2Type}${from ? ` (${from}, x86)` : ' (x86)'} → ${type} (${to ? `${to}, ` : ''}${chip}, arm64): ` +
    `same family letter${sameSize ? ' and size' : ''}.${note} ` +
    `Graviton vCPUs are physical cores (no SMT)${smtNote(parts)}. ` +
    'AWS claims up to 40% better price performance than comparable x86 instances; measure your own workload. ' +
    'Everything that runs on it must build for arm64.';
  return { type, info: target, reason };
}
