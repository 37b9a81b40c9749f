import type { Finding } from './types';

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The contract's order: file, line, column, ruleId (then end and instance type, for total order). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.line, b.line) ||
    cmp(a.column, b.column) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.endLine, b.endLine) ||
    cmp(a.endColumn, b.endColumn) ||
    cmp(a.instanceType ?? '', b.instanceType ?? '') ||
    cmp(a.message, b.message)
  );
}
