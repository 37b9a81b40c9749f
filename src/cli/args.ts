import { parseArgs } from 'node:util';
import { FORMATS, type ReportFormat } from '../report';
import { SEVERITIES, type Severity } from '../core/types';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FailOn = Severity | 'none';

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: ReportFormat;
  output?: string;
  config?: string;
  region?: string;
  failOn: FailOn;
  color?: boolean;
  quiet: boolean;
  /** Reuse what earlier scans found in unchanged files (`--cache`). */
  cache: boolean;
  cacheLocation?: string;
  /** Let ripgrep pick the files worth reading (`--no-ripgrep`: false). */
  ripgrep: boolean;
}

export interface RefreshArgs {
  command: 'pricing-refresh';
  regions?: string[];
  baseUrl?: string;
  config?: string;
}

export type CliArgs = ScanArgs | RefreshArgs | { command: 'help' } | { command: 'version' };

export const HELP = `accel-advisor — find NVIDIA GPU and x86 lock-in, advise Trainium/Inferentia/Graviton, price it

Usage:
  accel-advisor scan [PATH…] [options]       scan folders or files (default: the current folder)
  accel-advisor pricing refresh [--region R]  refresh prices from AWS's public price list (network)
  accel-advisor --help | --version

Scan options:
  -f, --format FORMAT    text | json | sarif | markdown | html | csv   (default: text)
  -o, --output FILE      write the report to FILE instead of stdout
  -c, --config FILE      configuration file (default: PATH/.accel-advisor.json if present)
  -r, --region REGION    AWS region for prices, e.g. us-west-2 (default: config, code, us-east-1)
      --fail-on LEVEL    error | warning | info | none: exit 1 when a finding is at or above
                         LEVEL (default: error)
      --color/--no-color force colour on or off (default: on for a terminal)
      --cache            reuse what earlier scans found in files whose size and modification
                         time are unchanged (kept in the user cache folder, not the repository)
      --cache-location FILE  where to keep that cache (implies --cache)
      --no-ripgrep       read every file in Node; by default ripgrep (rg on the PATH, or
                         ACCEL_ADVISOR_RIPGREP=PATH; =off turns it off) picks the files that
                         contain any word an analyzer looks for, and only those are read
  -q, --quiet            no progress on stderr

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage,
bad configuration or an internal failure.
`;

const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

function parseRegion(r: string | undefined): string | undefined {
  if (r !== undefined && !REGION_RE.test(r)) throw new UsageError(`--region: "${r}" is not an AWS region code such as us-east-1`);
  return r;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        region: { type: 'string', short: 'r', multiple: true },
        'fail-on': { type: 'string' },
        'base-url': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'no-ripgrep': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (!command) return { command: 'help' };

  if (command === 'pricing') {
    if (rest[0] !== 'refresh' || rest.length > 1) throw new UsageError('usage: accel-advisor pricing refresh [--region R] [--base-url URL]');
    const regions = values.region?.map((r) => parseRegion(r)!);
    return { command: 'pricing-refresh', regions, baseUrl: values['base-url'], config: values.config };
  }
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: scan, pricing refresh, --help)`);
  if (values['base-url'] !== undefined) throw new UsageError('--base-url belongs to "pricing refresh"');

  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: "${values.format}" is not one of ${FORMATS.join(', ')}`);
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (![...SEVERITIES, 'none'].includes(failOn)) throw new UsageError(`--fail-on: "${values['fail-on']}" is not one of error, warning, info, none`);
  if ((values.region?.length ?? 0) > 1) throw new UsageError('--region: give one region for a scan');
  return {
    command: 'scan',
    paths: rest.length ? rest : ['.'],
    format,
    output: values.output,
    config: values.config,
    region: parseRegion(values.region?.[0]),
    failOn,
    color: values['no-color'] ? false : values.color,
    quiet: !!values.quiet,
    cache: !!values.cache || values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
    ripgrep: !values['no-ripgrep'],
  };
}
