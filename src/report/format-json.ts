import type { ReportDocument } from './model';

/** The contract's JSON document. Key order is fixed by construction, so output is byte-stable. */
export function formatJson(report: ReportDocument): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
