// Runs INSIDE the extension host of code-server (through the e2e runner extension), on the
// benchmark corpus opened as the workspace: times the command a user runs, Scan Workspace, as it
// returns its report (findings in the Problems panel, the report saved). Compiled to CommonJS by
// ../editor.ts; writes its figures to ACCEL_BENCH_EDITOR_OUT.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';

interface Report {
  findings: unknown[];
  summary: { filesScanned: number };
}

const RUNS = Number(process.env.ACCEL_BENCH_EDITOR_RUNS ?? 3);
/**
 * A pause before each scan: the workbench lays out the previous scan's 24,000 problems for a few
 * seconds after the command returns, and a scan started at once would be timed against that.
 */
const SETTLE_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scanOnce(): Promise<{ ms: number; findings: number; files: number }> {
  await sleep(SETTLE_MS);
  const t = Date.now();
  const report = await vscode.commands.executeCommand<Report | undefined>('accelAdvisor.scanWorkspace');
  const ms = Date.now() - t;
  assert.ok(report, 'the scan returned a report');
  return { ms, findings: report.findings.length, files: report.summary.filesScanned };
}

describe('editor benchmark: Scan Workspace on the corpus', function () {
  this.timeout(30 * 60_000);

  it('times full scans (scan cache off), then repeat scans with the cache', async () => {
    const ext = vscode.extensions.all.find((e) => e.id.endsWith('.accel-advisor'));
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    const config = vscode.workspace.getConfiguration('accelAdvisor');
    await config.update('scan.cache', false, vscode.ConfigurationTarget.Global);
    const full: { ms: number; findings: number; files: number }[] = [];
    for (let i = 0; i < RUNS; i++) full.push(await scanOnce());
    await config.update('scan.cache', true, vscode.ConfigurationTarget.Global);
    const fill = await scanOnce();
    const cached: { ms: number; findings: number; files: number }[] = [];
    for (let i = 0; i < RUNS; i++) cached.push(await scanOnce());
    const diagnostics = vscode.languages.getDiagnostics().reduce((n, [, d]) => n + d.length, 0);
    const out = process.env.ACCEL_BENCH_EDITOR_OUT;
    assert.ok(out, 'ACCEL_BENCH_EDITOR_OUT is set');
    fs.writeFileSync(out, `${JSON.stringify({ vscodeVersion: vscode.version, node: process.version, full, fill, cached, diagnostics }, null, 2)}\n`);
  });
});
