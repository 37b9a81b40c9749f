import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as z from 'zod';
import { readTextFile } from './read-text';
import { SEVERITIES, TARGETS, type NeuronTrack, type Severity, type Target } from './types';

export const CONFIG_FILE_NAME = '.accel-advisor.json';

const ruleSetting = z.enum([...SEVERITIES, 'off']);

/** The workspace file `.accel-advisor.json`. Unknown keys are errors, not silently ignored. */
export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region code such as "us-east-1"').optional(),
    hoursPerMonth: z.number().positive().max(744).optional(),
    discount: z.number().min(0).lt(1, 'a fraction below 1, e.g. 0.2 for 20%').optional(),
    ignore: z.array(z.string().min(1)).optional(),
    rules: z.record(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a rule id such as "python/torch-cuda-call"'), ruleSetting).optional(),
    targets: z.array(z.enum(TARGETS)).min(1).optional(),
    neuronTrack: z.enum(['native', 'xla']).optional(),
    maxFileSizeKb: z.number().int().positive().optional(),
    priceFile: z.string().min(1).optional(),
    pricingBaseUrl: z.string().url().optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

/** Everything the engine and pricing need, with defaults applied. */
export interface EffectiveConfig {
  region?: string;
  hoursPerMonth: number;
  discount: number;
  ignore: string[];
  rules: Record<string, Severity | 'off'>;
  targets: Target[];
  neuronTrack: NeuronTrack;
  maxFileSizeKb: number;
  priceFile?: string;
  pricingBaseUrl?: string;
}

export const DEFAULT_CONFIG: EffectiveConfig = {
  hoursPerMonth: 730,
  discount: 0,
  ignore: [],
  rules: {},
  targets: ['trainium', 'graviton'],
  neuronTrack: 'native',
  maxFileSizeKb: 2048,
};

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

function describeIssuePath(p: ReadonlyArray<PropertyKey>): string {
  return p.length ? p.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.') : '(root)';
}

/** Validates already-parsed config content; throws ConfigError naming the file and the key. */
export function validateConfig(value: unknown, file: string): ConfigFile {
  const result = configFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      const where = issue.path.length ? ` in ${describeIssuePath(issue.path)}` : '';
      throw new ConfigError(file, `unknown key ${keys.map((k) => `"${k}"`).join(', ')}${where}`);
    }
    throw new ConfigError(file, `key "${describeIssuePath(issue.path)}": ${issue.message}`);
  }
  return result.data;
}

export function parseConfigText(text: string, file: string): ConfigFile {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    throw new ConfigError(file, `invalid JSON at line ${line}: ${printParseErrorCode(e.error)}`);
  }
  return validateConfig(value, file);
}

/** Merges a validated file over the defaults; later sources win. */
export function mergeConfig(base: EffectiveConfig, file: ConfigFile | undefined, fileDir?: string): EffectiveConfig {
  if (!file) return base;
  const resolveFrom = (p: string | undefined) => (p && fileDir && !path.isAbsolute(p) ? path.resolve(fileDir, p) : p);
  return {
    region: file.region ?? base.region,
    hoursPerMonth: file.hoursPerMonth ?? base.hoursPerMonth,
    discount: file.discount ?? base.discount,
    ignore: [...base.ignore, ...(file.ignore ?? [])],
    rules: { ...base.rules, ...(file.rules ?? {}) },
    targets: file.targets ?? base.targets,
    neuronTrack: file.neuronTrack ?? base.neuronTrack,
    maxFileSizeKb: file.maxFileSizeKb ?? base.maxFileSizeKb,
    priceFile: resolveFrom(file.priceFile) ?? base.priceFile,
    pricingBaseUrl: file.pricingBaseUrl ?? base.pricingBaseUrl,
  };
}

/** No configuration file is this long; a larger one (or a device, a pipe) is refused unread. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Loads the config for a scan: an explicit file (must exist) or `.accel-advisor.json` in the root
 * (optional). Throws ConfigError on a bad file.
 */
export async function loadConfig(root: string, explicitFile?: string): Promise<{ config: EffectiveConfig; file?: string }> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readTextFile(file, MAX_CONFIG_BYTES);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicitFile && code === 'ENOENT') return { config: DEFAULT_CONFIG };
    throw new ConfigError(file, code === 'ENOENT' ? 'file not found' : `cannot read: ${(err as Error).message}`);
  }
  const parsed = parseConfigText(text, file);
  return { config: mergeConfig(DEFAULT_CONFIG, parsed, path.dirname(file)), file };
}
