/**
 * The report panel (after webview-sample in vscode-extension-samples): one panel, scripts and
 * styles only from media/, a strict content security policy with a per-load nonce, data posted
 * as JSON and rendered by media/report.js with textContent, messages validated on receipt. The
 * last report is kept in workspace storage so the panel comes back after a reload.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ReportDocument } from '../report/model';
import { Ctx, PRODUCT } from './ctx';
import { OPEN_RULE_DOCS } from './code-actions';
import { parseWebviewMessage, type HostMessage } from './messages';

export const VIEW_TYPE = 'accelAdvisor.report';
const REPORT_FILE = 'last-report.json';

export interface RevealTarget {
  file: string;
  line: number;
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private queued: HostMessage[] = [];

  static async show(ctx: Ctx, reveal?: RevealTarget): Promise<void> {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal(undefined, false);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `${PRODUCT} Report`, vscode.ViewColumn.Active, ReportPanel.options(ctx));
      ReportPanel.current = new ReportPanel(ctx, panel);
    }
    const p = ReportPanel.current;
    await p.sendReport();
    if (reveal) p.post({ type: 'reveal', file: reveal.file, line: reveal.line });
  }

  /** After a reload: the serializer hands back the panel VS Code restored. */
  static async revive(ctx: Ctx, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = ReportPanel.options(ctx);
    ReportPanel.current?.dispose();
    ReportPanel.current = new ReportPanel(ctx, panel);
    await ReportPanel.current.sendReport();
  }

  static isOpen(): boolean {
    return !!ReportPanel.current;
  }

  static options(ctx: Ctx): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'media')] };
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
  ) {
    panel.webview.html = this.html(panel.webview);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      ctx.onDidChangeReport.event(() => void this.sendReport()),
    );
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media', f)).toString();
    const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('report.css')}">
<title>${PRODUCT} Report</title>
</head>
<body>
<main id="app"><p class="muted">Loading the report…</p></main>
<script nonce="${nonce}" src="${media('report.js')}"></script>
</body>
</html>`;
  }

  private post(message: HostMessage): void {
    if (!this.ready) {
      this.queued.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async sendReport(): Promise<void> {
    const report = this.ctx.report ?? (await loadSavedReport(this.ctx));
    if (report && !this.ctx.report) this.ctx.report = report;
    const h = await this.ctx.engine();
    this.queued = this.queued.filter((m) => m.type !== 'report');
    this.post({ type: 'report', model: report ? h.buildViewModel(report) : null });
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.ctx.log.warn(`report panel: ignored an invalid message (${parsed.error})`);
      return;
    }
    const m = parsed.message;
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const q = this.queued;
        this.queued = [];
        for (const x of q) void this.panel.webview.postMessage(x);
        return;
      }
      case 'open': {
        // Only files the report holds; the panel is not a way to open anything else.
        if (!this.ctx.report?.findings.some((f) => f.file === m.file)) {
          this.ctx.log.warn(`report panel: ${m.file} is not in the report`);
          return;
        }
        const uri = this.ctx.uriForReportPath(m.file);
        if (!uri) return;
        const start = new vscode.Position(m.line - 1, m.column - 1);
        const end = new vscode.Position((m.endLine ?? m.line) - 1, (m.endColumn ?? m.column) - 1);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, end), viewColumn: vscode.ViewColumn.One, preview: true });
        return;
      }
      case 'openDocs':
        await vscode.commands.executeCommand(OPEN_RULE_DOCS, m.ruleId);
        return;
      case 'rescan':
        await vscode.commands.executeCommand('accelAdvisor.scanWorkspace');
        return;
      case 'export':
        await vscode.commands.executeCommand('accelAdvisor.exportReport');
        return;
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function reportFile(ctx: Ctx): vscode.Uri | undefined {
  const dir = ctx.extension.storageUri;
  return dir ? vscode.Uri.joinPath(dir, REPORT_FILE) : undefined;
}

/** Keeps the last report for the panel to show after a reload. */
export async function saveReport(ctx: Ctx, report: ReportDocument): Promise<void> {
  const file = reportFile(ctx);
  if (!file) return;
  const h = await ctx.engine();
  try {
    await h.writeFileAtomic(file.fsPath, JSON.stringify(report));
  } catch (err) {
    ctx.log.warn(`could not keep the report for later: ${(err as Error).message}`);
  }
}

async function loadSavedReport(ctx: Ctx): Promise<ReportDocument | undefined> {
  const file = reportFile(ctx);
  if (!file) return undefined;
  try {
    const data = JSON.parse(await fs.readFile(file.fsPath, 'utf8')) as ReportDocument;
    return data && data.schemaVersion === 1 && Array.isArray(data.findings) && data.summary ? data : undefined;
  } catch {
    return undefined;
  }
}

export { loadSavedReport };
