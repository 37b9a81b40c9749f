import { INSTANCE_TYPE_RE } from '../../../core/catalog';
import type { RuleContext, RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { instanceTypeOf } from '../../cdk/instance-enums';
import { reportInstanceSite } from '../../cdk/report-instance';
import { callArguments, dottedName, isDocstring, span, stringValue, type ParsedPython } from '../../python/syntax';
import { simpleBindings, usesOf } from '../../sagemaker/context';
import { pyAppRegionOf } from '../app';
import { cdkPySiteOf, pyFileRegion } from '../facts';

function lastOf(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

function report(ctx: RuleContext, parsed: ParsedPython, contextNode: SyntaxNode, bindings: Map<string, SyntaxNode>, region: string | undefined, type: string, start: number, end: number, rewrite?: (s: string) => string): void {
  const site = cdkPySiteOf(parsed, contextNode, bindings);
  if (site.nonEc2) return;
  const line = ctx.document.positionAt(start).line + 1;
  const key = site.constructId !== undefined ? `${site.constructId}${site.variant ? `/${site.variant}` : ''}` : `L${line}`;
  reportInstanceSite(
    ctx,
    {
      start,
      end,
      text: type,
      workload: site.workload,
      count: site.count,
      // Stated in this file, else by the app's entry (app.py) for the enclosing stack class.
      region: region ?? (() => pyAppRegionOf(parsed, contextNode)),
      resourceKey: `cdk:${ctx.document.relPath}:${key}`,
      where: site.constructName ? `${site.constructName}${site.constructId !== undefined ? ` "${site.constructId}"` : ''}` : undefined,
    },
    {
      workloadReason: site.workloadReason,
      fix: rewrite ? (s) => ({ title: `Use ${s}`, edits: [{ start, end, newText: rewrite(s) }] }) : undefined,
    },
  );
}

/** Instance types in CDK for Python: literals (`ec2.InstanceType("…")`, `instance_type="…"`) and `InstanceType.of(…)`. */
export const cdkPyInstanceType: RuleModule<ParsedPython> = {
  meta: {
    id: 'cdk-python/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An EC2 or SageMaker instance type in a CDK for Python app (string literal or InstanceType.of), classified as GPU, x86 or already portable.',
    fixable: true,
  },
  check(parsed, ctx) {
    const bindings = simpleBindings(parsed);
    const region = pyFileRegion(parsed);
    for (const call of parsed.byType('call')) {
      const fn = dottedName(call.childForFieldName('function'));
      if (!fn || !/(^|\.)InstanceType\.of$/.test(fn)) continue;
      const { positional } = callArguments(call);
      const cls = dottedName(positional[0]);
      const size = dottedName(positional[1]);
      if (!cls || !size || !/(^|\.)InstanceClass\.\w+$/.test(cls) || !/(^|\.)InstanceSize\.\w+$/.test(size)) continue;
      const type = instanceTypeOf(lastOf(cls)!, lastOf(size)!);
      if (!type) continue;
      const s = span(parsed, call);
      const typeClass = fn.slice(0, -'.of'.length);
      report(ctx, parsed, call, bindings, region, type, s.start, s.end, (t) => `${typeClass}("${t}")`);
    }
    for (const str of parsed.byType('string')) {
      const value = stringValue(str);
      if (!value || !INSTANCE_TYPE_RE.test(value) || isDocstring(str)) continue;
      const p = str.parent;
      if (p?.type === 'pair' && p.childForFieldName('key')?.id === str.id) continue;
      let contextNode: SyntaxNode = str;
      if (p?.type === 'assignment' && p.childForFieldName('right')?.id === str.id && p.childForFieldName('left')?.type === 'identifier') {
        const left = p.childForFieldName('left')!;
        contextNode = usesOf(parsed, left.text, left)[0] ?? str;
      }
      const s = span(parsed, str);
      const start = s.start + str.text.search(/['"]/) + (/^[a-zA-Z]*("""|''')/.test(str.text) ? 3 : 1);
      report(ctx, parsed, contextNode, bindings, region, value, start, start + value.length);
    }
  },
};
