/**
 * The extension's state in one place (after rust-analyzer's ctx.ts): the log, the two diagnostic
 * collections, the fix store, the last report, and the per-folder configuration. Settings are read
 * through `settingsFor()` every time they are needed, so nothing goes stale.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MAX_CONFIG_BYTES, type EffectiveConfig } from '../core/config';
import { readTextFile } from '../core/read-text';
import type { Finding } from '../core/types';
import type { PriceOverrides } from '../pricing/overrides';
import type { PriceSnapshot } from '../pricing/snapshot';
import type { ReportDocument } from '../report/model';
import { FixStore } from './fix-store';
import type { Heavy } from './heavy';
import { readSettings, resolveEffectiveConfig, SECTION, type SettingKey, type Settings } from './settings';

export const PRODUCT = 'Accel Advisor';
export const DEFAULT_REGION = 'us-east-1';

export interface FolderConfig {
  config: EffectiveConfig;
  settings: Settings;
  /** The `.accel-advisor.json` that applied, if any. */
  file?: string;
}

export interface PricingSources {
  region: string;
  hoursPerMonth: number;
  discount: number;
  snapshot: PriceSnapshot;
  overrides?: PriceOverrides;
}

/** Live (open-document) findings, priced, for code lenses and hovers. */
export interface LiveResult {
  version: number;
  findings: Finding[];
  /** Workspace-relative path the findings were computed under. */
  relPath: string;
}

export class Ctx implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  /** Open documents, including unsaved changes. */
  readonly live: vscode.DiagnosticCollection;
  /** Workspace scan results: shown for files without live results. */
  readonly scan: vscode.DiagnosticCollection;
  /** All scan diagnostics by URI, including those hidden while a file is open. */
  readonly scanStore = new Map<string, vscode.Diagnostic[]>();
  readonly fixes = new FixStore();
  readonly liveResults = new Map<string, LiveResult>();
  readonly onDidChangeLive = new vscode.EventEmitter<void>();
  readonly onDidChangeReport = new vscode.EventEmitter<ReportDocument | undefined>();
  report: ReportDocument | undefined;
  /** Folder prefixes used in a multi-root report's file paths → folder URI. */
  reportFolders = new Map<string, vscode.Uri>();

  private heavy: Promise<Heavy> | undefined;
  private readonly fileConfigs = new Map<string, Promise<{ file?: string; parsed?: import('../core/config').ConfigFile; error?: string }>>();
  private readonly warned = new Set<string>();
  private snapshot: PriceSnapshot | undefined;
  private readonly overrides = new Map<string, Promise<PriceOverrides | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel(PRODUCT, { log: true });
    this.live = vscode.languages.createDiagnosticCollection('accel-advisor');
    this.scan = vscode.languages.createDiagnosticCollection('accel-advisor-scan');
    this.disposables.push(this.log, this.live, this.scan, this.onDidChangeLive, this.onDidChangeReport);
    const watcher = vscode.workspace.createFileSystemWatcher('**/.accel-advisor.json');
    const invalidate = () => {
      this.fileConfigs.clear();
      this.overrides.clear();
      this.onDidChangeLive.fire();
    };
    watcher.onDidChange(invalidate);
    watcher.onDidCreate(invalidate);
    watcher.onDidDelete(invalidate);
    this.disposables.push(
      watcher,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(invalidate),
    );
  }

  private documentWorker: import('../core/worker-pool').DocumentWorker | undefined;

  /**
   * Analyses an open document off the extension host's thread (dist/worker.js, which keeps each
   * document's syntax tree between edits); in this thread when the worker is not available.
   */
  async analyzeText(
    h: Heavy,
    req: { relPath: string; text: string; absPath?: string; cacheKey: string; config: EffectiveConfig },
    signal: AbortSignal,
  ): Promise<import('../core/engine').DocumentAnalysis> {
    const script = path.join(__dirname, 'worker.js');
    if (!this.documentWorker && existsSync(script)) {
      this.documentWorker = new h.DocumentWorker(script);
      this.disposables.push({ dispose: () => void this.documentWorker?.close() });
    }
    if (this.documentWorker?.alive) {
      try {
        return await this.documentWorker.analyze(req, signal);
      } catch (err) {
        if (signal.aborted || this.documentWorker.alive) throw err;
        this.log.warn(`analysis worker stopped (${(err as Error).message}); analysing in the extension host`);
      }
    }
    return h.analyzeDocument(new h.SourceDocument(req.relPath, req.text, req.absPath, req.cacheKey), h.allAnalyzers, req.config, signal);
  }

  /** Forgets an open document's cached syntax trees. */
  releaseDocument(cacheKey: string): void {
    this.documentWorker?.release(cacheKey);
    void this.heavy?.then((h) => h.releaseDocument(cacheKey));
  }

  /** Parsers, analyzers, catalog, pricing: loaded once, on first use. */
  engine(): Promise<Heavy> {
    // require, not import(): the bundle keeps './heavy' as a separate file (dist/heavy.js) and
    // CommonJS resolution finds it; an ES import() of an extension-less path would not.
    this.heavy ??= Promise.resolve().then(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const h = require('./heavy') as Heavy;
      h.setCodeCacheDir(this.cacheDir(h));
      this.selectSnapshot(h);
      return h;
    });
    return this.heavy;
  }

  /** The user cache folder shared with the command line (refreshed prices, V8 code cache). */
  cacheDir(h: Heavy): string {
    return process.env.ACCEL_ADVISOR_CACHE_DIR || h.defaultCacheDir();
  }

  /** Prices from a refreshed snapshot in the cache when newer than the embedded one. */
  selectSnapshot(h: Heavy): void {
    this.snapshot = h.loadActiveSnapshot(this.cacheDir(h), { warn: (m) => this.log.warn(m) });
    h.setActiveSnapshot(this.snapshot);
    this.log.info(`prices: ${this.snapshot.label}, as of ${this.snapshot.asOf}`);
  }

  /** Warns once per distinct message (bad settings, bad config file), and logs it. */
  warnOnce(message: string, level: 'warning' | 'error' = 'warning'): void {
    this.log[level === 'error' ? 'error' : 'warn'](message);
    if (this.warned.has(message)) return;
    this.warned.add(message);
    const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    void show(`${PRODUCT}: ${message}`, 'Show Log').then((choice) => {
      if (choice) this.log.show();
    });
  }

  settingsFor(scope?: vscode.ConfigurationScope): Settings {
    const cfg = vscode.workspace.getConfiguration(SECTION, scope);
    const { settings, warnings } = readSettings((key: SettingKey) => {
      const i = cfg.inspect(key);
      // Only values somebody set count; defaults come from our own table.
      return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    });
    for (const w of warnings) this.warnOnce(w);
    return settings;
  }

  private readConfigFile(folder: vscode.WorkspaceFolder) {
    const key = folder.uri.toString();
    let p = this.fileConfigs.get(key);
    if (!p) {
      p = (async () => {
        if (folder.uri.scheme !== 'file') return {};
        const h = await this.engine();
        const file = path.join(folder.uri.fsPath, h.CONFIG_FILE_NAME);
        let text: string;
        try {
          text = await readTextFile(file, MAX_CONFIG_BYTES);
        } catch (err) {
          // No file is no configuration; one that cannot be read (a link to a device, a pipe) is said.
          if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return {};
          return { file, error: `${file}: cannot read: ${(err as Error).message}` };
        }
        try {
          return { file, parsed: h.parseConfigText(text, file) };
        } catch (err) {
          return { file, error: (err as Error).message };
        }
      })();
      this.fileConfigs.set(key, p);
    }
    return p;
  }

  /** Effective configuration for a folder (or for files outside any folder). */
  async configFor(folder: vscode.WorkspaceFolder | undefined): Promise<FolderConfig> {
    const settings = this.settingsFor(folder?.uri);
    const fromFile = folder ? await this.readConfigFile(folder) : {};
    if (fromFile.error) this.warnOnce(`${fromFile.error} — the settings are used instead until the file is fixed.`, 'error');
    const { config, ignoredFromFile } = resolveEffectiveConfig({
      settings,
      file: fromFile.parsed,
      fileDir: fromFile.file ? path.dirname(fromFile.file) : undefined,
      folder: folder?.uri.fsPath,
      trusted: vscode.workspace.isTrusted,
    });
    if (ignoredFromFile.length) this.log.warn(`${fromFile.file}: ${ignoredFromFile.join(', ')} ignored in an untrusted workspace`);
    return { config, settings, file: fromFile.parsed ? fromFile.file : undefined };
  }

  /** What prices are computed with for a folder's config. */
  async pricingFor(config: EffectiveConfig): Promise<PricingSources> {
    const h = await this.engine();
    const region = config.region ?? DEFAULT_REGION;
    let overrides: PriceOverrides | undefined;
    if (config.priceFile) {
      let p = this.overrides.get(config.priceFile);
      if (!p) {
        p = h.loadPriceOverrides(config.priceFile).catch((err: Error) => {
          this.warnOnce(`${err.message} — list prices are used instead.`);
          return undefined;
        });
        this.overrides.set(config.priceFile, p);
      }
      overrides = await p;
    }
    // A refreshed snapshot covers the regions refreshed; others keep the embedded prices.
    const snapshot = this.snapshot && Object.prototype.hasOwnProperty.call(this.snapshot.prices, region) ? this.snapshot : h.embeddedSnapshot();
    return { region, hoursPerMonth: config.hoursPerMonth, discount: config.discount, snapshot, ...(overrides ? { overrides } : {}) };
  }

  /** The report path of a document: folder-relative, prefixed by the folder's name in a multi-root workspace. */
  reportPathFor(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${rel}` : rel;
  }

  /** The inverse of reportPathFor, for paths the report panel sends back. */
  uriForReportPath(file: string): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return undefined;
    if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, ...file.split('/'));
    const slash = file.indexOf('/');
    const folder = this.reportFolders.get(file.slice(0, slash)) ?? folders.find((f) => f.name === file.slice(0, slash))?.uri;
    return folder ? vscode.Uri.joinPath(folder, ...file.slice(slash + 1).split('/')) : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
