/**
 * Specs that the shared CSV lacks, taken from AWS's published specifications rather than from the
 * CSV, so that the types people actually write are described. None of these carries a price: the
 * source has no on-demand price for them (../shared/data/ec2-catalog/SOURCE.md caveats 1 and 6).
 *
 * Source: "Specifications for Amazon EC2 accelerated computing instances",
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html (vCPUs, memory, accelerators);
 * Trainium2 memory per chip from the Neuron documentation (see accelerators.ts).
 */
export interface PublishedSpec {
  vcpus: number;
  memoryGiB: number;
  acceleratorName?: string;
  acceleratorCount?: number;
  /** Why this entry is here and where its figures come from (shown by tests and docs). */
  note: string;
}

const NO_PRICE = 'AWS published specs (not the CSV); no on-demand price: Capacity Blocks only';

/** Types missing from the CSV altogether. */
export const PUBLISHED_TYPES: Readonly<Record<string, PublishedSpec>> = {
  'trn2.48xlarge': {
    vcpus: 192,
    memoryGiB: 2048,
    acceleratorName: 'Trainium2',
    acceleratorCount: 16,
    note: `${NO_PRICE}. 16 Trainium2 chips x 96 GiB = 1.5 TiB accelerator memory.`,
  },
  'trn2.3xlarge': {
    vcpus: 12,
    memoryGiB: 128,
    acceleratorName: 'Trainium2',
    acceleratorCount: 1,
    note: `${NO_PRICE}. 1 Trainium2 chip, 96 GiB.`,
  },
  'p5e.48xlarge': {
    vcpus: 192,
    memoryGiB: 2048,
    acceleratorName: 'H200',
    acceleratorCount: 8,
    note: `${NO_PRICE}. 8 NVIDIA H200, 141 GiB each.`,
  },
};

/** Accelerators for CSV types whose accelerator fields are empty in the source. */
export const PUBLISHED_ACCELERATORS: Readonly<Record<string, { acceleratorName: string; acceleratorCount: number; note: string }>> = {
  'dl2q.24xlarge': {
    acceleratorName: 'Qualcomm AI100',
    acceleratorCount: 8,
    note: 'Accelerator from AWS published specs (the CSV has none): 8 Qualcomm Cloud AI 100, 15 GiB each.',
  },
};
