import { INSTANCE_TYPE_RE } from '../../../core/catalog';
import type { RuleContext, RuleModule } from '../../../core/rule';
import { appRegionOf } from '../app';
import { cdkResourceKey, cdkSiteOf, fileRegion, type CdkSite } from '../facts';
import { instanceTypeConstant, instanceTypeOf } from '../instance-enums';
import { reportInstanceSite } from '../report-instance';
import { contentRange, lastMemberName, lastSegment, memberName, nodesOfType, type Node, type ParsedCdk } from '../syntax';

function where(site: CdkSite): string | undefined {
  if (!site.constructName) return undefined;
  return `${site.constructName}${site.constructId !== undefined ? ` '${site.constructId}'` : ''}`;
}

/** The first use of a `const NAME = '…'` binding, so the literal gets the context it flows into. */
function firstUse(parsed: ParsedCdk, declarator: Node): Node | undefined {
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
  const name = declarator.id.name;
  for (const n of nodesOfType(parsed, 'Identifier')) {
    if (n.name !== name || n === declarator.id) continue;
    const p = parsed.parent(n);
    if (p?.type === 'Property' && p.key === n && !p.shorthand) continue;
    if (p?.type === 'MemberExpression' && p.property === n && !p.computed) continue;
    return n;
  }
  return undefined;
}

function report(ctx: RuleContext, parsed: ParsedCdk, region: string | undefined, node: Node, type: string, range: { start: number; end: number }, rewrite?: (s: string) => string): void {
  const parent = parsed.parent(node);
  const context = parent?.type === 'VariableDeclarator' && parent.init === node ? firstUse(parsed, parent) ?? node : node;
  const site = cdkSiteOf(parsed, context);
  if (site.nonEc2) return;
  const line = ctx.document.positionAt(range.start).line + 1;
  reportInstanceSite(
    ctx,
    {
      start: range.start,
      end: range.end,
      text: type,
      workload: site.workload,
      count: site.count,
      // Stated in this file (a stack created here), else by the app's entry (bin/app.ts): app.ts.
      region: region ?? (() => appRegionOf(parsed, node)),
      resourceKey: cdkResourceKey(ctx.document.relPath, site, line),
      where: where(site),
    },
    {
      workloadReason: site.workloadReason,
      fix: rewrite ? (s) => ({ title: `Use ${s}`, edits: [{ start: range.start, end: range.end, newText: rewrite(s) }] }) : undefined,
    },
  );
}

/** Instance types in CDK TypeScript/JavaScript: literals, `InstanceType.of(…)`, `InstanceType.X_SIZE`. */
export const cdkInstanceType: RuleModule<ParsedCdk> = {
  meta: {
    id: 'cdk/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An EC2 or SageMaker instance type in a CDK app (string literal, InstanceType.of or an InstanceType constant), classified as GPU, x86 or already portable.',
    fixable: true,
  },
  check(parsed, ctx) {
    const region = fileRegion(parsed);
    for (const n of nodesOfType(parsed, 'CallExpression', 'MemberExpression')) {
      if (n.type === 'CallExpression') {
        if (lastMemberName(n.callee) !== 'of') continue;
        const callee = memberName(n.callee);
        if (!callee || !/(^|\.)InstanceType\.of$/.test(callee) || n.arguments.length < 2) continue;
        const cls = memberName(n.arguments[0] as Node);
        const size = memberName(n.arguments[1] as Node);
        if (!cls || !size || !/(^|\.)InstanceClass\.\w+$/.test(cls) || !/(^|\.)InstanceSize\.\w+$/.test(size)) continue;
        const type = instanceTypeOf(lastSegment(cls)!, lastSegment(size)!);
        if (!type) continue;
        const typeClass = callee.slice(0, -'.of'.length);
        report(ctx, parsed, region, n, type, { start: n.range[0], end: n.range[1] }, (s) => `new ${typeClass}('${s}')`);
      } else if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
        if (lastMemberName(n.object) !== 'InstanceType') continue;
        const obj = memberName(n.object);
        const p = parsed.parent(n);
        if (p?.type === 'CallExpression' && p.callee === n) continue;
        const type = instanceTypeConstant(n.property.name);
        if (!type) continue;
        report(ctx, parsed, region, n, type, { start: n.range[0], end: n.range[1] }, (s) => `new ${obj}('${s}')`);
      }
    }
    for (const { node, value } of parsed.strings) {
      if (!INSTANCE_TYPE_RE.test(value)) continue;
      const p = parsed.parent(node);
      if (p?.type === 'Property' && p.key === node) continue;
      if (p && /^(Import|Export)\w*Declaration$|^TSLiteralType$/.test(p.type)) continue;
      report(ctx, parsed, region, node, value, contentRange(node));
    }
  },
};
