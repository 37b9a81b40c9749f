import { INSTANCE_TYPE_RE } from '../../../core/catalog';
import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { reportInstanceSite } from '../../cdk/report-instance';
import { isDocstring, span, stringValue, type ParsedPython } from '../../python/syntax';
import { pySiteOf, simpleBindings, usesOf, type PySite } from '../context';

/** More instance types than this in one list is a data table (a price list, a lookup), not a deployment. */
const TABLE_SIZE = 12;
const LOGGING_RE = /(^|\.)(print|pprint|echo|debug|info|warning|warn|error|exception|critical|log|write|add_argument_group)$/;

function isInstanceLiteral(node: SyntaxNode): boolean {
  const v = stringValue(node);
  return !!v && INSTANCE_TYPE_RE.test(v);
}

function inDataTable(str: SyntaxNode): boolean {
  const p = str.parent;
  if (!p || !['list', 'tuple', 'set'].includes(p.type)) return false;
  return p.namedChildren.filter((c) => c && c.type === 'string' && isInstanceLiteral(c)).length > TABLE_SIZE;
}

/** The best context for a literal: itself, or for `NAME = "…"`, the first use of NAME in a call. */
export function siteForLiteral(parsed: ParsedPython, str: SyntaxNode, bindings: Map<string, SyntaxNode>): { site: PySite; variable?: string } {
  const own = pySiteOf(parsed, str, bindings);
  const p = str.parent;
  if (own.call || p?.type !== 'assignment' || p.childForFieldName('right')?.id !== str.id) return { site: own };
  const left = p.childForFieldName('left');
  if (left?.type !== 'identifier') return { site: own, variable: left?.text };
  for (const use of usesOf(parsed, left.text, left)) {
    const s = pySiteOf(parsed, use, bindings);
    if (s.call) return { site: s, variable: left.text };
  }
  return { site: own, variable: left.text };
}

/**
 * Instance types in Python: SageMaker SDK estimators, `.deploy`, transformers and processors,
 * boto3 SageMaker and EC2 requests, and any other whole string literal that is an instance type
 * (an argparse default, a config constant), with the workload told by the call it flows into.
 */
export const sagemakerInstanceType: RuleModule<ParsedPython> = {
  meta: {
    id: 'sagemaker/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type in Python code (SageMaker estimators, deploy, transformers, boto3 training jobs, endpoint configs, EC2 run_instances), classified as GPU, x86 or already portable.',
    fixable: true,
  },
  check(parsed, ctx) {
    const bindings = simpleBindings(parsed);
    for (const str of parsed.byType('string')) {
      const value = stringValue(str);
      if (!value || !INSTANCE_TYPE_RE.test(value)) continue;
      if (isDocstring(str)) continue;
      const p = str.parent;
      if (p?.type === 'pair' && p.childForFieldName('key')?.id === str.id) continue;
      if (p?.type === 'subscript') continue;
      if (inDataTable(str)) continue;
      const { site, variable } = siteForLiteral(parsed, str, bindings);
      if (site.callee && LOGGING_RE.test(site.callee) && !site.key) continue;
      const s = span(parsed, str);
      // the content, inside the quotes (and any r/b/f prefix)
      const text = str.text;
      const open = text.search(/['"]/);
      const quoteLen = /^[a-zA-Z]*("""|''')/.test(text) ? 3 : 1;
      const start = s.start + open + quoteLen;
      const line = ctx.document.positionAt(start).line + 1;
      const name = site.resourceName ?? variable ?? `L${line}`;
      reportInstanceSite(
        ctx,
        {
          start,
          end: start + value.length,
          text: value,
          workload: site.workload,
          count: site.count,
          resourceKey: `sagemaker:${ctx.document.relPath}:${name}`,
          where: site.where,
        },
        { workloadReason: site.reason, note: site.note },
      );
    }
  },
};
