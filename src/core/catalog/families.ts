import type { TypeNameParts } from './instance-type';

export type InstanceClass = 'gpu' | 'x86' | 'portable' | 'other';
export type Architecture = 'x86_64' | 'arm64' | 'unknown';
export type InstanceCategory = 'gpu-instance' | 'x86-instance' | 'portable-instance';

/**
 * Accelerator series tied to a vendor's software stack: NVIDIA (p, g, gr), AMD (g4ad), Habana
 * Gaudi (dl1) and Qualcomm (dl2q). They all block a move to Neuron in the same way, so they share
 * the class 'gpu'; the accelerator's `kind` tells them apart.
 */
const GPU_SERIES = new Set(['p', 'g', 'gr', 'dl']);
/** Trainium and Inferentia. */
const NEURON_SERIES = new Set(['trn', 'inf']);
/** Series in which a "g" attribute letter means Graviton (c7g, m6gd, x2gd, i4g, im4gn, is4gen, hpc7g, t4g). */
const GRAVITON_ATTRIBUTE_SERIES = new Set(['c', 'm', 'r', 't', 'x', 'i', 'im', 'is', 'hpc']);
/** x86 series that have a Graviton counterpart (see counterparts/graviton.ts). */
const X86_WITH_GRAVITON_SERIES = new Set(['c', 'm', 'r', 't', 'i', 'x']);

/**
 * Families AWS documents as x86_64 whose names carry no Intel/AMD letter, so the name alone
 * cannot tell (the EC2 instance-type specification pages, "Processor type (architecture)").
 */
const KNOWN_X86_FAMILIES = new Set([
  'c1', 'c3', 'c4', 'c5', 'c5d', 'c5n', 'm1', 'm2', 'm3', 'm4', 'm5', 'm5d', 'm5dn', 'm5n', 'm5zn',
  'r3', 'r4', 'r5', 'r5b', 'r5d', 'r5dn', 'r5n', 't1', 't2', 't3', 'i2', 'i3', 'i3en', 'x1', 'x1e',
  'z1d', 'h1', 'd2', 'd3', 'd3en', 'f1', 'f2', 'p2', 'p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en',
  'p6-b200', 'p6-b300', 'g2', 'g3', 'g3s', 'g4dn', 'g5', 'g6', 'g6e', 'g6f', 'gr6', 'gr6f', 'g7e',
  'dl1', 'dl2q', 'inf1', 'inf2', 'trn1', 'trn1n', 'trn2', 'trn2u', 'vt1', 'mac1',
  'u-3tb1', 'u-6tb1', 'u-9tb1', 'u-12tb1', 'u-18tb1', 'u-24tb1',
]);

/** Graviton: a1, or a "g" among the attribute letters of a CPU series. */
export function isGravitonFamily(p: TypeNameParts): boolean {
  if (p.series === 'a') return true;
  return GRAVITON_ATTRIBUTE_SERIES.has(p.series) && p.attributes.includes('g');
}

export function classifyFamily(p: TypeNameParts): InstanceClass {
  if (GPU_SERIES.has(p.series)) return 'gpu';
  if (NEURON_SERIES.has(p.series)) return 'portable';
  if (isGravitonFamily(p)) return 'portable';
  if (X86_WITH_GRAVITON_SERIES.has(p.series)) return 'x86';
  // z1d, h1, d2/d3, f1/f2, vt1, mac*, u-*, hpc6a/hpc7a: no Graviton family of the same kind
  return 'other';
}

/**
 * arm64 for Graviton families, g5g (Graviton2 + T4g), Grace-based p6e-gb* and Apple-silicon
 * Macs; x86_64 where AWS documents it or the name carries an Intel ("i") or AMD ("a") letter;
 * otherwise unknown (a family newer than this table, such as p7).
 */
export function familyArchitecture(p: TypeNameParts): Architecture {
  if (isGravitonFamily(p)) return 'arm64';
  if (GPU_SERIES.has(p.series) && p.attributes.includes('g')) return 'arm64';
  if (p.variant.startsWith('gb')) return 'arm64';
  if (p.series === 'mac' && (p.generation === null || p.generation >= 2)) return 'arm64';
  if (KNOWN_X86_FAMILIES.has(p.family)) return 'x86_64';
  if (/[ai]/.test(p.attributes)) return 'x86_64';
  return 'unknown';
}

export function categoryOf(c: InstanceClass): InstanceCategory | null {
  switch (c) {
    case 'gpu':
      return 'gpu-instance';
    case 'x86':
      return 'x86-instance';
    case 'portable':
      return 'portable-instance';
    default:
      return null;
  }
}

/** Which Graviton generation a Graviton family runs on, for user-facing text. */
export function gravitonGeneration(p: TypeNameParts): string | undefined {
  if (!isGravitonFamily(p) && !(GPU_SERIES.has(p.series) && p.attributes.includes('g'))) return undefined;
  if (p.series === 'a') return 'Graviton (first generation)';
  if (p.series === 'hpc' && p.generation === 7) return 'Graviton3E';
  if (p.generation === 7 && p.attributes.includes('gn')) return 'Graviton3E';
  if (p.generation === null) return undefined;
  if (p.series === 'g') return 'Graviton2'; // g5g
  if (p.generation <= 6 || p.family === 't4g' || p.family === 'x2gd' || p.series === 'im' || p.series === 'is' || p.family === 'i4g') return 'Graviton2';
  if (p.generation === 7) return 'Graviton3';
  if (p.generation === 8) return 'Graviton4';
  return undefined;
}
