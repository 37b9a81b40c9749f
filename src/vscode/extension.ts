/**
 * Accel Advisor for VS Code. Activation only registers providers and commands; the engine,
 * parsers, catalog and pricing load on first use (ctx.engine()), after activate() has returned.
 */
import './zod-setup';
import * as vscode from 'vscode';
import { CodeActions } from './code-actions';
import { CostLenses } from './code-lens';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { LiveDiagnostics } from './diagnostics';
import { InstanceHover } from './hover';
import { loadSavedReport, ReportPanel, VIEW_TYPE } from './report-panel';
import { StatusBar } from './status-bar';

/** Documents the providers serve: files on disk, unsaved ones and notebook cells, in any language. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell' }];

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  ctx = new Ctx(context);
  const live = new LiveDiagnostics(ctx);
  context.subscriptions.push(
    ctx,
    live,
    new StatusBar(ctx),
    vscode.languages.registerHoverProvider(SELECTOR, new InstanceHover(ctx)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActions(ctx), { providedCodeActionKinds: CodeActions.kinds }),
    vscode.languages.registerCodeLensProvider(SELECTOR, new CostLenses(ctx, live)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel) => ReportPanel.revive(ctx!, panel),
    }),
    ...registerCommands(ctx),
  );
  ctx.log.info(`activated in ${Date.now() - started} ms`);
  // Documents already open: analysed once the engine has loaded, off the activation path.
  setTimeout(() => {
    live.refreshAll();
    // The status bar shows the last scan's score until the next scan.
    void loadSavedReport(ctx!).then((r) => {
      if (r && ctx && !ctx.report) {
        ctx.report = r;
        ctx.onDidChangeReport.fire(r);
      }
    });
  }, 0);
}

export function deactivate(): void {
  ctx = undefined;
}
