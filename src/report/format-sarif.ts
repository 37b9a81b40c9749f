import { createHash } from 'node:crypto';
import type { ReportDocument, ReportFinding } from './model';

/** What a rule is, for SARIF's rules[] (ids, descriptions, help links). */
export interface RuleDescriptor {
  id: string;
  description: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Stable across runs and unrelated edits: rule, file, the finding's own text, and its ordinal among equals. */
function fingerprint(f: ReportFinding, ordinal: number): string {
  return createHash('sha256').update(`${f.ruleId}\0${f.file}\0${f.message}\0${f.instanceType ?? ''}\0${ordinal}`).digest('hex').slice(0, 32);
}

function encodeUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 for GitHub code scanning: relative URIs under %SRCROOT%, rules with help, fingerprints. */
export function formatSarif(report: ReportDocument, rules: readonly RuleDescriptor[]): string {
  const used = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const index = new Map(used.map((id, i) => [id, i]));
  const seen = new Map<string, number>();
  const docsOf = new Map(report.findings.map((f) => [f.ruleId, f.docsUrl]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: 'https://github.com/accel-advisor/accel-advisor',
            rules: used.map((id) => {
              const r = ruleById.get(id);
              const description = r?.description ?? id;
              return {
                id,
                name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
                shortDescription: { text: description },
                fullDescription: { text: description },
                helpUri: docsOf.get(id),
                help: { text: `${description} See ${docsOf.get(id)}` },
                defaultConfiguration: { level: LEVEL[r?.severity ?? 'warning'] },
                properties: { category: r?.category ?? 'unknown', tags: [r?.category ?? 'unknown'] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodeUri(report.root.replace(/\\/g, '/'))}/` } },
        results: report.findings.map((f) => {
          const key = `${f.ruleId}\0${f.file}\0${f.message}`;
          const ordinal = seen.get(key) ?? 0;
          seen.set(key, ordinal + 1);
          return {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: LEVEL[f.severity],
            message: { text: `${f.message} ${f.advice}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeUri(f.file), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            partialFingerprints: { 'accelAdvisor/v1': fingerprint(f, ordinal) },
            properties: {
              category: f.category,
              effort: f.effort,
              ...(f.instanceType ? { instanceType: f.instanceType } : {}),
              ...(f.suggestedInstanceType ? { suggestedInstanceType: f.suggestedInstanceType } : {}),
            },
          };
        }),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'warning',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(e.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
