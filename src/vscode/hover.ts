/** Hover card on any instance type, in any file: specs, prices, counterpart, savings, source. */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';

export class InstanceHover implements vscode.HoverProvider {
  constructor(private readonly ctx: Ctx) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!this.ctx.settingsFor(document.uri)['hover.enabled']) return undefined;
    const h = await this.ctx.engine();
    const line = document.lineAt(position.line).text;
    if (line.length > 10_000) return undefined;
    const tokenAt = h.instanceTypeAt(line, position.character);
    if (!tokenAt || token.isCancellationRequested) return undefined;
    const { config } = await this.ctx.configFor(folder);
    const pricing = await this.ctx.pricingFor(config);
    // Prefer the counterpart the analyzer chose with context (training vs inference).
    const live = this.ctx.liveResults.get(document.uri.toString());
    const offset = document.offsetAt(new vscode.Position(position.line, tokenAt.start));
    const finding = live?.version === document.version ? live.findings.find((f) => f.instanceType === tokenAt.text && f.startOffset <= offset && offset < f.endOffset + 1) : undefined;
    const region = finding?.cost?.region ?? pricing.region;
    const md = h.instanceHoverMarkdown({
      instanceType: tokenAt.text,
      suggested: finding?.suggestedInstanceType,
      workload: finding?.workload,
      pricing: { ...pricing, region },
    });
    if (!md) return undefined;
    const content = new vscode.MarkdownString(md);
    content.isTrusted = false;
    content.supportHtml = false;
    return new vscode.Hover(content, new vscode.Range(position.line, tokenAt.start, position.line, tokenAt.end));
  }
}
