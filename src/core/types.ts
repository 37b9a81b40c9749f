/** The findings contract (../shared/docs/contract.md): categories, severities and the finding shape. */

export const CATEGORIES = [
  'cuda-source',
  'framework-cuda',
  'gpu-library',
  'gpu-instance',
  'x86-instance',
  'portable-instance',
  'cuda-image',
  'gpu-scheduling',
  'x86-code',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EFFORTS = ['none', 'low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

export const TARGETS = ['trainium', 'graviton'] as const;
export type Target = (typeof TARGETS)[number];

export type NeuronTrack = 'native' | 'xla';

/** The migration each category blocks, as in the contract's table. */
export const CATEGORY_BLOCKS: Record<Category, Target | null> = {
  'cuda-source': 'trainium',
  'framework-cuda': 'trainium',
  'gpu-library': 'trainium',
  'gpu-instance': 'trainium',
  'x86-instance': 'graviton',
  'portable-instance': null,
  'cuda-image': 'trainium',
  'gpu-scheduling': 'trainium',
  'x86-code': 'graviton',
};

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}

/** A text replacement in the scanned document, by UTF-16 offsets into its text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A mechanical fix a rule offers; the editor turns it into a quick fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Workload an instance serves, when the code tells it. */
export type Workload = 'training' | 'inference';

/** Kinds of CUDA reference, for HIPIFY-style statistics. */
export type CudaRefKind = 'memory' | 'kernel' | 'device' | 'stream' | 'library' | 'build' | 'other';

export interface CostEstimate {
  region: string;
  count: number;
  hourlyUsd: number | null;
  monthlyUsd: number | null;
  suggestedHourlyUsd: number | null;
  suggestedMonthlyUsd: number | null;
  monthlySavingsUsd: number | null;
  /** Why a price is missing or how it was derived, e.g. "no on-demand price (Capacity Blocks only)". */
  note?: string;
}

/** One finding. The contract's fields, plus optional internal facts used by pricing and the editor. */
export interface Finding {
  ruleId: string;
  category: Category;
  blocks: Target | null;
  severity: Severity;
  effort: Effort;
  /** Relative to the scan root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  endLine: number;
  /** 1-based, exclusive. */
  endColumn: number;
  message: string;
  advice: string;
  docsUrl: string;
  instanceType?: string;
  suggestedInstanceType?: string;
  /** Why that counterpart was suggested (shown to the user). */
  suggestionReason?: string;
  cost?: CostEstimate | null;

  // ---- internal facts, not all serialised ----
  /** Offsets into the document text, for editors. */
  startOffset: number;
  endOffset: number;
  fixes?: Fix[];
  /** Instance count where the code states it literally. */
  count?: number;
  /** Region where the code states it (a provider block, a stack env; for Terraform, in any file of the module). */
  region?: string;
  workload?: Workload;
  /** Identifies one deployed resource, so the same resource reached twice is priced once. */
  resourceKey?: string;
  cudaKind?: CudaRefKind;
}

/** A file other than the analysed one that its findings depend on (a Terraform module's other files), as it was when read. */
export interface FileDependency {
  /** Absolute path (a file or a folder). */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface ScanError {
  file: string;
  message: string;
}
