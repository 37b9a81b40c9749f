/**
 * CDK's `InstanceClass` and `InstanceSize` enum members → EC2 names, as `InstanceType.of` maps
 * them (aws-cdk-lib/aws-ec2/lib/instance-types.ts, `instanceClassMap`). The same member names are
 * used by CDK for Python (`ec2.InstanceClass.P4D`). Short members (P4D, C7G, M7I_FLEX, U_3TB1)
 * are the family name itself and are derived, not listed; only the purpose-named members are.
 */
const LONG_CLASS_NAMES: Record<string, string> = {
  STANDARD3: 'm3', STANDARD4: 'm4', STANDARD5: 'm5', STANDARD5_NVME_DRIVE: 'm5d', STANDARD5_AMD: 'm5a',
  STANDARD5_AMD_NVME_DRIVE: 'm5ad', STANDARD5_HIGH_PERFORMANCE: 'm5n', STANDARD5_NVME_DRIVE_HIGH_PERFORMANCE: 'm5dn',
  STANDARD5_HIGH_COMPUTE: 'm5zn', STANDARD6_GRAVITON: 'm6g', STANDARD6_INTEL: 'm6i', STANDARD6_INTEL_NVME_DRIVE: 'm6id',
  STANDARD6_INTEL_HIGH_PERFORMANCE: 'm6in', STANDARD6_INTEL_NVME_DRIVE_HIGH_PERFORMANCE: 'm6idn', STANDARD6_AMD: 'm6a',
  STANDARD6_GRAVITON2_NVME_DRIVE: 'm6gd', STANDARD7_GRAVITON: 'm7g', STANDARD7_GRAVITON3_NVME_DRIVE: 'm7gd',
  STANDARD7_INTEL: 'm7i', STANDARD7_INTEL_FLEX: 'm7i-flex', STANDARD7_AMD: 'm7a', STANDARD8_GRAVITON4: 'm8g',
  MEMORY3: 'r3', MEMORY4: 'r4', MEMORY5: 'r5', MEMORY6_AMD: 'r6a', MEMORY6_INTEL: 'r6i', MEMORY6_INTEL_NVME_DRIVE: 'r6id',
  MEMORY6_INTEL_HIGH_PERFORMANCE: 'r6in', MEMORY6_INTEL_NVME_DRIVE_HIGH_PERFORMANCE: 'r6idn', MEMORY5_HIGH_PERFORMANCE: 'r5n',
  MEMORY5_NVME_DRIVE: 'r5d', MEMORY5_NVME_DRIVE_HIGH_PERFORMANCE: 'r5dn', MEMORY5_AMD: 'r5a', MEMORY5_AMD_NVME_DRIVE: 'r5ad',
  MEMORY5_EBS_OPTIMIZED: 'r5b', MEMORY6_GRAVITON: 'r6g', MEMORY6_GRAVITON2_NVME_DRIVE: 'r6gd', MEMORY7_GRAVITON: 'r7g',
  MEMORY7_GRAVITON3_NVME_DRIVE: 'r7gd', MEMORY7_INTEL_BASE: 'r7i', MEMORY7_INTEL: 'r7iz', MEMORY7_AMD: 'r7a', MEMORY8_GRAVITON4: 'r8g',
  HIGH_MEMORY_3TB_1: 'u-3tb1', HIGH_MEMORY_6TB_1: 'u-6tb1', HIGH_MEMORY_9TB_1: 'u-9tb1', HIGH_MEMORY_12TB_1: 'u-12tb1',
  HIGH_MEMORY_18TB_1: 'u-18tb1', HIGH_MEMORY_24TB_1: 'u-24tb1',
  COMPUTE3: 'c3', COMPUTE4: 'c4', COMPUTE5: 'c5', COMPUTE5_NVME_DRIVE: 'c5d', COMPUTE5_AMD: 'c5a', COMPUTE5_AMD_NVME_DRIVE: 'c5ad',
  COMPUTE5_HIGH_PERFORMANCE: 'c5n', COMPUTE6_INTEL: 'c6i', COMPUTE6_INTEL_HIGH_PERFORMANCE: 'c6in', COMPUTE6_INTEL_NVME_DRIVE: 'c6id',
  COMPUTE6_AMD: 'c6a', COMPUTE6_GRAVITON2: 'c6g', COMPUTE6_GRAVITON2_NVME_DRIVE: 'c6gd', COMPUTE6_GRAVITON2_HIGH_NETWORK_BANDWIDTH: 'c6gn',
  COMPUTE7_GRAVITON3: 'c7g', COMPUTE7_GRAVITON3_NVME_DRIVE: 'c7gd', COMPUTE7_GRAVITON3_HIGH_NETWORK_BANDWIDTH: 'c7gn',
  COMPUTE7_INTEL: 'c7i', COMPUTE7_AMD: 'c7a', COMPUTE8_GRAVITON4: 'c8g',
  STORAGE2: 'd2', STORAGE3: 'd3', STORAGE3_ENHANCED_NETWORK: 'd3en', STORAGE_COMPUTE_1: 'h1', IO3: 'i3', IO3_DENSE_NVME_DRIVE: 'i3en',
  IO4_INTEL: 'i4i', STORAGE4_GRAVITON: 'i4g', STORAGE4_GRAVITON_NETWORK_OPTIMIZED: 'im4gn',
  STORAGE4_GRAVITON_NETWORK_STORAGE_OPTIMIZED: 'is4gen',
  BURSTABLE2: 't2', BURSTABLE3: 't3', BURSTABLE3_AMD: 't3a', BURSTABLE4_GRAVITON: 't4g',
  MEMORY_INTENSIVE_1: 'x1', MEMORY_INTENSIVE_1_EXTENDED: 'x1e', MEMORY_INTENSIVE_2_GRAVITON2: 'x2g',
  MEMORY_INTENSIVE_2_GRAVITON2_NVME_DRIVE: 'x2gd', MEMORY_INTENSIVE_2_XT_INTEL: 'x2iedn', MEMORY_INTENSIVE_2_INTEL: 'x2idn',
  MEMORY_INTENSIVE_2_XTZ_INTEL: 'x2iezn', HIGH_COMPUTE_MEMORY1: 'z1d',
  FPGA1: 'f1', GRAPHICS3_SMALL: 'g3s', GRAPHICS3: 'g3', GRAPHICS4_NVME_DRIVE_HIGH_PERFORMANCE: 'g4dn', GRAPHICS4_AMD_NVME_DRIVE: 'g4ad',
  GRAPHICS5: 'g5', GRAPHICS5_GRAVITON2: 'g5g', GRAPHICS6: 'g6', GRAPHICS6_EFFICIENT: 'g6e',
  PARALLEL2: 'p2', PARALLEL3: 'p3', PARALLEL3_NVME_DRIVE_HIGH_PERFORMANCE: 'p3dn', PARALLEL4_NVME_DRIVE_EXTENDED: 'p4de',
  PARALLEL4: 'p4d', PARALLEL5: 'p5',
  ARM1: 'a1', INFERENCE1: 'inf1', INFERENCE2: 'inf2', TRAINING1: 'trn1', TRAINING1_NETWORK: 'trn1n', DEEP_LEARNING1: 'dl1',
  MACINTOSH1_INTEL: 'mac1', MACINTOSH2_M1: 'mac2', MACINTOSH2_M2: 'mac2-m2', MACINTOSH2_M2_PRO: 'mac2-m2pro',
  VIDEO_TRANSCODING1: 'vt1', HIGH_PERFORMANCE_COMPUTING6_AMD: 'hpc6a', HIGH_PERFORMANCE_COMPUTING6_INTEL_NVME_DRIVE: 'hpc6id',
  HIGH_PERFORMANCE_COMPUTING7_AMD: 'hpc7a', HIGH_PERFORMANCE_COMPUTING7_GRAVITON: 'hpc7g',
};

/** `InstanceClass.<member>` → EC2 family ("P4D" → "p4d", "COMPUTE5" → "c5", "M7I_FLEX" → "m7i-flex"). */
export function instanceClassFamily(member: string): string | undefined {
  if (Object.hasOwn(LONG_CLASS_NAMES, member)) return LONG_CLASS_NAMES[member];
  const highMemory = /^U_(\d+TB\d)$/.exec(member);
  if (highMemory) return `u-${highMemory[1].toLowerCase()}`;
  // Short members spell the family: letters, generation digit(s), attribute letters, dashed variant.
  if (/^[A-Z]+\d{1,2}[A-Z]*(_[A-Z0-9]+)?$/.test(member)) return member.toLowerCase().replace('_', '-');
  return undefined;
}

/** `InstanceSize.<member>` → size ("XLARGE24" → "24xlarge", "XLARGE48METAL" → "metal-48xl"). */
export function instanceSizeName(member: string): string | undefined {
  if (/^(NANO|MICRO|SMALL|MEDIUM|LARGE|XLARGE|METAL)$/.test(member)) return member.toLowerCase();
  let m = /^XLARGE(\d+)$/.exec(member);
  if (m) return `${m[1]}xlarge`;
  m = /^XLARGE(\d+)METAL$/.exec(member);
  if (m) return `metal-${m[1]}xl`;
  return undefined;
}

/**
 * A static `InstanceType.<CLASS>_<SIZE>` constant (newer aws-cdk-lib: `InstanceType.P4D_24XLARGE`,
 * `InstanceType.COMPUTE5_LARGE`) → type name.
 */
export function instanceTypeConstant(member: string): string | undefined {
  const m = /^(.+)_(NANO|MICRO|SMALL|MEDIUM|LARGE|XLARGE|METAL|\d+XLARGE|METAL_\d+XL)$/.exec(member);
  if (!m) return undefined;
  const family = instanceClassFamily(m[1]);
  const sizeWord = m[2];
  const size = /^\d+XLARGE$/.test(sizeWord) ? sizeWord.toLowerCase() : /^METAL_\d+XL$/.test(sizeWord) ? sizeWord.toLowerCase().replace('_', '-') : sizeWord.toLowerCase();
  return family ? `${family}.${size}` : undefined;
}

/** Instance type from a class and a size member; undefined when either is unknown. */
export function instanceTypeOf(classMember: string, sizeMember: string): string | undefined {
  const family = instanceClassFamily(classMember);
  const size = instanceSizeName(sizeMember);
  return family && size ? `${family}.${size}` : undefined;
}

/** Constructs of services whose instance types are not EC2 (RDS `db.*`, ElastiCache, OpenSearch …). */
export const NON_EC2_SERVICE_RE =
  /(^|\.)(rds|docdb|neptune|elasticache|opensearch|opensearchservice|es|redshift|msk|memorydb|aws_rds|aws_docdb|aws_neptune|aws_elasticache|aws_opensearchservice|aws_redshift|aws_msk)\.|(^|\.)(DatabaseInstance\w*|DatabaseCluster\w*|ClusterInstance|ServerlessCluster|CfnDBInstance|CfnDBCluster|CfnCacheCluster|CfnReplicationGroup|CfnDomain)(\.|$)/;
