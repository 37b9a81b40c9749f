import type { EffectiveConfig } from '../core/config';
import type { ScanResult } from '../core/engine';
import { CATEGORIES, EFFORTS, SEVERITIES, type CostEstimate, type Finding, type ScanError } from '../core/types';
import { estimateCost, type PricingOptions } from '../pricing/estimate';
import type { PriceOverrides } from '../pricing/overrides';
import { embeddedSnapshot, type PriceSnapshot } from '../pricing/snapshot';
import { cudaStats, effortTable, migrationPlan, type CudaStats, type EffortRow, type PlanStep } from './plan';
import { fileScores, lockInScore } from './score';

export const TOOL_NAME = 'accel-advisor';
export const SCHEMA_VERSION = 1;

/** A finding as serialised: the contract's fields in the contract's order, then optional extras. */
export interface ReportFinding {
  ruleId: string;
  category: Finding['category'];
  blocks: Finding['blocks'];
  severity: Finding['severity'];
  effort: Finding['effort'];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  advice: string;
  docsUrl: string;
  instanceType?: string;
  suggestedInstanceType?: string;
  suggestionReason?: string;
  workload?: Finding['workload'];
  cost?: CostEstimate | null;
  /** True when this finding's resource is already counted by another finding (same resource). */
  countedElsewhere?: boolean;
}

export interface ReportSummary {
  filesScanned: number;
  filesSkipped: number;
  durationMs: number;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  byEffort: Record<string, number>;
  lockInScore: number;
  monthlyUsd: number;
  suggestedMonthlyUsd: number;
  monthlySavingsUsd: number;
  /** Instance findings whose price is unknown (not in the totals). */
  unpricedInstances: number;
  fileScores: Record<string, number>;
  effortTable: EffortRow[];
  migrationPlan: PlanStep[];
  cudaStats: CudaStats;
}

export interface ReportDocument {
  schemaVersion: number;
  tool: { name: string; version: string };
  root: string;
  pricing: {
    source: string;
    asOf: string;
    /** The configured region, else the one region the code states, else us-east-1. */
    region: string;
    hoursPerMonth: number;
    discount: number;
    basis: string;
    /** Every region an instance finding was priced in (they differ when the code states several). */
    regions: string[];
  };
  findings: ReportFinding[];
  summary: ReportSummary;
  errors: ScanError[];
}

export interface BuildReportOptions {
  config: EffectiveConfig;
  toolVersion: string;
  /** Region given on the command line; wins over the config file. */
  region?: string;
  /** Prices to use (a refreshed snapshot); the embedded snapshot by default. */
  snapshot?: PriceSnapshot;
  /** The user's own prices (config `priceFile`). */
  overrides?: PriceOverrides;
  /**
   * Findings already carry their cost (a multi-root workspace prices each folder with its own
   * settings): keep those figures, only total them.
   */
  prePriced?: boolean;
}

const DEFAULT_REGION = 'us-east-1';

function countBy(findings: readonly Finding[], key: 'category' | 'severity' | 'effort', keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  for (const f of findings) out[f[key]]++;
  return out;
}

/** Picks one finding per deployed resource: a .tfvars value overrides a variable default. */
function primaryPerResource(findings: readonly Finding[]): Set<Finding> {
  const byKey = new Map<string, Finding>();
  const primary = new Set<Finding>();
  for (const f of findings) {
    if (!f.instanceType) continue;
    if (!f.resourceKey) {
      primary.add(f);
      continue;
    }
    const existing = byKey.get(f.resourceKey);
    const overrides = (x: Finding) => /\.tfvars(\.json)?$/.test(x.file);
    if (!existing || (overrides(f) && !overrides(existing))) byKey.set(f.resourceKey, f);
  }
  for (const f of byKey.values()) primary.add(f);
  return primary;
}

function toReportFinding(f: Finding): ReportFinding {
  const r: ReportFinding = {
    ruleId: f.ruleId,
    category: f.category,
    blocks: f.blocks,
    severity: f.severity,
    effort: f.effort,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    advice: f.advice,
    docsUrl: f.docsUrl,
  };
  if (f.instanceType !== undefined) r.instanceType = f.instanceType;
  if (f.suggestedInstanceType !== undefined) r.suggestedInstanceType = f.suggestedInstanceType;
  if (f.suggestionReason !== undefined) r.suggestionReason = f.suggestionReason;
  if (f.workload !== undefined) r.workload = f.workload;
  if (f.instanceType !== undefined) r.cost = f.cost ?? null;
  return r;
}

/** Prices instance findings in place (cost field) and returns the totals. */
export function priceFindings(
  findings: Finding[],
  config: EffectiveConfig,
  regionOverride?: string,
  sources: { snapshot?: PriceSnapshot; overrides?: PriceOverrides } = {},
  keepExisting = false,
) {
  const primary = primaryPerResource(findings);
  let monthly = 0;
  let suggested = 0;
  let unpriced = 0;
  const countedElsewhere = new Set<Finding>();
  for (const f of findings) {
    if (!f.instanceType) continue;
    const region = regionOverride ?? config.region ?? f.region ?? DEFAULT_REGION;
    // Only the price sources: the region is the finding's own (config, then code, then default).
    const opts: PricingOptions = { region, hoursPerMonth: config.hoursPerMonth, discount: config.discount };
    if (sources.snapshot) opts.snapshot = sources.snapshot;
    if (sources.overrides) opts.overrides = sources.overrides;
    if (!(keepExisting && f.cost)) f.cost = estimateCost(f.instanceType, f.suggestedInstanceType, f.count ?? 1, opts);
    if (!primary.has(f)) {
      countedElsewhere.add(f);
      continue;
    }
    if (f.cost.monthlyUsd === null) {
      unpriced++;
      continue;
    }
    monthly += f.cost.monthlyUsd;
    suggested += f.cost.suggestedMonthlyUsd ?? f.cost.monthlyUsd;
  }
  return { monthly, suggested, unpriced, countedElsewhere };
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** "on-demand, Linux, us-east-1, 730 h/month, as of 2026-07-20 (source)" — the basis every report shows. */
export function pricingBasisLabel(p: ReportDocument['pricing']): string {
  const regions = (p.regions ?? []).length > 1 ? `${p.regions.join(', ')} (each resource in the region its code states)` : p.region;
  const discount = p.discount ? `, ${Number((p.discount * 100).toFixed(2))}% discount` : '';
  return `${p.basis}, ${regions}, ${p.hoursPerMonth} h/month${discount}, as of ${p.asOf} (${p.source})`;
}

export function buildReport(scan: ScanResult, opts: BuildReportOptions): ReportDocument {
  const { config } = opts;
  const findings = scan.findings;
  const snapshot = opts.snapshot ?? embeddedSnapshot();
  const totals = priceFindings(findings, config, opts.region, { snapshot, overrides: opts.overrides }, opts.prePriced);
  const regions = new Set(findings.filter((f) => f.instanceType).map((f) => f.cost?.region ?? DEFAULT_REGION));
  const region = opts.region ?? config.region ?? (regions.size === 1 ? [...regions][0] : DEFAULT_REGION);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: opts.toolVersion },
    root: scan.root,
    pricing: {
      source: opts.overrides ? `${snapshot.source}; user prices from ${opts.overrides.file}` : snapshot.source,
      asOf: snapshot.asOf,
      region,
      hoursPerMonth: config.hoursPerMonth,
      discount: config.discount,
      basis: 'on-demand, Linux',
      regions: [...regions].sort(),
    },
    findings: findings.map((f) => {
      const r = toReportFinding(f);
      if (totals.countedElsewhere.has(f)) r.countedElsewhere = true;
      return r;
    }),
    summary: {
      filesScanned: scan.filesScanned,
      filesSkipped: scan.skipped.length,
      durationMs: scan.durationMs,
      byCategory: countBy(findings, 'category', CATEGORIES),
      bySeverity: countBy(findings, 'severity', SEVERITIES),
      byEffort: countBy(findings, 'effort', EFFORTS),
      lockInScore: lockInScore(findings, scan.filesScanned),
      monthlyUsd: cents(totals.monthly),
      suggestedMonthlyUsd: cents(totals.suggested),
      monthlySavingsUsd: cents(totals.monthly - totals.suggested),
      unpricedInstances: totals.unpriced,
      fileScores: fileScores(findings),
      effortTable: effortTable(findings),
      migrationPlan: migrationPlan(findings),
      cudaStats: cudaStats(findings),
    },
    errors: scan.errors,
  };
}
