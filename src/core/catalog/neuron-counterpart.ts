import type { Workload } from '../types';
import { acceleratorModel } from './accelerators';
import { catalogEntry } from './data';
import { sizeUnits } from './instance-type';
import { parseInstanceType, type InstanceInfo } from './instance-info';
import type { Counterpart } from './counterpart';

/**
 * GPU → Trainium/Inferentia, after the heuristic in ../shared/docs/domain.md ("Instance
 * counterparts"). AWS publishes no one-to-one mapping; the sizing rules are ours and the reason
 * string says which one applied.
 *
 * Training: one GPU → trn1.2xlarge; several GPUs with up to 512 GiB of GPU memory → trn1.32xlarge;
 * more than that (p4de, p5, p5e, p5en, p6) → trn2.48xlarge.
 * Inference: the smallest Inf2 size with at least one Inferentia2 chip per GPU and at least the
 * GPUs' memory; beyond inf2.48xlarge (12 chips, 384 GiB) → trn1.32xlarge, then trn2.48xlarge.
 */

const NO_MAPPING = 'AWS publishes no one-to-one GPU-to-Neuron mapping; the Neuron FAQ treats one NeuronCore roughly like one GPU.';
/** EFA bandwidth, Neuron "Trn1/Trn1n Architecture" page. */
const EFA_GBPS: Record<string, number> = { 'trn1.32xlarge': 800, 'trn1n.32xlarge': 1600 };

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

/** "16 Trainium chips (32 NeuronCores), 512 GiB accelerator memory". */
export function describeNeuronTarget(info: InstanceInfo): string {
  const acc = info.accelerator;
  if (!acc) return info.ec2Type;
  const cores = acceleratorModel(acc.model)?.neuronCores;
  const chips = `${fmt(acc.count)} ${acc.model} chip${acc.count === 1 ? '' : 's'}${cores ? ` (${fmt(acc.count * cores)} NeuronCores)` : ''}`;
  return acc.memoryGiB ? `${chips}, ${fmt(acc.count * acc.memoryGiB)} GiB accelerator memory` : chips;
}

/** "8× NVIDIA A100 (40 GiB each, 320 GiB)". */
function describeSource(info: InstanceInfo): string {
  const acc = info.accelerator;
  if (!acc) return `${info.ec2Type} (accelerator specs not in the bundled catalog)`;
  const name = `${acc.maker === 'unknown' ? '' : `${acc.maker} `}${acc.model}`;
  if (!acc.memoryGiB) return `${fmt(acc.count)}× ${name}`;
  if (acc.count < 1) return `${fmt(acc.count)}× ${name} (a share of one ${acc.memoryGiB} GiB GPU, about ${fmt(acc.count * acc.memoryGiB)} GiB)`;
  if (acc.count === 1) return `1× ${name} (${acc.memoryGiB} GiB)`;
  return `${fmt(acc.count)}× ${name} (${acc.memoryGiB} GiB each, ${fmt(acc.count * acc.memoryGiB)} GiB)`;
}

function defaultWorkload(info: InstanceInfo): { workload: Workload; assumption: string } {
  if (info.family.startsWith('p') || info.family === 'dl1') {
    return { workload: 'training', assumption: `workload not stated in the code: assumed training, as ${info.family} instances mostly train models` };
  }
  return { workload: 'inference', assumption: `workload not stated in the code: assumed inference, as ${info.family} instances mostly serve models` };
}

interface Pick {
  type: string;
  why: string;
}

/** "GPU", or "accelerator" for Gaudi and Qualcomm devices. */
function unitWord(info: InstanceInfo): string {
  return !info.accelerator || info.accelerator.kind === 'gpu' ? 'GPU' : 'accelerator';
}

function pickTraining(info: InstanceInfo): Pick {
  const acc = info.accelerator;
  const unit = unitWord(info);
  if (acc?.memoryGiB !== undefined) {
    const total = acc.count * acc.memoryGiB;
    if (acc.count <= 1) {
      const why =
        total > 32
          ? `Single-${unit} training → one Trainium chip. The ${unit} holds ${fmt(total)} GiB and one Trainium 32 GiB: a model that needs more must be sharded across the 16 chips of trn1.32xlarge.`
          : `Single-${unit} training → one Trainium chip.`;
      return { type: 'trn1.2xlarge', why };
    }
    if (total <= 512) {
      return {
        type: 'trn1.32xlarge',
        why: `Multi-${unit} training with ${fmt(total)} GiB of ${unit} memory fits the 16 chips of Trn1 (NeuronLink between chips, EFA ${EFA_GBPS['trn1.32xlarge']} Gbps; trn1n.32xlarge doubles EFA to ${EFA_GBPS['trn1n.32xlarge']} Gbps where multi-node scaling matters).`,
      };
    }
    return {
      type: 'trn2.48xlarge',
      why: `${fmt(total)} GiB of ${unit} memory is more than trn1.32xlarge's 512 GiB → Trn2.`,
    };
  }
  // Specs unknown: size by the size suffix and the family's generation.
  const units = sizeUnits(info.size) ?? 48;
  if (units <= 4) return { type: 'trn1.2xlarge', why: `Specs unknown; a ${info.size} is sized like a single-GPU instance.` };
  if (info.family.startsWith('p') && (info.generation ?? 0) >= 5) {
    return { type: 'trn2.48xlarge', why: `Specs unknown; a P${info.generation ?? ''} ${info.size} is sized like an 8-GPU H100-class instance.` };
  }
  return { type: 'trn1.32xlarge', why: `Specs unknown; a ${info.size} is sized like a multi-GPU instance.` };
}

function pickInference(info: InstanceInfo): Pick {
  const acc = info.accelerator;
  const unit = unitWord(info);
  if (acc?.memoryGiB !== undefined) {
    const total = acc.count * acc.memoryGiB;
    if (acc.count <= 1 && total <= 32) {
      const small = (info.vcpus ?? 0) <= 8;
      return {
        type: small ? 'inf2.xlarge' : 'inf2.8xlarge',
        why: `One Inferentia2 chip (32 GiB) replaces one ${unit}; ${small ? 'inf2.xlarge (4 vCPUs) for a host of up to 8 vCPUs' : `inf2.8xlarge (32 vCPUs) keeps more of the host's ${info.vcpus ?? '?'} vCPUs`}.`,
      };
    }
    const sizes: [string, number, number][] = [
      ['inf2.24xlarge', 6, 192],
      ['inf2.48xlarge', 12, 384],
    ];
    for (const [type, chips, mem] of sizes) {
      if (acc.count <= chips && total <= mem) {
        const caveat = acc.count <= 1 ? ` One ${acc.model} holds ${acc.memoryGiB} GiB, more than one Inferentia2's 32 GiB; if the model fits in 32 GiB, inf2.8xlarge is enough.` : '';
        return { type, why: `Smallest Inf2 size with at least one chip per ${unit} and at least the ${unit}s' ${fmt(total)} GiB.${caveat}` };
      }
    }
    if (total <= 512) return { type: 'trn1.32xlarge', why: `${fmt(total)} GiB is more than the largest Inf2 (384 GiB); Trainium also serves inference.` };
    return { type: 'trn2.48xlarge', why: `${fmt(total)} GiB is more than the largest Inf2 (384 GiB) and Trn1 (512 GiB); Trainium2 also serves inference.` };
  }
  const units = sizeUnits(info.size) ?? 48;
  const type = units <= 2 ? 'inf2.xlarge' : units <= 16 ? 'inf2.8xlarge' : units <= 24 ? 'inf2.24xlarge' : 'inf2.48xlarge';
  return { type, why: `Specs unknown; sized by the ${info.size} suffix.` };
}

export function suggestNeuronCounterpart(info: InstanceInfo, workload?: Workload): Counterpart | undefined {
  const assumed = workload ? undefined : defaultWorkload(info);
  const w = workload ?? assumed!.workload;
  const pick = w === 'training' ? pickTraining(info) : pickInference(info);
  const target = parseInstanceType(pick.type);
  if (!target) return undefined;
  const noPrice = catalogEntry(target.ec2Type)?.origin === 'published' ? ` ${target.ec2Type} has no on-demand price (Capacity Blocks only).` : '';
  const reason = `${describeSource(info)} ${w} → ${target.ec2Type}: ${describeNeuronTarget(target)}. ${pick.why}${noPrice} ${NO_MAPPING}`;
  const c: Counterpart = { type: pick.type, info: target, reason };
  if (assumed) c.assumption = assumed.assumption;
  return c;
}
