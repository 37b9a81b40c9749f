import { formatCsv } from './format-csv';
import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatSarif, type RuleDescriptor } from './format-sarif';
import { formatText } from './format-text';
import type { ReportDocument } from './model';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'csv'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function formatReport(report: ReportDocument, format: ReportFormat, opts: { color?: boolean; rules?: readonly RuleDescriptor[] } = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, opts.rules ?? []);
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      return formatHtml(report);
    case 'csv':
      return formatCsv(report);
    case 'text':
      return formatText(report, { color: !!opts.color });
  }
}

export type { RuleDescriptor } from './format-sarif';
export { buildReport, type ReportDocument, type ReportFinding } from './model';
