import type { SourceDocument } from './document';
import type { Category, Effort, FileDependency, Fix, NeuronTrack, Severity, Target, Workload, CudaRefKind } from './types';

/** Where rule docs live: docs/rules/<ruleId>.md ships with the extension; this is its public address. */
export const DOCS_BASE_URL = 'https://github.com/accel-advisor/accel-advisor/blob/main/docs/rules/';

/** Made once per rule: every finding carries its rule's address. */
const docsUrls = new Map<string, string>();

export function docsUrlFor(ruleId: string): string {
  let url = docsUrls.get(ruleId);
  if (url === undefined) docsUrls.set(ruleId, (url = `${DOCS_BASE_URL}${ruleId}.md`));
  return url;
}

export interface RuleMeta {
  /** "<analyzer>/<rule-name>", stable. */
  id: string;
  category: Category;
  severity: Severity;
  effort: Effort;
  /** One sentence: what the rule finds. */
  description: string;
  /** Whether the rule can offer a mechanical edit. */
  fixable?: boolean;
}

/** What a rule reports. Offsets are UTF-16 offsets into the document text. */
export interface ReportDescriptor {
  start: number;
  end: number;
  message: string;
  advice: string;
  severity?: Severity;
  effort?: Effort;
  fixes?: Fix[];
  instanceType?: string;
  suggestedInstanceType?: string;
  suggestionReason?: string;
  count?: number;
  region?: string;
  workload?: Workload;
  resourceKey?: string;
  cudaKind?: CudaRefKind;
  /** Overrides the rule's category for rules that classify what they find (instance types). */
  category?: Category;
}

export interface RuleContext {
  readonly document: SourceDocument;
  readonly neuronTrack: NeuronTrack;
  readonly targets: readonly Target[];
  report(descriptor: ReportDescriptor): void;
}

export interface RuleModule<P> {
  meta: RuleMeta;
  /**
   * Words the document must contain for this rule to find anything; the rule is skipped
   * otherwise. A superset of what it reports (it saves walking the tree, it decides nothing).
   */
  precheck?: RegExp;
  check(parsed: P, context: RuleContext): void;
}

/** Parses a document once per parser id; analyzers sharing a parser share the result. */
export interface ParserAdapter<P> {
  id: string;
  parse(document: SourceDocument): Promise<P> | P;
  /** Frees native (WebAssembly) memory held by the result. */
  dispose?(parsed: P): void;
  /**
   * What could not be read of a document that was still read in part (the rules ran on the
   * rest): each becomes one of the file's errors, beside its findings.
   */
  problems?(parsed: P): readonly string[];
  /**
   * Other files on disk the rules read for this document (once they ran), as they were: a cached
   * result is stale when one of them changes (the scan cache compares them).
   */
  dependencies?(parsed: P): readonly FileDependency[];
}

export interface Analyzer<P = unknown> {
  /** e.g. "python", "terraform". Rule ids start with it. */
  id: string;
  /** Whether this analyzer reads a file, by its relative path (forward slashes). */
  matches(relPath: string): boolean;
  /**
   * Cheap text test run before parsing: a file with no trigger is not parsed. Must be a
   * superset of what the rules can find.
   */
  precheck?: RegExp | ((text: string) => boolean);
  /**
   * For a pre-check written as a function: words one of which every text it passes contains
   * (ASCII, `ignoreCase` if it ignores case), so a byte search can skip files before they are
   * read (core/prefilter.ts). A pre-check expression gives its words itself.
   */
  triggerWords?: { words: readonly string[]; ignoreCase?: boolean };
  parser: ParserAdapter<P>;
  rules: RuleModule<P>[];
  /**
   * Whether this analyzer recognised the document as its own kind (a CloudFormation template, a
   * Kubernetes manifest). A document claimed by a specific analyzer is not read by generic ones.
   */
  claims?(parsed: P): boolean;
  /** A catch-all analyzer (instance types in any config file): runs only on unclaimed documents. */
  generic?: boolean;
  /**
   * Its parser loads a large module on first use (the TypeScript compiler, for CDK apps): a scan's
   * worker pool has one worker read the files that need it, so only that worker loads it.
   */
  heavy?: boolean;
}

/** Helper so analyzer modules keep their generic type. */
export function defineAnalyzer<P>(analyzer: Analyzer<P>): Analyzer<P> {
  return analyzer;
}
