/** Monthly cost and the counterpart's above each resource that holds an instance type. */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import type { LiveDiagnostics } from './diagnostics';
import { lensesFor } from './lens-content';

export const OPEN_REPORT = 'accelAdvisor.openReport';

export class CostLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly ctx: Ctx,
    live: LiveDiagnostics,
  ) {
    this.onDidChangeCodeLenses = live.lensEmitter.event;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.ctx.settingsFor(document.uri)['codeLens.enabled']) return [];
    const live = this.ctx.liveResults.get(document.uri.toString());
    if (!live || live.version !== document.version) return [];
    const file = this.ctx.reportPathFor(document.uri) ?? live.relPath;
    return lensesFor(live.findings).map((l) => {
      const range = new vscode.Range(l.line, 0, l.line, 0);
      return new vscode.CodeLens(range, {
        title: l.title,
        tooltip: 'Monthly cost now and with the suggested counterpart (on-demand list prices). Click to open the report at this resource.',
        command: OPEN_REPORT,
        arguments: [{ file, line: l.reportLine }],
      });
    });
  }
}
