/** Status bar: the lock-in score and the potential monthly savings; a click opens the report. */
import * as vscode from 'vscode';
import type { ReportDocument } from '../report/model';
import type { Ctx } from './ctx';
import { statusText } from './status-text';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.item = vscode.window.createStatusBarItem('accelAdvisor.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Accel Advisor';
    this.disposables.push(
      this.item,
      ctx.onDidChangeReport.event((r) => this.update(r)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('accelAdvisor.statusBar')) this.update(ctx.report);
      }),
    );
    this.update(ctx.report);
  }

  update(report: ReportDocument | undefined): void {
    if (!this.ctx.settingsFor()['statusBar.enabled']) {
      this.item.hide();
      return;
    }
    const s = statusText(report);
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.command = report ? 'accelAdvisor.openReport' : 'accelAdvisor.scanWorkspace';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
