/**
 * The extension's settings (`accelAdvisor.*`) and how they combine with the workspace's
 * `.accel-advisor.json`. Editor-free: the caller hands in a getter over the VS Code settings,
 * so the rules here are unit-tested without an editor.
 *
 * Precedence (documented in docs/extension.md): defaults < VS Code settings < `.accel-advisor.json`.
 * The repository file is the team's shared answer and the only thing the command line (and so CI)
 * reads; a personal setting must not silently diverge from it. Settings fill in what the file does
 * not set. Lists merge: `exclude` adds to the file's `ignore`, per-rule severities from the file win
 * rule by rule. In an untrusted workspace the file's `priceFile` and `pricingBaseUrl` are ignored
 * (VS Code itself drops workspace values of the restricted settings).
 */
import * as path from 'node:path';
import * as z from 'zod';
import { DEFAULT_CONFIG, type ConfigFile, type EffectiveConfig } from '../core/config';
import { SEVERITIES, TARGETS } from '../core/types';

const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const RULE_ID_RE = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** One schema per setting, so a bad value costs only that setting. */
export const SETTING_SCHEMAS = {
  region: z.string().regex(REGION_RE, 'an AWS region code such as "us-east-1"').or(z.literal('')),
  hoursPerMonth: z.number().positive().max(744),
  discount: z.number().min(0).lt(1, 'a fraction below 1, e.g. 0.2 for 20%'),
  targets: z.array(z.enum(TARGETS)).min(1),
  neuronTrack: z.enum(['native', 'xla']),
  rules: z.record(z.string().regex(RULE_ID_RE, 'a rule id such as "python/torch-cuda-api"'), z.enum([...SEVERITIES, 'off'])),
  exclude: z.array(z.string().min(1)),
  maxFileSizeKb: z.number().int().positive(),
  'codeLens.enabled': z.boolean(),
  'hover.enabled': z.boolean(),
  'statusBar.enabled': z.boolean(),
  'diagnostics.enabled': z.boolean(),
  'diagnostics.debounceMs': z.number().int().min(0).max(10_000),
  'scan.cache': z.boolean(),
  'scan.ripgrep': z.boolean(),
  priceFile: z.string(),
  'pricing.baseUrl': z.string().url().or(z.literal('')),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: z.infer<(typeof SETTING_SCHEMAS)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  region: '',
  hoursPerMonth: DEFAULT_CONFIG.hoursPerMonth,
  discount: DEFAULT_CONFIG.discount,
  targets: [...DEFAULT_CONFIG.targets],
  neuronTrack: DEFAULT_CONFIG.neuronTrack,
  rules: {},
  exclude: [],
  maxFileSizeKb: DEFAULT_CONFIG.maxFileSizeKb,
  'codeLens.enabled': true,
  'hover.enabled': true,
  'statusBar.enabled': true,
  'diagnostics.enabled': true,
  'diagnostics.debounceMs': 300,
  'scan.cache': true,
  'scan.ripgrep': true,
  priceFile: '',
  'pricing.baseUrl': '',
};

/** The configuration section, e.g. `accelAdvisor.region`. */
export const SECTION = 'accelAdvisor';

/**
 * Reads every setting through `get` (undefined = not set), validates it, and falls back to the
 * default for a bad value with a warning that names the setting (vscode-eslint's `from()` idea).
 */
export function readSettings(get: (key: SettingKey) => unknown): { settings: Settings; warnings: string[] } {
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const warnings: string[] = [];
  for (const key of Object.keys(SETTING_SCHEMAS) as SettingKey[]) {
    const raw = get(key);
    if (raw === undefined || raw === null) continue;
    const r = SETTING_SCHEMAS[key].safeParse(raw);
    if (r.success) settings[key] = r.data;
    else {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
      warnings.push(`Setting "${SECTION}.${key}" has an invalid value${where}: ${issue?.message ?? 'invalid'}; using the default ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
    }
  }
  return { settings: settings as Settings, warnings };
}

export interface ResolveInput {
  settings: Settings;
  /** The validated `.accel-advisor.json` of the workspace folder, if any. */
  file?: ConfigFile;
  /** Folder of that file: relative `priceFile` paths resolve from it. */
  fileDir?: string;
  /** The workspace folder: relative `priceFile` paths in settings resolve from it. */
  folder?: string;
  /** Workspace trust. Untrusted: the file may not point at files or URLs. */
  trusted: boolean;
}

/** Which source each key came from, shown by Show Log so "why this value?" has an answer. */
export type Origin = 'default' | 'settings' | 'file';

function resolvePath(p: string | undefined, base: string | undefined): string | undefined {
  if (!p) return undefined;
  if (p.startsWith('~/')) p = path.join(process.env.HOME ?? '', p.slice(2));
  return base && !path.isAbsolute(p) ? path.resolve(base, p) : p;
}

/** The one place the precedence lives: defaults < settings < `.accel-advisor.json` (keys it sets). */
export function resolveEffectiveConfig(input: ResolveInput): { config: EffectiveConfig; origins: Record<string, Origin>; ignoredFromFile: string[] } {
  const { settings: s, trusted } = input;
  const file: ConfigFile = { ...(input.file ?? {}) };
  const ignoredFromFile: string[] = [];
  if (!trusted) {
    if (file.priceFile !== undefined) ignoredFromFile.push('priceFile');
    if (file.pricingBaseUrl !== undefined) ignoredFromFile.push('pricingBaseUrl');
    delete file.priceFile;
    delete file.pricingBaseUrl;
  }
  const origins: Record<string, Origin> = {};
  const pick = <T>(key: string, fromFile: T | undefined, fromSettings: T | undefined, fallback: T): T => {
    if (fromFile !== undefined) {
      origins[key] = 'file';
      return fromFile;
    }
    if (fromSettings !== undefined) {
      origins[key] = 'settings';
      return fromSettings;
    }
    origins[key] = 'default';
    return fallback;
  };
  const differs = <T>(v: T, d: T) => (JSON.stringify(v) === JSON.stringify(d) ? undefined : v);

  const region = pick('region', file.region, s.region || undefined, DEFAULT_CONFIG.region);
  const config: EffectiveConfig = {
    hoursPerMonth: pick('hoursPerMonth', file.hoursPerMonth, differs(s.hoursPerMonth, DEFAULT_SETTINGS.hoursPerMonth), DEFAULT_CONFIG.hoursPerMonth),
    discount: pick('discount', file.discount, differs(s.discount, DEFAULT_SETTINGS.discount), DEFAULT_CONFIG.discount),
    ignore: [...DEFAULT_CONFIG.ignore, ...s.exclude, ...(file.ignore ?? [])],
    rules: { ...DEFAULT_CONFIG.rules, ...s.rules, ...(file.rules ?? {}) },
    targets: [...pick('targets', file.targets, differs(s.targets, DEFAULT_SETTINGS.targets), DEFAULT_CONFIG.targets)],
    neuronTrack: pick('neuronTrack', file.neuronTrack, differs(s.neuronTrack, DEFAULT_SETTINGS.neuronTrack), DEFAULT_CONFIG.neuronTrack),
    maxFileSizeKb: pick('maxFileSizeKb', file.maxFileSizeKb, differs(s.maxFileSizeKb, DEFAULT_SETTINGS.maxFileSizeKb), DEFAULT_CONFIG.maxFileSizeKb),
  };
  if (region !== undefined) config.region = region;
  const priceFile = pick('priceFile', resolvePath(file.priceFile, input.fileDir), resolvePath(s.priceFile || undefined, input.folder), undefined);
  if (priceFile !== undefined) config.priceFile = priceFile;
  const baseUrl = pick('pricingBaseUrl', file.pricingBaseUrl, s['pricing.baseUrl'] || undefined, undefined);
  if (baseUrl !== undefined) config.pricingBaseUrl = baseUrl;
  origins.rules = input.file?.rules ? 'file' : Object.keys(s.rules).length ? 'settings' : 'default';
  origins.ignore = input.file?.ignore ? 'file' : s.exclude.length ? 'settings' : 'default';
  return { config, origins, ignoredFromFile };
}
