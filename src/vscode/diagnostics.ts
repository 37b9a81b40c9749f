/**
 * Diagnostics for open documents, unsaved changes included: debounced per document, the previous
 * analysis cancelled on every change, and results published only when the document is still at the
 * version they were computed for. Jupyter notebooks are analysed as one synthetic Python document
 * made of their code cells (notebook-map.ts) and the findings are mapped back to the cells.
 */
import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/types';
import { Ctx, PRODUCT } from './ctx';
import { analysisPath } from './document-path';
import { DocumentErrors } from './error-log';
import { cdkAppMates, mayHaveCdkAppMates, moduleMates } from './module-mates';
import { findingRange, fixKey, type StoredFinding } from './fix-store';
import { buildNotebookSource, mapRange } from './notebook-map';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'advice' | 'docsUrl'>, range: vscode.Range): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, f.advice ? `${f.message}\n${f.advice}` : f.message, SEVERITY[f.severity]);
  d.source = PRODUCT;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(f.docsUrl) };
  return d;
}

function rangeOf(f: Finding): vscode.Range {
  const r = findingRange(f);
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function stored(f: Finding, fixes: Fix[] | undefined): StoredFinding {
  const s: StoredFinding = { ruleId: f.ruleId, docsUrl: f.docsUrl, fixes: fixes ?? [] };
  if (f.instanceType) s.instanceType = f.instanceType;
  if (f.suggestedInstanceType) s.suggestedInstanceType = f.suggestedInstanceType;
  return s;
}

const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-userdata']);

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  controller?: AbortController;
}

export class LiveDiagnostics implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly errors = new DocumentErrors();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      w.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      w.onDidSaveTextDocument((d) => {
        this.schedule(d, 0);
        this.refreshModuleMates([d.uri]);
      }),
      w.onDidCreateFiles((e) => this.refreshModuleMates(e.files)),
      w.onDidDeleteFiles((e) => this.refreshModuleMates(e.files)),
      w.onDidRenameFiles((e) => this.refreshModuleMates(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      w.onDidCloseTextDocument((d) => this.forget(d.uri)),
      w.onDidOpenNotebookDocument((nb) => this.scheduleNotebook(nb, 0)),
      w.onDidChangeNotebookDocument((e) => this.scheduleNotebook(e.notebook)),
      w.onDidCloseNotebookDocument((nb) => {
        this.cancel(nb.uri.toString());
        for (const c of nb.getCells()) this.forget(c.document.uri);
      }),
      ctx.onDidChangeLive.event(() => this.refreshAll()),
    );
  }

  /** Analyses everything open now (activation, settings or config file changed). */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
    for (const nb of vscode.workspace.notebookDocuments) this.scheduleNotebook(nb, 0);
  }

  /**
   * Analyses again the open files whose findings read a changed file (module-mates.ts): the
   * Terraform files of its folder, and a CDK app's files when its cdk.json or entry changed (the
   * app is looked up, on disk, only when another script is open).
   */
  private refreshModuleMates(changed: readonly vscode.Uri[]): void {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => ({ fsPath: d.uri.fsPath, doc: d }));
    const due = new Set<vscode.TextDocument>();
    const cdk: string[] = [];
    for (const uri of changed) {
      if (uri.scheme !== 'file') continue;
      for (const m of moduleMates(uri.fsPath, open)) due.add(m.doc);
      if (mayHaveCdkAppMates(uri.fsPath, open)) cdk.push(uri.fsPath);
    }
    for (const d of due) this.schedule(d, 0);
    if (!cdk.length) return;
    void this.ctx.engine().then((h) => {
      for (const file of cdk) {
        const app = h.cdkAppOf(file);
        if (app) for (const m of cdkAppMates(file, app, open)) this.schedule(m.doc, 0);
      }
    });
  }

  private debounceMs(uri: vscode.Uri): number {
    return this.ctx.settingsFor(uri)['diagnostics.debounceMs'];
  }

  private cancel(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    p.controller?.abort();
    this.pending.delete(key);
  }

  private start(key: string, delay: number, run: (signal: AbortSignal) => Promise<void>): void {
    this.cancel(key);
    const entry: Pending = {};
    this.pending.set(key, entry);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const controller = new AbortController();
      entry.controller = controller;
      run(controller.signal)
        .catch((err: Error) => {
          if (err?.name !== 'CancelledError' && !controller.signal.aborted) this.ctx.log.error(`analysis failed: ${err?.stack ?? err}`);
        })
        .finally(() => {
          if (this.pending.get(key) === entry) this.pending.delete(key);
        });
    }, delay);
  }

  schedule(doc: vscode.TextDocument, delay?: number): void {
    if (doc.uri.scheme === 'vscode-notebook-cell') {
      const nb = vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === doc));
      if (nb) this.scheduleNotebook(nb, delay);
      return;
    }
    if (!ANALYSED_SCHEMES.has(doc.uri.scheme)) return;
    this.start(doc.uri.toString(), delay ?? this.debounceMs(doc.uri), (signal) => this.analyse(doc, signal));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(key);
    this.ctx.releaseDocument(key);
    this.ctx.live.delete(uri);
    this.ctx.fixes.delete(key);
    this.ctx.liveResults.delete(key);
    this.errors.forget(key);
    // Workspace-scan results for the file come back into view.
    const fromScan = this.ctx.scanStore.get(key);
    if (fromScan) this.ctx.scan.set(uri, fromScan);
    this.lensChanged();
  }

  private lensChanged(): void {
    this.lensEmitter.fire();
  }
  readonly lensEmitter = new vscode.EventEmitter<void>();

  private async analyse(doc: vscode.TextDocument, signal: AbortSignal): Promise<void> {
    const version = doc.version;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const { config, settings } = await this.ctx.configFor(folder);
    const h = await this.ctx.engine();
    const relPath = analysisPath({
      fsPath: doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined,
      folderPath: folder?.uri.fsPath,
      languageId: doc.languageId,
      matches: (rel) => h.allAnalyzers.some((a) => a.matches(rel)),
    });
    const tooLarge = doc.getText().length > config.maxFileSizeKb * 1024;
    const excluded = relPath !== undefined && config.ignore.length > 0 && h.picomatch(config.ignore, { dot: true })(relPath);
    if (!settings['diagnostics.enabled'] || !relPath || tooLarge || excluded) {
      if (this.ctx.live.has(doc.uri)) this.forget(doc.uri);
      return;
    }
    const result = await this.ctx.analyzeText(
      h,
      { relPath, text: doc.getText(), absPath: doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined, cacheKey: doc.uri.toString(), config },
      signal,
    );
    if (signal.aborted || doc.isClosed || doc.version !== version) return; // a newer version is on its way
    h.priceFindings(result.findings, config, undefined, await this.ctx.pricingFor(config));
    if (signal.aborted || doc.version !== version) return;
    for (const line of this.errors.toLog(doc.uri.toString(), result.errors)) this.ctx.log.warn(line);
    this.publish(doc.uri, version, relPath, result.findings, !doc.isDirty);
  }

  private publish(uri: vscode.Uri, version: number, relPath: string, findings: Finding[], saved: boolean): void {
    const key = uri.toString();
    const diagnostics = findings.map((f) => toDiagnostic(f, rangeOf(f)));
    this.ctx.fixes.record(
      key,
      version,
      findings.map((f) => ({ key: fixKey(f.ruleId, findingRange(f)), finding: stored(f, f.fixes) })),
    );
    this.ctx.liveResults.set(key, { version, findings, relPath });
    this.ctx.live.set(uri, diagnostics);
    // The scan's (older) view of this file is hidden while the live one is shown; once saved,
    // the live results are what a scan would find, so they replace the scan's.
    if (this.ctx.scanStore.size > 0 || this.ctx.report) {
      this.ctx.scan.delete(uri);
      if (saved && this.ctx.reportPathFor(uri) !== undefined) {
        if (diagnostics.length) this.ctx.scanStore.set(key, diagnostics);
        else this.ctx.scanStore.delete(key);
      }
    }
    this.lensChanged();
  }

  scheduleNotebook(nb: vscode.NotebookDocument, delay?: number): void {
    if (nb.notebookType !== 'jupyter-notebook') return;
    this.start(nb.uri.toString(), delay ?? this.debounceMs(nb.uri), (signal) => this.analyseNotebook(nb, signal));
  }

  private async analyseNotebook(nb: vscode.NotebookDocument, signal: AbortSignal): Promise<void> {
    const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python');
    const versions = cells.map((c) => c.document.version);
    const folder = vscode.workspace.getWorkspaceFolder(nb.uri);
    const { config, settings } = await this.ctx.configFor(folder);
    if (!settings['diagnostics.enabled']) return;
    const h = await this.ctx.engine();
    const src = buildNotebookSource(cells.map((c) => ({ id: c.document.uri.toString(), text: c.document.getText() })));
    const rel = (this.ctx.reportPathFor(nb.uri) ?? 'notebook.ipynb').replace(/\.ipynb$/i, '') + '.notebook.py';
    const result = await this.ctx.analyzeText(h, { relPath: rel, text: src.text, cacheKey: nb.uri.toString(), config }, signal);
    if (signal.aborted || nb.isClosed || cells.some((c, i) => c.document.version !== versions[i])) return;
    h.priceFindings(result.findings, config, undefined, await this.ctx.pricingFor(config));
    const perCell = cells.map(() => [] as { d: vscode.Diagnostic; key: string; s: StoredFinding; f: Finding }[]);
    for (const f of result.findings) {
      const m = mapRange(src, f.startOffset, f.endOffset);
      if (!m) continue;
      const doc = cells[m.cell].document;
      const range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
      const fixes = f.fixes
        ?.map((fix) => {
          const edits = fix.edits.map((e) => {
            const r = mapRange(src, e.start, e.end);
            return r && r.cell === m.cell ? { start: r.start, end: r.end, newText: e.newText } : undefined;
          });
          return edits.every((e) => e) ? { title: fix.title, edits: edits as Fix['edits'] } : undefined;
        })
        .filter((x): x is Fix => !!x);
      // The finding as the cell sees it: its lines, columns and offsets (cost lenses and hover cards read them).
      const inCell: Finding = {
        ...f,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
        startOffset: m.start,
        endOffset: m.end,
        fixes: fixes?.length ? fixes : undefined,
      };
      perCell[m.cell].push({ d: toDiagnostic(f, range), key: fixKey(f.ruleId, range), s: stored(f, fixes), f: inCell });
    }
    const notebookPath = this.ctx.reportPathFor(nb.uri) ?? rel;
    cells.forEach((c, i) => {
      const k = c.document.uri.toString();
      this.ctx.fixes.record(k, c.document.version, perCell[i].map((x) => ({ key: x.key, finding: x.s })));
      this.ctx.liveResults.set(k, { version: c.document.version, findings: perCell[i].map((x) => x.f), relPath: notebookPath });
      this.ctx.live.set(c.document.uri, perCell[i].map((x) => x.d));
    });
    this.lensChanged();
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
    for (const d of this.disposables) d.dispose();
    this.lensEmitter.dispose();
  }
}
