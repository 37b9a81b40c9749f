/** The palette commands (category "Accel Advisor") and the internal ones behind lenses and fixes. */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ReportDocument } from '../report/model';
import type { ReportFormat } from '../report/index';
import { Ctx, PRODUCT } from './ctx';
import { OPEN_RULE_DOCS } from './code-actions';
import { ReportPanel, loadSavedReport, saveReport, type RevealTarget } from './report-panel';
import { scanWorkspace } from './scan';

const EXPORT_FORMATS: { label: string; format: ReportFormat; ext: string; description: string }[] = [
  { label: 'Markdown', format: 'markdown', ext: 'md', description: 'for a pull request or wiki' },
  { label: 'HTML', format: 'html', ext: 'html', description: 'a self-contained page' },
  { label: 'JSON', format: 'json', ext: 'json', description: 'the findings contract, schemaVersion 1' },
  { label: 'SARIF', format: 'sarif', ext: 'sarif', description: 'for GitHub code scanning' },
  { label: 'CSV', format: 'csv', ext: 'csv', description: 'for a spreadsheet' },
];

async function runScan(ctx: Ctx): Promise<ReportDocument | undefined> {
  const report = await scanWorkspace(ctx);
  if (report) {
    void saveReport(ctx, report);
    const n = report.findings.length;
    void vscode.window
      .showInformationMessage(`${PRODUCT}: ${n} finding${n === 1 ? '' : 's'} in ${report.summary.filesScanned} files, lock-in score ${report.summary.lockInScore}.`, 'Open Report')
      .then((c) => {
        if (c) void ReportPanel.show(ctx);
      });
  }
  return report;
}

/** The current report, the saved one, or a fresh scan. */
async function currentReport(ctx: Ctx): Promise<ReportDocument | undefined> {
  ctx.report ??= await loadSavedReport(ctx);
  return ctx.report ?? (await scanWorkspace(ctx).then((r) => (r && void saveReport(ctx, r), r)));
}

export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('accelAdvisor.scanWorkspace', () => runScan(ctx)),

    reg('accelAdvisor.openReport', async (target?: RevealTarget) => {
      const report = await currentReport(ctx);
      if (!report) return;
      const reveal = target && typeof target.file === 'string' && typeof target.line === 'number' ? target : undefined;
      await ReportPanel.show(ctx, reveal);
    }),

    // Optional argument `{ format, file }` (a ReportFormat and an absolute path), for scripts and the
    // e2e tests: skips the format pick, the save dialog and the closing notification; returns the path.
    reg('accelAdvisor.exportReport', async (args?: { format?: unknown; file?: unknown }) => {
      const report = await currentReport(ctx);
      if (!report) return;
      const given = args && typeof args.file === 'string' ? EXPORT_FORMATS.find((f) => f.format === args.format) : undefined;
      if (args && typeof args.file === 'string' && !given) throw new Error(`${PRODUCT}: unknown export format ${String(args.format)}`);
      const pick = given ?? (await vscode.window.showQuickPick(EXPORT_FORMATS, { title: `${PRODUCT}: export the report as` }));
      if (!pick) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = given ? vscode.Uri.file(args!.file as string) : await vscode.window.showSaveDialog({
        title: `${PRODUCT}: export the report (${pick.label})`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, `accel-advisor-report.${pick.ext}`) : undefined,
        filters: { [pick.label]: [pick.ext] },
      });
      if (!target) return;
      const h = await ctx.engine();
      const text = h.formatReport(report, pick.format, { rules: h.ruleDescriptors() });
      try {
        if (target.scheme === 'file') await h.writeFileAtomic(target.fsPath, text);
        else await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      } catch (err) {
        void vscode.window.showErrorMessage(`${PRODUCT}: could not write ${target.fsPath}: ${(err as Error).message}`);
        return;
      }
      ctx.log.info(`exported ${pick.format} report to ${target.fsPath}`);
      if (given) return target.fsPath;
      const choice = await vscode.window.showInformationMessage(`${PRODUCT}: report written to ${path.basename(target.fsPath)}.`, 'Open');
      if (choice) await vscode.commands.executeCommand('vscode.open', target);
    }),

    reg('accelAdvisor.refreshPricing', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const { config } = await ctx.configFor(folder);
      const h = await ctx.engine();
      const cacheDir = ctx.cacheDir(h);
      const regions = [config.region ?? 'us-east-1'];
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `${PRODUCT}: refreshing prices from the AWS Price List`, cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          const sub = token.onCancellationRequested(() => controller.abort());
          try {
            const result = await h.refreshPrices({
              cacheDir,
              regions,
              signal: controller.signal,
              ...(config.pricingBaseUrl ? { baseUrl: config.pricingBaseUrl } : {}),
              onProgress: (message) => {
                ctx.log.info(`pricing refresh: ${message}`);
                progress.report({ message });
              },
            });
            return { ok: true as const, result };
          } catch (err) {
            return { ok: false as const, cancelled: controller.signal.aborted, message: (err as Error).message };
          } finally {
            sub.dispose();
          }
        },
      );
      if (!outcome.ok) {
        ctx.log.error(`pricing refresh: ${outcome.message}`);
        if (outcome.cancelled) void vscode.window.showInformationMessage(`${PRODUCT}: price refresh cancelled; the previous prices are kept.`);
        else void vscode.window.showErrorMessage(`${PRODUCT}: ${outcome.message}`, 'Show Log').then((c) => c && ctx.log.show());
        return;
      }
      ctx.selectSnapshot(h);
      const r = outcome.result;
      void vscode.window.showInformationMessage(`${PRODUCT}: ${r.priceCount} prices for ${r.regions.join(', ')} as of ${r.snapshot.asOf} saved to ${r.file}.`);
      ctx.onDidChangeLive.fire();
    }),

    reg('accelAdvisor.showLog', () => ctx.log.show()),

    reg(OPEN_RULE_DOCS, async (ruleId: unknown) => {
      if (typeof ruleId !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId)) return;
      const local = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules', ...ruleId.split('/')).with({});
      const file = vscode.Uri.file(local.fsPath + '.md');
      if (existsSync(file.fsPath)) {
        await vscode.commands.executeCommand('markdown.showPreview', file);
        return;
      }
      const h = await import('../core/rule');
      await vscode.env.openExternal(vscode.Uri.parse(h.docsUrlFor(ruleId)));
    }),
  ];
}
