/**
 * What the catalog's accelerator names (SkyPilot's spelling, see
 * ../shared/data/ec2-catalog/SOURCE.md caveat 6) stand for: maker, model, kind and memory per
 * accelerator.
 *
 * Memory figures are AWS's, in GiB, as printed in "Specifications for Amazon EC2 accelerated
 * computing instances" (https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html, column
 * "Accelerator memory", e.g. "320 GiB (8 x 40 GiB)" for p4d.24xlarge). AWS reports usable GiB, so
 * A10G/L4 show 22 GiB and L40S 44 GiB where NVIDIA's data sheets say 24 GB and 48 GB. V100
 * figures are from the previous-generation page
 * (https://docs.aws.amazon.com/ec2/latest/instancetypes/pg.html: p3 16 GiB, p3dn 32 GiB per GPU).
 * Trainium, Inferentia and Inferentia2 also match the Neuron architecture pages
 * (awsdocs-neuron.readthedocs-hosted.com, "Trainium Architecture": 32 GiB device memory).
 */
export type AcceleratorKind = 'gpu' | 'trainium' | 'inferentia' | 'gaudi' | 'fpga' | 'other';

export interface AcceleratorModel {
  maker: string;
  model: string;
  kind: AcceleratorKind;
  /** Per accelerator, GiB. */
  memoryGiB: number;
  /** Neuron devices only: NeuronCores per chip (Neuron architecture pages). */
  neuronCores?: number;
}

const TABLE: Record<string, AcceleratorModel> = {
  // ac.html: p4d.24xlarge 8 x 40 GiB; p4de.24xlarge 8 x 80 GiB
  A100: { maker: 'NVIDIA', model: 'A100', kind: 'gpu', memoryGiB: 40 },
  'A100-80GB': { maker: 'NVIDIA', model: 'A100 80GB', kind: 'gpu', memoryGiB: 80 },
  // ac.html: p5.48xlarge 8 x 80 GiB; p5en.48xlarge 8 x 141 GiB
  H100: { maker: 'NVIDIA', model: 'H100', kind: 'gpu', memoryGiB: 80 },
  H200: { maker: 'NVIDIA', model: 'H200', kind: 'gpu', memoryGiB: 141 },
  // ac.html: p6-b200.48xlarge 8 x 179 GiB; p6-b300.48xlarge 8 x 268 GiB
  B200: { maker: 'NVIDIA', model: 'B200', kind: 'gpu', memoryGiB: 179 },
  B300: { maker: 'NVIDIA', model: 'B300', kind: 'gpu', memoryGiB: 268 },
  // pg.html: p3 V100 16 GiB; p3dn.24xlarge V100 32 GiB
  V100: { maker: 'NVIDIA', model: 'V100', kind: 'gpu', memoryGiB: 16 },
  'V100-32GB': { maker: 'NVIDIA', model: 'V100 32GB', kind: 'gpu', memoryGiB: 32 },
  // ac.html: g5 1 x 22 GiB; g6 and gr6 1 x 22 GiB; g6e 1 x 44 GiB
  A10G: { maker: 'NVIDIA', model: 'A10G', kind: 'gpu', memoryGiB: 22 },
  L4: { maker: 'NVIDIA', model: 'L4', kind: 'gpu', memoryGiB: 22 },
  L40S: { maker: 'NVIDIA', model: 'L40S', kind: 'gpu', memoryGiB: 44 },
  // ac.html: g4dn 1 x 16 GiB; g5g 1 x 16 GiB (T4g, on Graviton2)
  T4: { maker: 'NVIDIA', model: 'T4', kind: 'gpu', memoryGiB: 16 },
  T4g: { maker: 'NVIDIA', model: 'T4g', kind: 'gpu', memoryGiB: 16 },
  // ac.html: g4ad 1 x 8 GiB
  'Radeon Pro V520': { maker: 'AMD', model: 'Radeon Pro V520', kind: 'gpu', memoryGiB: 8 },
  // ac.html: inf1 1 x 8 GiB; inf2 1 x 32 GiB; trn1 1 x 32 GiB. NeuronCores per chip: Neuron
  // architecture pages (Inferentia: 4 NeuronCore-v1; Inferentia2 and Trainium: 2 NeuronCore-v2).
  Inferentia: { maker: 'AWS', model: 'Inferentia', kind: 'inferentia', memoryGiB: 8, neuronCores: 4 },
  Inferentia2: { maker: 'AWS', model: 'Inferentia2', kind: 'inferentia', memoryGiB: 32, neuronCores: 2 },
  Trainium: { maker: 'AWS', model: 'Trainium', kind: 'trainium', memoryGiB: 32, neuronCores: 2 },
  // Not in the CSV: used by published-specs.ts. Neuron docs ("Best practices for training":
  // "16 Trainium2 chips with eight physical NeuronCores and 96 GiB of HBM each"). ac.html prints
  // 512 GiB per chip for trn2, which contradicts AWS's own 1.5 TB figure for trn2.48xlarge.
  Trainium2: { maker: 'AWS', model: 'Trainium2', kind: 'trainium', memoryGiB: 96, neuronCores: 8 },
  // ac.html: dl1.24xlarge 8 x 32 GiB
  'Gaudi HL-205': { maker: 'Habana', model: 'Gaudi HL-205', kind: 'gaudi', memoryGiB: 32 },
  // Not in the CSV (dl2q has no accelerator there): ac.html, dl2q.24xlarge 8 x 15 GiB
  'Qualcomm AI100': { maker: 'Qualcomm', model: 'Cloud AI 100', kind: 'other', memoryGiB: 15 },
};

/** The model behind a catalog accelerator name; undefined for a name this table does not know. */
export function acceleratorModel(name: string): AcceleratorModel | undefined {
  return Object.prototype.hasOwnProperty.call(TABLE, name) ? TABLE[name] : undefined;
}

/** Every accelerator name the table knows, for tests. */
export function knownAcceleratorNames(): string[] {
  return Object.keys(TABLE).sort();
}
